import Foundation
import GRDB
import NaraDomain
import NaraLogChain
import NaraStore
import PostgresNIO

/// The patient's own record on PostgreSQL: registration, listing, problems, encounters
/// and discharges, and a log row naming no patient, with the rules, refusals and log
/// rows of the SQLite store (`PatientWriteRules`).
///
/// Statements, each a round trip (`client.statementsSent`): a change through the door
/// (`PostgresDoor.swift`) is five (BEGIN, the patient's lock, the facts with what the
/// request names, the change with its log row, COMMIT); one refused on what was read
/// four (ROLLBACK for the last two); one refused on the request alone (no name, a code
/// that is no ICD-10 code, a discharge before its admission) none. A registration is
/// four (BEGIN, who asks with the unit and any patient of that identifier, the patient
/// with listing and log row, COMMIT); refused on what was read, three (ROLLBACK for the
/// last two); refused at the unique index, four. `logEvent` is one.
///
/// Many writers: a registration takes no lock, as there is no patient to lock yet; the
/// unique identifier decides between two sessions registering one identifier at once,
/// and the one that loses is refused as if it had read the other's patient. A listing
/// passes the patient's lock, so two sessions listing one patient follow one another and
/// leave one open listing.
extension PostgresStore {
    public func registerPatient(_ new: NewPatient, listedAt unit: UnitID?, on day: LocalDate,
                                as context: AccessContext) throws -> Patient {
        let new = try PatientWriteRules.cleaned(new)
        let ident = new.identifier, now = clock.now
        var binds = PostgresBindings()
        binds.append(context.unitId.rawValue)
        binds.append(context.staffId.rawValue)
        binds.append(unit?.rawValue)
        binds.append(ident.value)
        do {
            return try client.transaction { session in
                let read = try JSONRows.parts(session.query(PostgresQuery(unsafeSQL: Self.registrationSQL,
                                                                          binds: binds)))
                try PatientWriteRules.checkRegistrar(try AccessFacts.subject(read, context: context))
                guard read["existing"]?.isEmpty ?? true else { throw PatientWriteRules.duplicate(ident) }
                if let unit {
                    try PatientWriteRules.checkListingUnit(try Validate.unit(read["named_unit"]?.first, unit))
                }
                let log = try Self.logJSON([AccessLogAppend(context, patient: nil, action: .write,
                                                            detail: PatientWriteRules.registerDetail, at: now)])
                // The name words go in by the patient table's trigger, as for a copied patient.
                // `patient_identifier` holds other systems' identifiers, which only an
                // import brings (as on SQLite): a registration has none to write.
                let rows = try session.query("""
                    WITH work AS (
                        INSERT INTO nara.patient(ident, ident_short, ident_kind, given_name, family_name, search_name,
                                                 sex, birth_date, street, postal_code, city, phone, protected)
                        VALUES (\(ident.value), \(String(ident.value.suffix(10))), \(ident.kind.rawValue),
                                \(new.givenName), \(new.familyName), \(PatientWriteRules.searchName(new)),
                                \(ident.sex.rawValue), \(ident.birthDate?.iso), \(new.address?.street),
                                \(new.address?.postalCode), \(new.address?.city), \(new.phone),
                                \(new.protectedIdentity))
                        RETURNING id
                    ), listed AS (
                        INSERT INTO nara.listing(patient_id, unit_id, from_date)
                        SELECT id, \(unit?.rawValue)::text, \(day.iso) FROM work
                         WHERE \(unit?.rawValue)::text IS NOT NULL
                    ), logged AS (
                        SELECT log_id FROM nara.append_access_log(
                            jsonb_set(\(log)::jsonb, '{0,patient_id}', to_jsonb((SELECT id FROM work))))
                    )
                    SELECT (SELECT id FROM work), (SELECT count(*) FROM logged)
                    """)
                let (id, logged) = try rows[0].decode((Int64, Int64).self)
                guard logged == 1 else { throw StoreError.unavailable("the access log took \(logged) rows for one") }
                return PatientWriteRules.registered(new, id: id)
            }
        } catch StoreError.duplicate(let message) where message.contains(Self.identifierConstraint) {
            throw PatientWriteRules.duplicate(ident)
        }
    }

