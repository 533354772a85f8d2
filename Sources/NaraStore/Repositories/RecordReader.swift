import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    /// The record as the policy lets the user see it; the basis goes into the log row,
    /// so a review sees why the record was opened.
    public func openRecord(_ id: PatientID, as context: AccessContext) throws -> PatientRecord {
        try readThroughDoor(context, patient: id, detail: "record") { db, grant in
            try RecordQuery.load(db, id).seen(through: grant)
        }
    }
}

/// The whole record of one patient in one read: about ten indexed queries.
enum RecordQuery {
    static func load(_ db: Database, _ id: PatientID) throws -> PatientRecord {
        let pid = id.rawValue
        guard let patientRow = try Row.fetchOne(db, sql: "SELECT * FROM patient WHERE id = ?", arguments: [pid]) else {
            throw StoreError.notFound("patient \(id)")
        }
        let listings = try Row.fetchAll(db, sql: """
            SELECT * FROM listing WHERE patient_id = ? ORDER BY to_date IS NOT NULL, from_date DESC
            """, arguments: [pid]).map(Decode.listing)
        let contacts = try Row.fetchAll(db, sql: """
            SELECT * FROM care_contact WHERE patient_id = ? ORDER BY to_date IS NOT NULL, from_date DESC, id DESC
            """, arguments: [pid]).map(Decode.contact)
        let problems = try Row.fetchAll(db, sql: """
            SELECT * FROM problem WHERE patient_id = ? ORDER BY chronic DESC, code
            """, arguments: [pid]).map(Decode.problem)
        let encounters = try Row.fetchAll(db, sql: """
            SELECT * FROM encounter WHERE patient_id = ? ORDER BY at, id
            """, arguments: [pid]).map(Decode.encounter)
        let referrals = try ReferralRows.load(db, where: "patient_id = ?", arguments: [pid], orderBy: "created_at DESC, id DESC")
        let plans = try PlanRows.load(db, patient: pid)
        let discharges = try Row.fetchAll(db, sql: """
            SELECT * FROM discharge WHERE patient_id = ? ORDER BY discharged_on DESC
            """, arguments: [pid]).map(Decode.discharge)
        let observations = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM observation WHERE patient_id = ? ORDER BY at, id
            """), arguments: [pid]).map(Decode.observation)

        var staffIds = Set(contacts.map(\.staffId)).union(encounters.map(\.staffId))
        staffIds.formUnion(contacts.compactMap(\.annulment?.by) + encounters.compactMap(\.annulment?.by))
        staffIds.formUnion(contacts.compactMap(\.replacedBy))
        staffIds.formUnion(referrals.flatMap { $0.history.map(\.staffId) + [$0.createdBy] })
        var unitIds = Set(listings.map(\.unitId)).union(contacts.map(\.unitId)).union(encounters.map(\.unitId))
        unitIds.formUnion(referrals.flatMap { [$0.fromUnitId, $0.toUnitId] + $0.history.compactMap(\.forwardedTo) })
        unitIds.formUnion(plans.flatMap(\.unitIds))
        unitIds.formUnion(discharges.map(\.unitId))
        let notices = try DischargeNoticeRows.load(db, patient: pid)
        unitIds.formUnion(notices.flatMap { [$0.wardUnitId, $0.unitId] })
        unitIds.formUnion(observations.map(\.unitId))
        let staff = try fetchByIds(db, table: "staff", ids: staffIds.map(\.rawValue)).map(Decode.staff)
        let units = try fetchByIds(db, table: "care_unit", ids: unitIds.map(\.rawValue)).map(Decode.unit)
        // Annulled rows are kept apart, so no rule over the record can count one by mistake.
        var record = PatientRecord(patient: Decode.patient(patientRow), listings: listings,
                             contacts: contacts.filter { $0.annulment == nil },
                             problems: problems, encounters: encounters.filter { $0.annulment == nil },
                             referrals: referrals, plans: plans,
                             discharges: discharges,
                             staff: Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                             units: Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        record.annulled = AnnulledRecords(contacts: contacts.filter { $0.annulment != nil },
                                          encounters: encounters.filter { $0.annulment != nil })
        record.observations = observations
        record.dischargeNotices = notices
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM care_provider")) {
            record.providerNames[ProviderID(rawValue: row["id"])] = row["name"]
        }
        return record
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
        var participants: [Int64: [PlanParticipant]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM plan_participant WHERE plan_id IN (\(ids)) ORDER BY rowid") {
            participants[row["plan_id"], default: []].append(
                PlanParticipant(unitId: UnitID(rawValue: row["unit_id"]), role: row["role"]))
        }
        var plans = rows.map { Decode.plan($0, participants: participants[$0["id"]] ?? []) }
        var index = Dictionary(uniqueKeysWithValues: plans.enumerated().map { ($1.id, $0) })
        for row in try Row.fetchAll(db, sql: "SELECT * FROM plan_person WHERE plan_id IN (\(ids)) ORDER BY plan_id, position") {
            guard let i = index[row["plan_id"]], let role = PlanPerson.Role(rawValue: row["role"]) else { continue }
            plans[i].content.people.append(PlanPerson(role: role, name: row["name"],
                                                      staffId: (row["staff_id"] as String?).map { StaffID(rawValue: $0) },
                                                      unitId: (row["unit_id"] as String?).map { UnitID(rawValue: $0) }))
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM plan_service WHERE plan_id IN (\(ids)) ORDER BY plan_id, position") {
            guard let i = index[row["plan_id"]], let principal = Principal(rawValue: row["principal"]) else { continue }
            plans[i].content.services.append(PlanService(principal: principal, text: row["text"]))
        }
        index.removeAll()
        return plans
    }
}
