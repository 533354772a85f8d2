import Foundation
import GRDB
import NaraDomain

/// Writing an exchange batch: all of it in one transaction or nothing.
///
/// Records are matched: a unit by id, a staff member by HSA-id or login, a patient by
/// identifier, any other record by the identifier (or resource id) it had in the file.
/// A patient already there is updated where the file differs (name, address, phone,
/// protected identity, death), as an edit on screen would be: the policy decides for the
/// importing user, and a record the store changed after the file's `meta.lastUpdated` is
/// held back as a conflict. Other records already there are left as they are; a new one
/// is inserted and remembered in `exchange_link`. Importing a file twice changes nothing.
extension SQLiteStore {
    /// With `dryRun` everything runs as for real in a transaction that is rolled back:
    /// the summary says what would change. The patients whose changes it shows get a
    /// read row, since their stored values are shown.
    public func importBatch(_ batch: ExchangeBatch, source: String, as context: AccessContext, dryRun: Bool = false,
                            progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ExchangeSummary {
        let body = { (db: Database) throws -> (summary: ExchangeSummary, entries: [(PatientID?, (String, Bool))]) in
            try ImportRun.importing(batch, source: source, context: context, db: SQLiteExchangeSQL(db: db),
                                    now: self.clock.now, progress: progress) { patient in
                try self.checkWrite(db, context, patient: PatientID(rawValue: patient), category: .identity)
            }
        }
        guard dryRun else {
            return try write { db in
                let (summary, entries) = try body(db)
                try appendLog(db, context: context, entries: entries.filter { $0.0 != nil }, action: .write)
                try appendLog(db, context: context, entries: entries.filter { $0.0 == nil }, action: .write)
                return summary
            }
        }
        let (summary, entries) = try rolledBack(body)
        try write { db in
            try appendLog(db, context: context, entries: ImportRun.dryRunEntries(summary, entries), action: .read)
        }
        return summary
    }

    /// Runs `body` in a write transaction that is always rolled back.
    func rolledBack<T>(_ body: (Database) throws -> T) throws -> T {
        guard !readOnly else { throw StoreError.readOnly(path: path) }
        do {
            var result: T?
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .rollback
                }
            }
            return result!
        } catch { throw StoreError.from(error, path: path) }
    }
}

extension ImportRun {
    /// The whole batch on `db`, on either store, the policy asked by `check` for each
    /// patient already in the store that the file changes. Returns the summary and the
    /// log rows: one per patient written, with the basis, then the batch's own.
    package static func importing(_ batch: ExchangeBatch, source: String, context: AccessContext, db: any ExchangeSQL,
                                  now: Date, progress: ((Int, Int) -> Void)?,
                                  check: @escaping (Int64) throws -> AccessGrant) throws
        -> (summary: ExchangeSummary, entries: [(PatientID?, (String, Bool))]) {
        var run = ImportRun(db: db, batch: batch)
        run.progress = progress
        run.now = now
        run.editor = context.staffId.rawValue
        run.authorize = { patient in
            guard !context.staffId.rawValue.hasPrefix("account:") else {
                throw ImportRun.Refusal("changing a patient already in the store needs --user naming a staff member")
            }
            do {
                return try check(patient)
            } catch StoreError.emergencyAccessRequired {
                throw ImportRun.Refusal("\(context.staffId) has no care relationship with the patient, "
                                        + "and an import is no emergency")
            }
        }
        try run.importAll()
        var entries: [(PatientID?, (String, Bool))] = []
        for patient in run.written.sorted() {
            let detail = "import \(source)" + (run.changedFields[patient].map { ": changed " + $0.joined(separator: ", ") } ?? "")
            entries.append((PatientID(rawValue: patient),
                            run.grants[patient].map { SQLiteStore.logged(detail, $0) } ?? (detail, false)))
        }
        run.summary.patientsWritten = run.written.count
        let s = run.summary
        entries.append((nil, ("import \(source): \(s.totalCreated) new, \(s.totalUpdated) updated, "
                              + "\(s.totalUnchanged) unchanged, \(s.conflicts.count) held back", false)))
        return (s, entries)
    }

    /// A dry run's log rows: a read row for each patient whose changes the summary shows,
    /// since their stored values are shown.
    package static func dryRunEntries(_ summary: ExchangeSummary, _ entries: [(PatientID?, (String, Bool))])
        -> [(PatientID?, (String, Bool))] {
        let shown = Set(summary.changes.map(\.patientId.rawValue))
        return entries.compactMap { entry in
            guard let id = entry.0, shown.contains(id.rawValue) else { return nil }
            return (id, (entry.1.0.replacingOccurrences(of: "import ", with: "import dry run "), entry.1.1))
        }
    }
}

