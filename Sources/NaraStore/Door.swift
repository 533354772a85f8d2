import Foundation
import GRDB
import NaraDomain
import NaraLogChain
import Synchronization

/// The one door for patient data. Every read and write of a patient's information runs
/// in a write transaction that first asks the access policy, with facts read in the same
/// transaction, and then appends one access-log row per patient shown or changed, so
/// that either the work and its log rows are in the file or neither is. A read takes the
/// write lock for the few hundred microseconds it needs; that is the price of a log that
/// cannot miss a read.
extension SQLiteStore {
    /// Reads one patient's information: the grant says what of it the user may see.
    func readThroughDoor<T>(_ context: AccessContext, patient: PatientID, detail: String,
                            _ body: (Database, AccessGrant) throws -> T) throws -> T {
        try write { db in
            let grant = try checkRead(db, context, subject: try AccessFacts.subject(db, context), patient: patient)
            let result = try body(db, grant)
            try appendLog(db, context: context, entries: [(patient, Self.logged(detail, grant))], action: .read)
            return result
        }
    }

    /// Writes information of `category` about a patient, after the policy has allowed it.
    /// `grantsRelationship` marks a change that would give someone a lasting care
    /// relationship (a named contact, a unit in a plan): emergency access is no basis for it.
    func writeThroughDoor<T>(_ context: AccessContext, patient: PatientID, category: InformationCategory,
                             grantsRelationship: Bool = false, detail: String,
                             _ body: (Database, AccessGrant) throws -> T) throws -> T {
        try write { db in
            let grant = try checkWrite(db, context, patient: patient, category: category,
                                       grantsRelationship: grantsRelationship)
            let result = try body(db, grant)
            try appendLog(db, context: context, entries: [(patient, Self.logged(detail, grant))], action: .write)
            return result
        }
    }

    /// The policy's answer for a write, inside the caller's transaction.
    func checkWrite(_ db: Database, _ context: AccessContext, patient: PatientID, category: InformationCategory,
                    grantsRelationship: Bool = false, rightInstead: Right? = nil) throws -> AccessGrant {
        let today = clock.today, now = clock.now
        let subject = try AccessFacts.subject(db, context)
        try Validate.patientExists(db, patient)
        return try Self.writeGrant(subject, context, patient: patient, category: category,
                                   grantsRelationship: grantsRelationship, rightInstead: rightInstead,
                                   today: today, now: now) { subject in
            try AccessFacts.facts(db, patients: [patient.rawValue], subject: subject, today: today, now: now)[patient.rawValue]!
        }
    }

    /// The policy's answer for a write on facts the store read in the write's own
    /// transaction; one owner of the rule for every store. `rightInstead` lets a user
    /// write `category` who holds that right in place of the write right; `facts` reads
    /// the facts from that subject's side.
    package static func writeGrant(_ subject: AccessSubject, _ context: AccessContext, patient: PatientID,
                                   category: InformationCategory, grantsRelationship: Bool = false,
                                   rightInstead: Right? = nil, today: LocalDate, now: Date,
                                   facts: (AccessSubject) throws -> PatientAccessFacts) throws -> AccessGrant {
        var subject = subject
        if let rightInstead, subject.rights.contains(rightInstead) { subject.rights.insert(.write(category)) }
        return try granted(AccessPolicy.decideWrite(category, grantsRelationship: grantsRelationship, subject,
                                                    facts: try facts(subject), emergencyReason: context.emergencyReason,
                                                    today: today, now: now), patient: patient)
    }

    /// The patients of a list that `subject` may see, each with its grant: the same
    /// policy as a record, without emergency access (a list is never opened in an emergency).
    func grants(_ db: Database, _ subject: AccessSubject, patients: [Int64]) throws -> [Int64: AccessGrant] {
        let facts = try AccessFacts.facts(db, patients: patients, subject: subject, today: clock.today, now: clock.now)
        return Self.grants(subject, facts: facts, today: clock.today, now: clock.now)
    }

