import Foundation
import GRDB
import NaraDomain

/// Rows to domain values. Decoding is explicit rather than through Codable records:
/// the column names are the schema's, the types are the domain's, and the hot paths
/// (search, overview) avoid Codable's per-row overhead.
package enum Decode {
    static func day(_ value: String?) -> LocalDate? { value.flatMap(LocalDate.init(iso:)) }

    static func day(_ row: Row, _ column: String) -> LocalDate? { day(row[column] as String?) }

    static func requiredDay(_ row: Row, _ column: String) -> LocalDate {
        day(row, column) ?? LocalDate(dayNumber: 0)
    }

    static func time(_ row: Row, _ column: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(row[column] as Int64))
    }

    static func identifier(_ row: Row) -> PersonIdentifier {
        PersonIdentifier(kind: IdentifierKind(rawValue: row["ident_kind"]) ?? .personnummer,
                         value: row["ident"], birthDate: day(row, "birth_date"),
                         sex: Sex(rawValue: row["sex"]) ?? .unknown)
    }

    static func patient(_ row: Row) -> Patient {
        let street: String? = row["street"], postal: String? = row["postal_code"], city: String? = row["city"]
        let address = street.map { Address(street: $0, postalCode: postal ?? "", city: city ?? "") }
        var p = Patient(id: PatientID(row["id"] as Int64), identifier: identifier(row),
                        givenName: row["given_name"], familyName: row["family_name"],
                        sex: Sex(rawValue: row["sex"]) ?? .unknown, birthDate: day(row, "birth_date"),
                        address: address, phone: row["phone"], protectedIdentity: row["protected"] as Bool,
                        deceased: (row["deceased"] as Bool?) ?? false, deceasedOn: day(row, "deceased_on"),
                        nextOfKin: nextOfKin(row["next_of_kin"]),
                        interpreter: (row["interpreter"] as String?).flatMap(InterpreterNeed.init(language:)))
        p.residentialCare = (row["residential_care"] as Bool?) ?? false
        return p
    }

    /// The JSON column written by `SQLiteStore.encodeNextOfKin`; a row without it has none.
    static func nextOfKin(_ json: String?) -> [NextOfKin] {
        guard let data = json?.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([NextOfKin].self, from: data)) ?? []
    }

    static func observation(_ row: Row) -> Observation {
        Observation(id: row["id"], patientId: PatientID(row["patient_id"] as Int64),
                    kind: ObservationKind(rawValue: row["kind"]) ?? .bodyWeight, value: row["value"], value2: row["value2"],
                    smoking: (row["smoking"] as String?).flatMap(SmokingStatus.init(rawValue:)),
                    at: Date(timeIntervalSince1970: TimeInterval(row["at"] as Int64)),
                    unitId: UnitID(row["unit_id"] as String), staffId: (row["staff_id"] as String?).map { StaffID($0) })
    }

    package static func unit(_ row: Row) -> CareUnit {
        CareUnit(id: UnitID(row["id"] as String), name: row["name"],
                 principal: Principal(rawValue: row["principal"]) ?? .region,
                 kind: UnitKind(rawValue: row["kind"]) ?? .other,
                 providerId: (row["provider_id"] as String?).map { ProviderID(rawValue: $0) })
    }

    package static func staff(_ row: Row) -> Staff {
        let roles = (row["roles"] as String).split(separator: ",").compactMap { StaffRole(rawValue: String($0)) }
        return Staff(id: StaffID(row["id"] as String), name: row["name"],
                     profession: Profession(rawValue: row["profession"]) ?? .other,
                     unitId: UnitID(row["unit_id"] as String), roles: Set(roles), hsaId: row["hsa_id"],
                     active: row["active"] as Bool)
    }

    static func listing(_ row: Row) -> Listing {
        Listing(patientId: PatientID(row["patient_id"] as Int64), unitId: UnitID(row["unit_id"] as String),
                from: requiredDay(row, "from_date"), to: day(row, "to_date"))
    }

    static func contact(_ row: Row) -> CareContact {
        var c = CareContact(id: row["id"], patientId: PatientID(row["patient_id"] as Int64),
                    role: ContactRole(rawValue: row["role"]) ?? .careContact,
                    staffId: StaffID(row["staff_id"] as String), unitId: UnitID(row["unit_id"] as String),
                    reason: row["reason"], from: requiredDay(row, "from_date"), to: day(row, "to_date"),
                    endReason: row["end_reason"], version: row["version"], annulment: annulment(row))
        c.replacedBy = (row["replaced_by"] as String?).map { StaffID(rawValue: $0) }
        c.endedByListing = (row["ended_by_listing"] as String?).map { UnitID(rawValue: $0) }
        return c
    }

    /// The annulment columns of an encounter or contact row; nil while it stands.
    static func annulment(_ row: Row) -> Annulment? {
        guard let at = row["annulled_at"] as Int64? else { return nil }
        return Annulment(at: Date(timeIntervalSince1970: TimeInterval(at)),
                         by: StaffID(rawValue: (row["annulled_by"] as String?) ?? "?"),
                         reason: (row["annul_reason"] as String?) ?? "")
    }

    static func problem(_ row: Row) -> Problem {
        Problem(id: row["id"], patientId: PatientID(row["patient_id"] as Int64), code: row["code"],
                text: row["text"], chronic: row["chronic"] as Bool, since: day(row, "since"),
                unitId: (row["unit_id"] as String?).map { UnitID(rawValue: $0) })
    }

    static func encounter(_ row: Row) -> Encounter {
        Encounter(id: row["id"], patientId: PatientID(row["patient_id"] as Int64), at: time(row, "at"),
                  mode: EncounterMode(rawValue: row["mode"]) ?? .visit, planned: row["planned"] as Bool,
                  staffId: StaffID(row["staff_id"] as String), unitId: UnitID(row["unit_id"] as String),
                  reason: row["reason"], authorId: (row["author_id"] as String?).map { StaffID(rawValue: $0) },
                  annulment: annulment(row))
    }

    static func discharge(_ row: Row) -> HospitalDischarge {
        HospitalDischarge(id: row["id"], patientId: PatientID(row["patient_id"] as Int64),
                          unitId: UnitID(row["unit_id"] as String), admittedOn: requiredDay(row, "admitted_on"),
                          dischargedOn: requiredDay(row, "discharged_on"))
    }

    /// A referral without its history and pauses; `ReferralRows.load` adds them.
    static func referral(_ row: Row) -> Referral {
        Referral(id: row["id"], patientId: PatientID(row["patient_id"] as Int64),
                 fromUnitId: UnitID(row["from_unit_id"] as String), toUnitId: UnitID(row["to_unit_id"] as String),
                 priority: ReferralPriority(rawValue: row["priority"]), question: row["question"],
                 guarantee: GuaranteeKind(rawValue: row["guarantee"]) ?? .none,
                 selfReferral: row["self_referral"] as Bool,
                 state: ReferralState(rawValue: row["state"]) ?? .draft, createdAt: time(row, "created_at"),
                 createdBy: StaffID(row["created_by"] as String), sentOn: day(row, "sent_on"),
                 bookedOn: day(row, "booked_on"), seenOn: day(row, "seen_on"), reply: row["reply"],
                 version: row["version"])
    }

    static func referralEvent(_ row: Row) -> ReferralEvent {
        ReferralEvent(at: time(row, "at"), staffId: StaffID(row["staff_id"] as String),
                      unitId: UnitID(row["unit_id"] as String),
                      action: ReferralActionKind(rawValue: row["action"]) ?? .create,
                      from: ReferralState(rawValue: row["from_state"]) ?? .draft,
                      to: ReferralState(rawValue: row["to_state"]) ?? .draft, comment: row["comment"],
                      forwardedTo: (row["forwarded_to"] as String?).map { UnitID(rawValue: $0) })
    }

    static func pause(_ row: Row) -> GuaranteePause {
        GuaranteePause(kind: PauseKind(rawValue: row["kind"]) ?? .medical, from: requiredDay(row, "from_date"),
                       to: day(row, "to_date"), comment: row["comment"], offeredOn: day(row, "offered_on"),
                       patientInformed: (row["patient_informed"] as Bool?) ?? false)
    }

    static func plan(_ row: Row, participants: [PlanParticipant]) -> CoordinatedPlan {
        var plan = CoordinatedPlan(id: row["id"], patientId: PatientID(row["patient_id"] as Int64),
                                   responsibleUnitId: UnitID(row["responsible_unit_id"] as String),
                                   participants: participants, goal: row["goal"], agreedOn: requiredDay(row, "agreed_on"),
                                   followUpOn: day(row, "follow_up_on"), closedOn: day(row, "closed_on"),
                                   version: row["version"], consentOn: day(row, "consent_on"))
        plan.content.consentForm = (row["consent_form"] as String?).flatMap(PlanConsentForm.init(rawValue:))
        plan.content.meetingOn = day(row, "meeting_on")
        plan.content.responsibleStaffId = (row["responsible_staff_id"] as String?).map { StaffID(rawValue: $0) }
        return plan
    }

    package static func provider(_ row: Row) -> CareProvider {
        CareProvider(id: ProviderID(rawValue: row["id"]), name: row["name"],
                     principal: Principal(rawValue: row["principal"]) ?? .region)
    }

    package static func consent(_ row: Row) -> Consent {
        Consent(id: row["id"], patientId: PatientID(row["patient_id"] as Int64),
                granteeProviderId: ProviderID(rawValue: row["grantee_provider_id"]),
                sourceProviderId: (row["source_provider_id"] as String?).map { ProviderID(rawValue: $0) },
                from: requiredDay(row, "from_date"), until: day(row, "until_date"),
                recordedBy: StaffID(rawValue: row["recorded_by"]), recordedAt: time(row, "recorded_at"),
                revokedAt: (row["revoked_at"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) },
                revokedBy: (row["revoked_by"] as String?).map { StaffID(rawValue: $0) })
    }

    package static func block(_ row: Row) -> InformationBlock {
        let scope: InformationBlock.Scope = (row["unit_id"] as String?).map { .unit(UnitID(rawValue: $0)) }
            ?? .provider(ProviderID(rawValue: row["provider_id"] ?? ""))
        return InformationBlock(id: row["id"], patientId: PatientID(row["patient_id"] as Int64), scope: scope,
                                from: requiredDay(row, "from_date"), to: day(row, "to_date"), reason: row["reason"],
                                createdBy: StaffID(rawValue: row["created_by"]))
    }

    package static func opening(_ row: Row) -> BlockOpening {
        let grantee: BlockOpening.Grantee = (row["for_staff"] as String?).map { .staff(StaffID(rawValue: $0)) }
            ?? .unit(UnitID(rawValue: row["for_unit"] ?? ""))
        return BlockOpening(id: row["id"], blockId: row["block_id"], grantee: grantee,
                            from: Date(timeIntervalSince1970: TimeInterval(row["from_ms"] as Int64) / 1000),
                            until: Date(timeIntervalSince1970: TimeInterval(row["until_ms"] as Int64) / 1000),
                            basis: BlockOpening.Basis(rawValue: row["basis"]) ?? .consent, reason: row["reason"],
                            createdBy: StaffID(rawValue: row["created_by"]))
    }

    static func logEntry(_ row: Row) -> AccessLogEntry {
        AccessLogEntry(id: row["id"], atMilliseconds: row["at_ms"], staffId: StaffID(rawValue: row["staff_id"] as String),
                       unitId: UnitID(rawValue: row["unit_id"] as String),
                       patientId: (row["patient_id"] as Int64?).map { PatientID(rawValue: $0) },
                       action: AccessAction(rawValue: row["action"]) ?? .read, detail: row["detail"],
                       clientAddress: row["client_address"], sessionId: row["session_id"],
                       emergency: row["emergency"] as Bool, reason: row["reason"])
    }
}
