import Foundation
import GRDB
import NaraDomain

/// Reads what the access policy decides on, in the transaction of the read or write it
/// guards, so the facts cannot be stale: who is asking, and for each patient the care
/// relationship of the asker's unit, consents, blocks and openings. A fixed number of
/// statements however many patients a list holds.
package enum AccessFacts {
    /// The signed-in user as the policy sees them: rights from their roles, nothing
    /// once deactivated, so an open session stops at its next action.
    static func subject(_ db: Database, _ context: AccessContext) throws -> AccessSubject {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.*, u.provider_id FROM staff s JOIN care_unit u ON u.id = ? WHERE s.id = ?
            """), arguments: [context.unitId.rawValue, context.staffId.rawValue]) else {
            throw StoreError.unknownStaff(context.staffId)
        }
        let staff = Decode.staff(row)
        return AccessSubject(staffId: staff.id, unitId: context.unitId,
                             providerId: ProviderID(rawValue: row["provider_id"] ?? ""),
                             rights: staff.rights, active: staff.active)
    }

    /// The policy's facts for each of `patients`, from the subject's side.
    static func facts(_ db: Database, patients: [Int64], subject: AccessSubject, today: LocalDate,
                      now: Date) throws -> [Int64: PatientAccessFacts] {
        guard !patients.isEmpty else { return [:] }
        if patients.count == 1 {
            return [patients[0]: try facts(db, patient: patients[0], subject: subject, today: today, now: now)]
        }
        let ids = Set(patients).map(String.init).joined(separator: ",")
        let rows = try TaggedRead(manyPatients("IN (\(ids))"), cached: false)
            .fetch(db, arguments: arguments(unit: subject.unitId, staff: subject.staffId, today: today, now: now))
        var result = Dictionary(uniqueKeysWithValues: Set(patients).map { ($0, PatientAccessFacts()) })
        assemble(rows, into: &result)
        return result
    }

    /// The parts of the facts of the patients `patients` selects ("IN (…)", a list or a
    /// subquery), for a `TaggedRead` with `arguments(unit:staff:today:now:)`.
    package static func manyPatients(_ patients: String) -> [TaggedRead.Part] {
        [
            TaggedRead.Part("f_listed", "SELECT patient_id " + Basis.listing.from(patients)),
            TaggedRead.Part("f_named", "SELECT patient_id " + Basis.namedContact.from(patients)),
            TaggedRead.Part("f_referral", "SELECT patient_id " + Basis.referral.from(patients)),
            TaggedRead.Part("f_plan", "SELECT p.patient_id " + Basis.plan.from(patients)),
            // Each patient's latest encounter at the unit found by one seek down the
            // patient's encounters: a GROUP BY read all of them, 50 a patient in a busy
            // outbox, half the referral queue's read.
            TaggedRead.Part("f_encounter", """
                SELECT patient_id, last FROM (SELECT p.id AS patient_id, (SELECT max(at) \(Basis.encounter.from("= p.id"))) AS last
                                                FROM patient p WHERE p.id \(patients)) AS seen
                 WHERE last IS NOT NULL
                """),
            TaggedRead.Part("f_request", "SELECT patient_id, max(registered_on) AS last, max(assessed_at IS NULL) AS open "
                            + Basis.careRequest.from(patients) + " GROUP BY patient_id"),
            TaggedRead.Part("f_consent", "SELECT * FROM consent WHERE revoked_at IS NULL AND patient_id \(patients)"),
            TaggedRead.Part("f_block", "SELECT * FROM information_block WHERE to_date IS NULL AND patient_id \(patients)"),
            TaggedRead.Part("f_opening", """
                SELECT o.*, b.patient_id FROM block_opening o JOIN information_block b ON b.id = o.block_id
                WHERE b.to_date IS NULL AND o.until_ms > :now_ms AND b.patient_id \(patients)
                """),
            TaggedRead.Part("provider_of_unit", "SELECT id, provider_id FROM care_unit"),
        ]
    }

    static func arguments(unit: UnitID, staff: StaffID, today: LocalDate, now: Date) -> StatementArguments {
        StatementArguments(values(unit: unit, staff: staff, today: today, now: now))
    }

    /// The values of the named arguments, for a store that binds them its own way.
    package static func values(unit: UnitID, staff: StaffID, today: LocalDate,
                               now: Date) -> [String: (any DatabaseValueConvertible)?] {
        ["unit": unit.rawValue, "staff": staff.rawValue, "today": today.iso,
         "now_ms": Int64(now.timeIntervalSince1970 * 1000)]
    }

    /// Fills in the facts of the patients in `result` from `manyPatients` rows; others are ignored.
    package static func assemble(_ rows: [String: [Row]], into result: inout [Int64: PatientAccessFacts]) {
        func each(_ part: String, _ body: (inout PatientAccessFacts, Row) -> Void) {
            for row in rows[part] ?? [] {
                let id: Int64 = row["patient_id"]
                if result[id] != nil { body(&result[id]!, row) }
            }
        }
        each("f_listed") { f, _ in f.relationship.listedAtUserUnit = true }
        each("f_named") { f, _ in f.relationship.userIsNamedContact = true }
        each("f_referral") { f, _ in f.relationship.referralWithUserUnit = true }
        each("f_plan") { f, _ in f.relationship.planWithUserUnit = true }
        each("f_encounter") { f, row in
            f.relationship.lastEncounterAtUserUnit = LocalDate(
                date: Date(timeIntervalSince1970: TimeInterval(row["last"] as Int64)), in: .stockholm)
        }
        each("f_request") { f, row in
            f.relationship.lastCareRequestAtUserUnit = LocalDate(iso: row["last"] ?? "")
            f.relationship.openCareRequestAtUserUnit = row["open"] ?? false
        }
        each("f_consent") { f, row in f.consents.append(Decode.consent(row)) }
        each("f_block") { f, row in f.blocks.append(Decode.block(row)) }
        each("f_opening") { f, row in f.openings.append(Decode.opening(row)) }
        var providers: [UnitID: ProviderID] = [:]
        for row in rows["provider_of_unit"] ?? [] {
            providers[UnitID(rawValue: row["id"])] = ProviderID(rawValue: row["provider_id"] ?? "")
        }
        for id in result.keys { result[id]!.providers = providers }
    }

    /// One patient, as a record is opened or changed: everything in one statement.
    static func facts(_ db: Database, patient: Int64, subject: AccessSubject, today: LocalDate,
                      now: Date) throws -> PatientAccessFacts {
        let rows = try TaggedRead(onePatient).fetch(db, arguments: arguments(patient: patient, unit: subject.unitId,
                                                                             staff: subject.staffId, today: today, now: now))
        return assemble(rows)
    }

    /// The parts of one patient's facts, for a `TaggedRead`, with `arguments(…)`.
    package static let onePatient: [TaggedRead.Part] = {
        let one = "= :patient"
        return [
            TaggedRead.Part("relationship", """
                SELECT EXISTS (SELECT 1 \(Basis.listing.from(one))) AS listed,
                       EXISTS (SELECT 1 \(Basis.namedContact.from(one))) AS named,
                       EXISTS (SELECT 1 \(Basis.referral.from(one))) AS referral,
                       EXISTS (SELECT 1 \(Basis.plan.from(one))) AS plan,
                       (SELECT max(at) \(Basis.encounter.from(one))) AS last_encounter,
                       (SELECT max(registered_on) \(Basis.careRequest.from(one))) AS last_request,
                       EXISTS (SELECT 1 \(Basis.careRequest.from(one)) AND assessed_at IS NULL) AS open_request
                """),
            TaggedRead.Part("consent", "SELECT * FROM consent WHERE patient_id = :patient AND revoked_at IS NULL"),
            TaggedRead.Part("block", "SELECT * FROM information_block WHERE patient_id = :patient AND to_date IS NULL"),
            TaggedRead.Part("opening", """
                SELECT o.* FROM block_opening o JOIN information_block b ON b.id = o.block_id
                WHERE b.patient_id = :patient AND b.to_date IS NULL AND o.until_ms > :now_ms
                """),
            TaggedRead.Part("provider_of_unit", "SELECT id, provider_id FROM care_unit"),
        ]
    }()

    /// Who asks, as a part beside `onePatient` (`subject(_:context:)` reads it).
    package static let subjectPart = TaggedRead.Part("subject", """
        SELECT s.*, u.provider_id FROM staff s JOIN care_unit u ON u.id = :unit WHERE s.id = :staff
        """)

    static func arguments(patient: Int64, unit: UnitID, staff: StaffID, today: LocalDate,
                          now: Date) -> StatementArguments {
        var arguments = arguments(unit: unit, staff: staff, today: today, now: now)
        _ = arguments.append(contentsOf: ["patient": patient])
        return arguments
    }

    package static func subject(_ rows: [String: [Row]], context: AccessContext) throws -> AccessSubject {
        guard let row = rows["subject"]?.first else { throw StoreError.unknownStaff(context.staffId) }
        let staff = Decode.staff(row)
        return AccessSubject(staffId: staff.id, unitId: context.unitId,
                             providerId: ProviderID(rawValue: row["provider_id"] ?? ""),
                             rights: staff.rights, active: staff.active)
    }

    package static func assemble(_ rows: [String: [Row]]) -> PatientAccessFacts {
        var f = PatientAccessFacts()
        let row = rows["relationship"]?.first
        f.relationship = CareRelationshipFacts(
            listedAtUserUnit: row?["listed"] ?? false, userIsNamedContact: row?["named"] ?? false,
            referralWithUserUnit: row?["referral"] ?? false, planWithUserUnit: row?["plan"] ?? false,
            lastEncounterAtUserUnit: (row?["last_encounter"] as Int64?).map {
                LocalDate(date: Date(timeIntervalSince1970: TimeInterval($0)), in: .stockholm)
            },
            lastCareRequestAtUserUnit: (row?["last_request"] as String?).flatMap(LocalDate.init(iso:)),
            openCareRequestAtUserUnit: row?["open_request"] ?? false)
        f.consents = (rows["consent"] ?? []).map(Decode.consent)
        f.blocks = (rows["block"] ?? []).map(Decode.block)
        f.openings = (rows["opening"] ?? []).map(Decode.opening)
        for row in rows["provider_of_unit"] ?? [] {
            f.providers[UnitID(rawValue: row["id"])] = ProviderID(rawValue: row["provider_id"] ?? "")
        }
        return f
    }

    /// Every unit's provider: a small table, read whole.
    static func providerMap(_ db: Database) throws -> [UnitID: ProviderID] {
        var map: [UnitID: ProviderID] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, provider_id FROM care_unit")) {
            map[UnitID(rawValue: row["id"])] = ProviderID(rawValue: row["provider_id"] ?? "")
        }
        return map
    }
}

/// Where each care relationship is found (DOMAIN.md "Access and logging"), written once
/// for one patient and for a list of them: `from(patients)` completes
/// `FROM … WHERE patient_id <patients> AND …`, with `:unit`, `:staff` and `:today`.
enum Basis {
    case listing, namedContact, referral, plan, encounter, careRequest

    func from(_ patients: String) -> String {
        switch self {
        case .listing:
            return "FROM listing WHERE patient_id \(patients) AND unit_id = :unit AND to_date IS NULL"
        case .namedContact:
            return """
                FROM care_contact WHERE patient_id \(patients) AND staff_id = :staff AND from_date <= :today
                  AND (to_date IS NULL OR to_date > :today)
                """
        case .referral:
            // A draft gives the addressee nothing; a rejected referral stays the sender's.
            return """
                FROM referral WHERE patient_id \(patients)
                  AND ((from_unit_id = :unit AND state NOT IN ('draft', 'acknowledged', 'cancelled'))
                    OR (to_unit_id = :unit AND state NOT IN ('draft', 'rejected', 'acknowledged', 'cancelled')))
                """
        case .plan:
            // A plan is a relationship only with the person's consent.
            return """
                FROM coordinated_plan p WHERE p.patient_id \(patients) AND p.closed_on IS NULL
                  AND p.consent_on IS NOT NULL
                  AND (p.responsible_unit_id = :unit OR EXISTS (SELECT 1 FROM plan_participant pp
                                                               WHERE pp.plan_id = p.id AND pp.unit_id = :unit))
                """
        case .encounter:
            return "FROM encounter WHERE patient_id \(patients) AND unit_id = :unit AND annulled_at IS NULL"
        case .careRequest:
            return "FROM care_request WHERE patient_id \(patients) AND unit_id = :unit"
        }
    }
}