    /// The grants the policy gives on facts already read.
    package static func grants(_ subject: AccessSubject, facts: [Int64: PatientAccessFacts], today: LocalDate,
                       now: Date) -> [Int64: AccessGrant] {
        var result: [Int64: AccessGrant] = [:]
        for (id, f) in facts {
            if let grant = AccessPolicy.decide(subject, facts: f, emergencyReason: nil, today: today, now: now).grant {
                result[id] = grant
            }
        }
        return result
    }

    package static func granted(_ decision: AccessDecision, patient: PatientID) throws -> AccessGrant {
        switch decision {
        case .allowed(let grant): return grant
        case .emergencyRequired: throw StoreError.emergencyAccessRequired(patient)
        case .denied(let denial): throw StoreError.accessDenied(denial)
        }
    }

    /// A log row's detail with the basis that let the user in, so a review sees why.
    package static func logged(_ detail: String, _ grant: AccessGrant) -> (String, Bool) {
        (detail + " [" + grant.basis.rawValue + "]", grant.emergency)
    }

    /// Chains rows to the last one, in order. The read of the last hash runs in the
    /// caller's write transaction (IMMEDIATE), so two writers cannot both chain to the
    /// same row. The id is chosen here rather than by SQLite because it is part of the hash.
    /// `head` is the last row's id and hash when the caller read them in this transaction.
    func appendLog(_ db: Database, context: AccessContext, entries: [(PatientID?, (String, Bool))],
                   action: AccessAction, head: (id: Int64, hash: String)? = nil) throws {
        guard !entries.isEmpty else { return }
        var (id, previous) = try head ?? Self.logHead(db)
        var rows: [DatabaseValueConvertible?] = []
        rows.reserveCapacity(entries.count * Self.logColumns)
        let now = clock.now
        for (patient, (detail, emergency)) in entries {
            id += 1
            let content = AccessLogAppend(context, patient: patient, action: action, detail: detail,
                                          emergency: emergency, at: now).content(id: id)
            let hash = AccessLogChain.hash(previous: previous, content)
            rows += [content.id, content.atMs, content.staffId, content.unitId, content.patientId, content.action,
                     content.detail, content.clientAddress, content.sessionId, content.emergency ? 1 : 0, content.reason,
                     previous, hash]
            previous = hash
        }
        // A list's rows go in a few statements, not one a patient: over a network each
        // statement is a round trip. The chain is the same, computed row by row above.
        var start = 0
        while start < entries.count {
            let count = min(Self.logRowsPerInsert, entries.count - start)
            let sql = "INSERT INTO access_log(id, at_ms, staff_id, unit_id, patient_id, action, detail, client_address, "
                + "session_id, emergency, reason, prev_hash, hash) VALUES "
                + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
            // The two sizes that recur (one row, a full batch) keep their prepared statement.
            let insert = count == 1 || count == Self.logRowsPerInsert ? try db.cachedStatement(sql: sql)
                : try db.makeStatement(sql: sql)
            let slice = rows[(start * Self.logColumns)..<((start + count) * Self.logColumns)]
            try insert.execute(arguments: StatementArguments(Array(slice)))
            start += count
        }
    }

    /// The last row's id and hash; 0 and the genesis hash for an empty log.
    static func logHead(_ db: Database) throws -> (id: Int64, hash: String) {
        let last = try Row.fetchOne(db.cachedStatement(sql: LogHead.sql))
        return LogHead.decode(last)
    }

    private static let logColumns = 13
    /// Rows per INSERT: 13 parameters a row, well inside SQLite's 32,766.
    static let logRowsPerInsert = 1_000

    /// A row for something that touched no patient, or that the caller has already
    /// checked (an ignored remote command, a report without identities).
    func appendLog(_ db: Database, context: AccessContext, patient: PatientID?, action: AccessAction,
                   detail: String) throws {
        try appendLog(db, context: context, entries: [(patient, (detail, false))], action: action)
    }
}