/// The error of a record that could not be written: its place in the file first.
struct ImportError: Error, CustomStringConvertible {
    let origin: ExchangeOrigin
    let problem: String
    var description: String { "\(origin): \(problem)" }
}

package struct ImportRun {
    let db: any ExchangeSQL
    let batch: ExchangeBatch
    var summary = ExchangeSummary()
    var written: Set<Int64> = []
    var units: Set<String> = []
    var staff: [String: String] = [:]
    var patients: [Int: (id: Int64, ident: String)] = [:]
    var progress: ((Int, Int) -> Void)?
    var done = 0
    /// The policy's answer for changing a patient already in the store, asked only when
    /// the file changes something; throws when refused.
    var authorize: (Int64) throws -> AccessGrant = { _ in throw Refusal("no user") }
    var grants: [Int64: AccessGrant] = [:]
    var changedFields: [Int64: [String]] = [:]
    var now = Date()
    var editor = "import"

    struct Refusal: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    mutating func tick() {
        done += 1
        if done % 500 == 0 { progress?(done, batch.count) }
    }

    init(db: any ExchangeSQL, batch: ExchangeBatch) {
        self.db = db
        self.batch = batch
        summary.skipped = batch.skipped
    }

    mutating func importAll() throws {
        units = Set(try db.rows("SELECT id FROM care_unit", []).map { $0["id"] as String })
        for row in try db.rows("SELECT id, hsa_id FROM staff", []) {
            staff[row["id"]] = row["id"]
            if let hsa = row["hsa_id"] as String? { staff["hsa:" + hsa] = row["id"] }
        }
        try importUnits()
        try importStaff()
        try importPatients()
        try importRecords(batch.contacts, kind: "contact", type: "CareTeam") { run, item, patient in
            let c = item.value
            return try run.db.insert("""
                INSERT INTO care_contact(patient_id, role, staff_id, unit_id, reason, from_date, to_date, end_reason,
                                         version, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 'import')
                """, [patient, c.role.rawValue, try run.staffId(c.staffId, item.origin),
                                 try run.unitId(c.unitId, item.origin), try run.text(c.reason, item.origin, "reason", 500, min: 1),
                                 c.from.iso, c.to?.iso, c.endReason])
        }
        try importRecords(batch.problems, kind: "problem", type: "Condition") { run, item, patient in
            let p = item.value
            return try run.db.insert("INSERT INTO problem(patient_id, code, text, chronic, since) VALUES (?, ?, ?, ?, ?)",
                               [patient, p.code, try run.text(p.text, item.origin, "text", 200, min: 1),
                                           p.chronic, p.since?.iso])
        }
        try importRecords(batch.encounters, kind: "encounter", type: "Encounter") { run, item, patient in
            let e = item.value
            return try run.db.insert("""
                INSERT INTO encounter(patient_id, at, mode, planned, staff_id, unit_id, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [patient, Int64(e.at.timeIntervalSince1970.rounded(.down)), e.mode.rawValue, e.planned,
                                 try run.staffId(e.staffId, item.origin), try run.unitId(e.unitId, item.origin),
                                 try run.text(e.reason, item.origin, "reason", 500)])
        }
        try importRecords(batch.discharges, kind: "discharge", type: "Encounter") { run, item, patient in
            let d = item.value
            return try run.db.insert("""
                INSERT INTO discharge(patient_id, unit_id, admitted_on, discharged_on) VALUES (?, ?, ?, ?)
                """, [patient, try run.unitId(d.unitId, item.origin), d.admittedOn.iso, d.dischargedOn.iso])
        }
        try importRecords(batch.dischargeNotices, kind: "discharge_notice", type: "Encounter") { run, item, patient in
            try run.insertAdmissionNotice(item, patient: patient)
        }
        try importRecords(batch.observations, kind: "observation", type: "Observation") { run, item, patient in
            let o = item.value
            return try run.db.insert("""
                INSERT INTO observation(patient_id, kind, value, value2, smoking, at, unit_id, staff_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [patient, o.kind.rawValue, o.value, o.value2, o.smoking?.rawValue,
                                 Int64(o.at.timeIntervalSince1970.rounded(.down)), try run.unitId(o.unitId, item.origin),
                                 try o.staffId.map { try run.staffId($0, item.origin) }])
        }
        try importRecords(batch.referrals, kind: "referral", type: "ServiceRequest") { run, item, patient in
            try run.insertReferral(item, patient: patient)
        }
        try importRecords(batch.plans, kind: "plan", type: "CarePlan") { run, item, patient in
            let p = item.value
            let plan = try run.db.insert("""
                INSERT INTO coordinated_plan(patient_id, responsible_unit_id, goal, agreed_on, follow_up_on, closed_on,
                                             version, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, 1, 0, 'import')
                """, [patient, try run.unitId(p.responsibleUnitId, item.origin),
                                 try run.text(p.goal, item.origin, "description", 2000), p.agreedOn.iso,
                                 p.followUpOn?.iso, p.closedOn?.iso])
            for part in p.participants {
                _ = try run.db.insertIfMissing("""
                    INSERT INTO plan_participant(plan_id, unit_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                    """, [plan, try run.unitId(part.unitId, item.origin), String(part.role.prefix(200))])
            }
            return plan
        }
    }

    // MARK: Directory

    mutating func importUnits() throws {
        for item in batch.units {
            let u = item.value
            guard !units.contains(u.id.rawValue) else { summary.unchanged["Organization", default: 0] += 1; continue }
            guard u.id.rawValue.count <= 64 else { throw ImportError(origin: item.origin, problem: "id: longer than 64 characters") }
            try db.run("INSERT INTO care_unit(id, name, principal, kind) VALUES (?, ?, ?, ?)",
                       [u.id.rawValue, try text(u.name, item.origin, "name", 200, min: 1),
                                       u.principal.rawValue, u.kind.rawValue])
            units.insert(u.id.rawValue)
            summary.created["Organization", default: 0] += 1
        }
    }

    mutating func importStaff() throws {
        for item in batch.staff {
            let s = item.value
            if let existing = s.hsaId.flatMap({ staff["hsa:" + $0] }) ?? staff[s.id.rawValue] {
                staff[s.id.rawValue] = existing
                summary.unchanged["Practitioner", default: 0] += 1
                continue
            }
            guard !s.unitId.rawValue.isEmpty else {
                throw ImportError(origin: item.origin, problem: "no PractitionerRole or encounter says at which unit this person works")
            }
            try db.run("""
                INSERT INTO staff(id, name, profession, unit_id, roles, hsa_id, active) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [s.id.rawValue, try text(s.name, item.origin, "name", 200, min: 1), s.profession.rawValue,
                                 try unitId(s.unitId, item.origin), s.roles.map(\.rawValue).sorted().joined(separator: ","),
                                 s.hsaId, s.active])
            staff[s.id.rawValue] = s.id.rawValue
            if let hsa = s.hsaId { staff["hsa:" + hsa] = s.id.rawValue }
            summary.created["Practitioner", default: 0] += 1
        }
    }

    // MARK: Records

    mutating func importRecords<V>(_ items: [Exchanged<V>], kind: String, type: String,
                                   insert: (inout ImportRun, Exchanged<V>, Int64) throws -> Int64) throws {
        for item in items {
            tick()
            let (patient, ident) = try self.patient(item.patient, item.origin)
            let key = ident + "|" + item.matchKey
            if try !db.rows("SELECT 1 FROM exchange_link WHERE kind = ? AND match_key = ?", [kind, key]).isEmpty {
                summary.unchanged[type, default: 0] += 1
                continue
            }
            let local: Int64
            do {
                local = try insert(&self, item, patient)
            } catch let error as ExchangeConstraint {
                throw ImportError(origin: item.origin, problem: Self.constraintText(error))
            }
            try db.run("""
                INSERT INTO exchange_link(kind, match_key, local_id, resource_id, identifier_system, identifier_value)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [kind, key, local, item.resourceId,
                                 item.identifier?.system, item.identifier?.value])
            written.insert(patient)
            summary.created[type, default: 0] += 1
        }
    }

    static func constraintText(_ error: ExchangeConstraint) -> String {
        let message = error.message
        if message.contains("care_contact") && message.localizedCaseInsensitiveContains("unique") {
            return "the patient already has an active named contact of this kind at this unit"
        }
        return "cannot be stored: \(message)"
    }

    func unitId(_ id: UnitID, _ origin: ExchangeOrigin) throws -> String {
        guard units.contains(id.rawValue) else {
            throw ImportError(origin: origin, problem: "Organization \(id) is neither in the file nor in the store")
        }
        return id.rawValue
    }

    func staffId(_ id: StaffID, _ origin: ExchangeOrigin) throws -> String {
        guard let local = staff[id.rawValue] else {
            throw ImportError(origin: origin, problem: "Practitioner \(id) is neither in the file nor in the store")
        }
        return local
    }

    func text(_ value: String, _ origin: ExchangeOrigin, _ field: String, _ max: Int, min: Int = 0) throws -> String {
        let cleaned = CleanText.clean(value, allowNewlines: true)
        guard cleaned.count >= min else { throw ImportError(origin: origin, problem: "\(field): missing") }
        guard cleaned.count <= max else { throw ImportError(origin: origin, problem: "\(field): longer than \(max) characters") }
        return cleaned
    }
}
