import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    /// The record as the policy lets the user see it; the basis goes into the log row,
    /// so a review sees why the record was opened. Three statements besides BEGIN and
    /// COMMIT, whatever the record holds: the policy's facts, the record and the log's
    /// head in one; the staff and units the record names; the log row.
    public func openRecord(_ id: PatientID, as context: AccessContext) throws -> PatientRecord {
        try write { db in
            let today = clock.today, now = clock.now
            let rows = try TaggedRead(RecordQuery.readWithLogHead)
                .fetch(db, arguments: AccessFacts.arguments(patient: id.rawValue, unit: context.unitId,
                                                            staff: context.staffId, today: today, now: now))
            let grant = try RecordQuery.grant(rows, patient: id, context: context, today: today, now: now)
            let parts = try RecordQuery.decode(rows)
            let (staff, units) = try RecordQuery.directory(db, staff: parts.staffIds, units: parts.unitIds)
            try appendLog(db, context: context, entries: [(id, RecordQuery.logged(grant))], action: .read,
                          head: LogHead.decode(rows["log_head"]?.first))
            return parts.record(staff: staff, units: units).seen(through: grant)
        }
    }
}

/// The whole record of one patient: one statement for every kind of record (a
/// `TaggedRead`), one for the staff and units it names.
package enum RecordQuery {
    /// The record's parts, over `:patient`.
    static let parts: [TaggedRead.Part] = [
        TaggedRead.Part("patient", "SELECT * FROM patient WHERE id = :patient"),
        TaggedRead.Part("listing", "SELECT * FROM listing WHERE patient_id = :patient",
                        order: "to_date IS NOT NULL, from_date DESC, id DESC"),
        TaggedRead.Part("contact", "SELECT * FROM care_contact WHERE patient_id = :patient",
                        order: "to_date IS NOT NULL, from_date DESC, id DESC"),
        TaggedRead.Part("problem", "SELECT * FROM problem WHERE patient_id = :patient", order: "chronic DESC, code, id"),
        TaggedRead.Part("encounter", "SELECT * FROM encounter WHERE patient_id = :patient", order: "at, id"),
    ] + ReferralRows.parts(where: "patient_id = :patient", order: "created_at DESC, id DESC")
      + PlanRows.parts(where: "patient_id = :patient") + [
        TaggedRead.Part("discharge", "SELECT * FROM discharge WHERE patient_id = :patient",
                        order: "discharged_on DESC, id DESC"),
        TaggedRead.Part("observation", "SELECT * FROM observation WHERE patient_id = :patient", order: "at, id"),
        TaggedRead.Part("notice", """
            SELECT n.*, u.name AS ward_name FROM discharge_notice n JOIN care_unit u ON u.id = n.ward_unit_id
            WHERE n.patient_id = :patient
            """, order: "admitted_on DESC, id DESC"),
        TaggedRead.Part("provider", "SELECT id, name FROM care_provider"),
    ]

    /// Who asks, the policy's facts about the patient and the record's parts, over
    /// `AccessFacts.arguments(patient:…)`: what opening a record reads in one statement,
    /// on either store.
    package static let read: [TaggedRead.Part] = [AccessFacts.subjectPart] + AccessFacts.onePatient + parts
    /// `read` with the log's head, which opening the record on SQLite chains its row to.
    static let readWithLogHead = read + [TaggedRead.Part("log_head", LogHead.sql)]

    /// The policy's answer on `read`'s rows: the grant, or the refusal thrown.
    package static func grant(_ rows: [String: [Row]], patient id: PatientID, context: AccessContext,
                              today: LocalDate, now: Date) throws -> AccessGrant {
        let subject = try AccessFacts.subject(rows, context: context)
        guard rows["patient"]?.isEmpty == false else { throw StoreError.notFound("patient \(id)") }
        return try SQLiteStore.granted(AccessPolicy.decide(subject, facts: AccessFacts.assemble(rows),
                                                           emergencyReason: context.emergencyReason,
                                                           today: today, now: now), patient: id)
    }

    /// The detail and emergency flag of the log row an opening writes.
    package static func logged(_ grant: AccessGrant) -> (detail: String, emergency: Bool) {
        SQLiteStore.logged("record", grant)
    }

    /// The record's parts decoded, before the staff and units they name are looked up.
    package struct Decoded {
        let patient: Patient
        let listings: [Listing], contacts: [CareContact], problems: [Problem], encounters: [Encounter]
        let referrals: [Referral], plans: [CoordinatedPlan], discharges: [HospitalDischarge]
        let observations: [Observation], notices: [DischargeNotice]
        let providerNames: [ProviderID: String]

        /// The ids of the staff the record names.
        package var staffIds: [String] {
            var ids = Set(contacts.map(\.staffId)).union(encounters.map(\.staffId))
            ids.formUnion(contacts.compactMap(\.annulment?.by) + encounters.compactMap(\.annulment?.by))
            ids.formUnion(contacts.compactMap(\.replacedBy))
            ids.formUnion(referrals.flatMap { $0.history.map(\.staffId) + [$0.createdBy] })
            return ids.map(\.rawValue).sorted()
        }

        /// The ids of the units the record names.
        package var unitIds: [String] {
            var ids = Set(listings.map(\.unitId)).union(contacts.map(\.unitId)).union(encounters.map(\.unitId))
            ids.formUnion(referrals.flatMap { [$0.fromUnitId, $0.toUnitId] + $0.history.compactMap(\.forwardedTo) })
            ids.formUnion(plans.flatMap(\.unitIds))
            ids.formUnion(discharges.map(\.unitId))
            ids.formUnion(notices.flatMap { [$0.wardUnitId, $0.unitId] })
            ids.formUnion(observations.map(\.unitId))
            return ids.map(\.rawValue).sorted()
        }

        /// The whole record, with the staff and units it names.
        package func record(staff: [Staff], units: [CareUnit]) -> PatientRecord {
            // Annulled rows are kept apart, so no rule over the record can count one by mistake.
            var record = PatientRecord(patient: patient, listings: listings,
                                       contacts: contacts.filter { $0.annulment == nil },
                                       problems: problems, encounters: encounters.filter { $0.annulment == nil },
                                       referrals: referrals, plans: plans, discharges: discharges,
                                       staff: Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                       units: Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
            record.annulled = AnnulledRecords(contacts: contacts.filter { $0.annulment != nil },
                                              encounters: encounters.filter { $0.annulment != nil })
            record.observations = observations
            record.dischargeNotices = notices
            record.providerNames = providerNames
            return record
        }
    }

    /// The record's parts from their rows (`parts`, each in its order).
    package static func decode(_ rows: [String: [Row]]) throws -> Decoded {
        func all(_ part: String) -> [Row] { rows[part] ?? [] }
        guard let patientRow = all("patient").first else { throw StoreError.notFound("patient") }
        var providerNames: [ProviderID: String] = [:]
        for row in all("provider") { providerNames[ProviderID(rawValue: row["id"])] = row["name"] }
        return Decoded(patient: Decode.patient(patientRow), listings: all("listing").map(Decode.listing),
                       contacts: all("contact").map(Decode.contact), problems: all("problem").map(Decode.problem),
                       encounters: all("encounter").map(Decode.encounter), referrals: ReferralRows.assemble(rows),
                       plans: PlanRows.assemble(rows), discharges: all("discharge").map(Decode.discharge),
                       observations: all("observation").map(Decode.observation),
                       notices: all("notice").map(DischargeNoticeRows.decode), providerNames: providerNames)
    }

    /// The staff and units with these ids, in one statement.
    static func directory(_ db: Database, staff: [String], units: [String]) throws -> ([Staff], [CareUnit]) {
        guard !staff.isEmpty || !units.isEmpty else { return ([], []) }
        func marks(_ n: Int) -> String { n == 0 ? "NULL" : Array(repeating: "?", count: n).joined(separator: ",") }
        let rows = try TaggedRead([
            TaggedRead.Part("staff", "SELECT * FROM staff WHERE id IN (\(marks(staff.count)))"),
            TaggedRead.Part("unit", "SELECT * FROM care_unit WHERE id IN (\(marks(units.count)))"),
        ], cached: false).fetch(db, arguments: StatementArguments(staff + units))
        return ((rows["staff"] ?? []).map(Decode.staff), (rows["unit"] ?? []).map(Decode.unit))
    }

    static func fetchByIds(_ db: Database, table: String, ids: [String]) throws -> [Row] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        return try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE id IN (\(marks))", arguments: StatementArguments(ids))
    }
}