extension SQLiteStore: AccessLogStore {
    /// A patient's log extract. A log reviewer reads any patient's; anyone else only the
    /// extract of a record the policy lets them open. Either way the extract is logged.
    /// Two statements besides BEGIN and COMMIT: who asks, the policy's facts, the rows
    /// and the log's head in one (`AccessLogExtractQuery`); the extract's log row.
    public func accessLog(patient: PatientID, limit: Int, action: AccessAction = .read,
                          as context: AccessContext) throws -> [AccessLogEntry] {
        try write { db in
            let today = clock.today, now = clock.now
            var arguments = AccessFacts.arguments(patient: patient.rawValue, unit: context.unitId,
                                                  staff: context.staffId, today: today, now: now)
            _ = arguments.append(contentsOf: ["limit": limit])
            let rows = try TaggedRead(AccessLogExtractQuery.parts + [TaggedRead.Part("log_head", LogHead.sql)])
                .fetch(db, arguments: arguments)
            let (entries, logged) = try AccessLogExtractQuery.extract(rows, patient: patient, context: context,
                                                                      today: today, now: now)
            try appendLog(db, context: context,
                          entries: AccessLogExtractQuery.logEntries(logged, patient: patient, context: context,
                                                                    memory: shownMemory, now: now),
                          action: action, head: LogHead.decode(rows["log_head"]?.first))
            return entries
        }
    }

    func checkRead(_ db: Database, _ context: AccessContext, subject: AccessSubject, patient: PatientID) throws -> AccessGrant {
        try Validate.patientExists(db, patient)
        let facts = try AccessFacts.facts(db, patients: [patient.rawValue], subject: subject, today: clock.today,
                                          now: clock.now)
        return try Self.granted(AccessPolicy.decide(subject, facts: facts[patient.rawValue]!,
                                                    emergencyReason: context.emergencyReason,
                                                    today: clock.today, now: clock.now), patient: patient)
    }
}

extension SQLiteStore {
    /// One log row per patient a list shows, with the basis for each. A list read again
    /// in the same session within `ShownMemory.window` (a colleague's commit refreshes
    /// every screen) logs only the patients it did not show then: the first showing is
    /// in the log with its time, and refreshes do not flood it.
    func logShown(_ db: Database, _ context: AccessContext, view: String, patients: [PatientID],
                  grants: [Int64: AccessGrant], action: AccessAction = .read,
                  head: (id: Int64, hash: String)? = nil) throws {
        try appendLog(db, context: context, entries: shownMemory.entries(context, view: view, patients: patients,
                                                                         grants: grants, now: clock.now),
                      action: action, head: head)
    }
}

/// Which patients each view of a session has logged lately. Kept in the process, which
/// is the session; a new session logs afresh.
package final class ShownMemory: Sendable {
    static let window: TimeInterval = 600
    private let state = Mutex<[String: [PatientID: Date]]>([:])

    package init() {}

    /// The log entries (patient, detail with basis, emergency) of a list showing
    /// `patients` in `view`: each patient once, not those logged for the view lately.
    package func entries(_ context: AccessContext, view: String, patients: [PatientID],
                         grants: [Int64: AccessGrant], now: Date) -> [(PatientID, (String, Bool))] {
        var seen = Set<PatientID>()
        return unlogged(session: context.sessionId, view: view, patients: patients.filter { seen.insert($0).inserted },
                        now: now).compactMap { id in grants[id.rawValue].map { (id, SQLiteStore.logged(view, $0)) } }
    }

    /// The patients not logged for this view within the window; remembers them as logged now.
    func unlogged(session: String, view: String, patients: [PatientID], now: Date) -> [PatientID] {
        state.withLock { memory in
            let key = session + "\u{1F}" + view
            var logged = memory[key, default: [:]]
            let fresh = patients.filter { id in logged[id].map { now.timeIntervalSince($0) >= Self.window } ?? true }
            for id in fresh { logged[id] = now }
            memory[key] = logged
            return fresh
        }
    }
}