    /// Listing at one's own unit, or elsewhere under the policy
    /// (`PatientWriteRules.listingDecision`). A change ends the active listing, opens the
    /// new one and ends the named GP at the unit left behind, in the door's one work
    /// statement, in that order: the new listing goes in after the old one has ended, as
    /// the one-open-listing index wants.
    public func setListing(_ patient: PatientID, unit: UnitID, from day: LocalDate, as context: AccessContext) throws {
        let today = clock.today, now = clock.now
        try writeThroughDoor(context, patient: patient, named: (unit.rawValue, nil, nil),
                             parts: [Self.activeListingPart], decide: { read in
            try PatientWriteRules.listingDecision(
                unit, context: context, subject: read.subject, patientExists: { _ = try read.facts() },
                elsewhere: { try Self.writeGrant(read, category: .identity, today: today, now: now) })
        }) { read, logged in
            let active = read.first(Self.activeListingPart.name)
            if PatientWriteRules.listedAlready(active, at: unit) {
                return DoorWork(query: "SELECT NULL::bigint AS id WHERE false", logged: logged) { _ in }
            }
            if let active { try PatientWriteRules.checkListingDay(active, day: day) }
            try PatientWriteRules.checkListingUnit(try Validate.unit(read.first("named_unit"), unit))
            var binds = PostgresBindings()
            binds.append(patient.rawValue)
            binds.append(unit.rawValue)
            binds.append(day.iso)
            binds.append(seconds(now))
            binds.append(context.staffId.rawValue)
            // The patient chooses the named GP by listing (HSL 7 kap 3 §): the one at the
            // unit left behind ends the day the new listing starts, saying where to.
            return DoorWork(query: PostgresQuery(unsafeSQL: """
                UPDATE nara.listing SET to_date = $3 WHERE patient_id = $1 AND to_date IS NULL RETURNING id
                """, binds: binds), logged: logged, then: """
                INSERT INTO nara.listing(patient_id, unit_id, from_date)
                SELECT $1, $2, $3 WHERE (SELECT count(*) FROM work) >= 0
                """, more: ["""
                UPDATE nara.care_contact SET to_date = greatest(from_date, $3), ended_by_listing = $2,
                       version = version + 1, updated_at = $4, updated_by = $5
                 WHERE patient_id = $1 AND role = 'named_physician' AND to_date IS NULL AND unit_id <> $2
                """]) { _ in }
        }
    }

    public func addProblem(_ patient: PatientID, code: String, text: String, chronic: Bool, since: LocalDate?,
                           as context: AccessContext) throws -> Problem {
        let code = try PatientWriteRules.problemCode(code)
        let text = try PatientWriteRules.problemText(text)
        return try writeThroughDoor(context, patient: patient, decide: clinicalGrant) { _, grant in
            DoorWork(query: """
                INSERT INTO nara.problem(patient_id, code, text, chronic, since, unit_id)
                VALUES (\(patient.rawValue), \(code), \(text), \(chronic), \(since?.iso), \(context.unitId.rawValue))
                RETURNING id
                """, logged: SQLiteStore.logged(PatientWriteRules.problemDetail(code), grant)) { rows in
                Problem(id: try Self.insertedID(rows), patientId: patient, code: code, text: text, chronic: chronic,
                        since: since, unitId: context.unitId)
            }
        }
    }