/// Coordinated plans with their participants.
enum PlanRows {
    static func load(_ db: Database, patient: Int64) throws -> [CoordinatedPlan] {
        try load(db, where: "patient_id = ?", arguments: [patient])
    }

    static func load(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [CoordinatedPlan] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM coordinated_plan WHERE \(condition) ORDER BY closed_on IS NOT NULL, agreed_on DESC, id DESC
            """, arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids = rows.map { String($0["id"] as Int64) }.joined(separator: ",")
        return assemble(rows,
            participants: try Row.fetchAll(db, sql: "SELECT * FROM plan_participant WHERE plan_id IN (\(ids)) ORDER BY rowid"),
            people: try Row.fetchAll(db, sql: "SELECT * FROM plan_person WHERE plan_id IN (\(ids)) ORDER BY plan_id, position"),
            services: try Row.fetchAll(db, sql: "SELECT * FROM plan_service WHERE plan_id IN (\(ids)) ORDER BY plan_id, position"))
    }

    /// The parts of the plans `condition` selects (over `coordinated_plan`), for a
    /// `TaggedRead`; `assemble(_:)` makes them plans.
    static func parts(where condition: String) -> [TaggedRead.Part] {
        let ids = "SELECT id FROM coordinated_plan WHERE \(condition)"
        return [
            TaggedRead.Part("plan", "SELECT * FROM coordinated_plan WHERE \(condition)",
                            order: "closed_on IS NOT NULL, agreed_on DESC, id DESC"),
            TaggedRead.Part("plan_participant", "SELECT *, rowid AS position_ FROM plan_participant WHERE plan_id IN (\(ids))",
                            order: "position_"),
            TaggedRead.Part("plan_person", "SELECT * FROM plan_person WHERE plan_id IN (\(ids))", order: "plan_id, position"),
            TaggedRead.Part("plan_service", "SELECT * FROM plan_service WHERE plan_id IN (\(ids))", order: "plan_id, position"),
        ]
    }

    static func assemble(_ rows: [String: [Row]]) -> [CoordinatedPlan] {
        assemble(rows["plan"] ?? [], participants: rows["plan_participant"] ?? [], people: rows["plan_person"] ?? [],
                 services: rows["plan_service"] ?? [])
    }

    /// Plans from their rows and the rows of their participants, people and services.
    static func assemble(_ rows: [Row], participants participantRows: [Row], people: [Row], services: [Row])
        -> [CoordinatedPlan] {
        var participants: [Int64: [PlanParticipant]] = [:]
        for row in participantRows {
            participants[row["plan_id"], default: []].append(
                PlanParticipant(unitId: UnitID(rawValue: row["unit_id"]), role: row["role"]))
        }
        var plans = rows.map { Decode.plan($0, participants: participants[$0["id"]] ?? []) }
        let index = Dictionary(uniqueKeysWithValues: plans.enumerated().map { ($1.id, $0) })
        for row in people {
            guard let i = index[row["plan_id"]], let role = PlanPerson.Role(rawValue: row["role"]) else { continue }
            plans[i].content.people.append(PlanPerson(role: role, name: row["name"],
                                                      staffId: (row["staff_id"] as String?).map { StaffID(rawValue: $0) },
                                                      unitId: (row["unit_id"] as String?).map { UnitID(rawValue: $0) }))
        }
        for row in services {
            guard let i = index[row["plan_id"]], let principal = Principal(rawValue: row["principal"]) else { continue }
            plans[i].content.services.append(PlanService(principal: principal, text: row["text"]))
        }
        return plans
    }
}