    public func recordEncounter(_ new: NewEncounter, as context: AccessContext) throws -> Encounter {
        let reason = try PatientWriteRules.encounterReason(new, context: context, now: clock.now)
        return try writeThroughDoor(context, patient: new.patientId, named: (nil, nil, new.staffId.rawValue),
                                    decide: clinicalGrant) { read, grant in
            try PatientWriteRules.checkClinician(try Validate.staff(read.first("named_staff"), new.staffId,
                                                                    mustBeActive: false), context: context)
            return DoorWork(query: """
                INSERT INTO nara.encounter(patient_id, at, mode, planned, staff_id, unit_id, reason, author_id)
                VALUES (\(new.patientId.rawValue), \(seconds(new.at)), \(new.mode.rawValue), \(new.planned),
                        \(new.staffId.rawValue), \(new.unitId.rawValue), \(reason), \(context.staffId.rawValue))
                RETURNING id
                """, logged: SQLiteStore.logged(PatientWriteRules.encounterDetail(new, context: context), grant)) {
                rows in
                PatientWriteRules.encounter(new, id: try Self.insertedID(rows), reason: reason, author: context.staffId)
            }
        }
    }

    public func recordDischarge(_ patient: PatientID, unit: UnitID, admittedOn: LocalDate, dischargedOn: LocalDate,
                                as context: AccessContext) throws -> HospitalDischarge {
        try PatientWriteRules.checkDischarge(admittedOn: admittedOn, dischargedOn: dischargedOn)
        return try writeThroughDoor(context, patient: patient, named: (unit.rawValue, nil, nil),
                                    decide: clinicalGrant) { read, grant in
            _ = try Validate.unit(read.first("named_unit"), unit)
            return DoorWork(query: """
                INSERT INTO nara.discharge(patient_id, unit_id, admitted_on, discharged_on)
                VALUES (\(patient.rawValue), \(unit.rawValue), \(admittedOn.iso), \(dischargedOn.iso))
                RETURNING id
                """, logged: SQLiteStore.logged(PatientWriteRules.dischargeDetail, grant)) { rows in
                HospitalDischarge(id: try Self.insertedID(rows), patientId: patient, unitId: unit,
                                  admittedOn: admittedOn, dischargedOn: dischargedOn)
            }
        }
    }

    /// A log row naming no patient, for something that showed no patient information
    /// (an ignored remote command, a report without identities): one statement.
    public func logEvent(_ detail: String, action: AccessAction, as context: AccessContext) throws {
        try appendAccessLog([AccessLogAppend(context, patient: nil, action: action, detail: detail, at: clock.now)])
    }

    /// Clinical information is written under the SQLite door's rule for it.
    func clinicalGrant(_ read: DoorRead) throws -> AccessGrant {
        try Self.writeGrant(read, category: .clinical, today: clock.today, now: clock.now)
    }

    /// Identity (who the patient is, and their administrative facts) likewise.
    func identityGrant(_ read: DoorRead) throws -> AccessGrant {
        try Self.writeGrant(read, category: .identity, today: clock.today, now: clock.now)
    }

    /// The id of the row an INSERT … RETURNING id gave.
    static func insertedID(_ rows: [Row]) throws -> Int64 {
        guard let id = rows.first?["id"] as Int64? else { throw StoreError.other("the insert returned no row") }
        return id
    }

    /// The unique constraint on a patient's identifier (`RegionSchema.patients`).
    static let identifierConstraint = "patient_ident_key"

    static let activeListingPart = PostgresRecordSQL.translated(PatientWriteRules.activeListingPart)

    /// Who asks (`$1` unit, `$2` user), the unit to list at (`$3`, or NULL), and any
    /// patient with the identifier (`$4`), in one statement.
    static let registrationSQL = PostgresRecordSQL.union([
        PostgresRecordSQL.translated(AccessFacts.subjectPart, arguments: ["unit", "staff"]),
        TaggedRead.Part("named_unit", "SELECT * FROM nara.care_unit WHERE id = $3::text"),
        TaggedRead.Part("existing", "SELECT id FROM nara.patient WHERE ident = $4::text"),
    ])
}
