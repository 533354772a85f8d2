import Foundation
import GRDB
import NaraDomain

/// The one door for patient data. Reads and writes of a record run in a write
/// transaction that also appends the access-log row, so that either both the work and
/// its log row are in the file or neither is. A read takes the write lock for the few
/// hundred microseconds it needs; that is the price of a log that cannot miss a read.
extension SQLiteStore {
    func throughDoor<T>(_ context: AccessContext, patient: PatientID?, action: AccessAction, detail: String,
                        _ body: (Database) throws -> T) throws -> T {
        try write { db in
            let result = try body(db)
            try appendLog(db, context: context, patient: patient, action: action, detail: detail)
            return result
        }
    }

    /// Chains the row to the last one. The read of the last hash runs in the caller's
    /// write transaction (IMMEDIATE), so two writers cannot both chain to the same row.
    /// The id is chosen here rather than by SQLite because it is part of the hash.
    func appendLog(_ db: Database, context: AccessContext, patient: PatientID?, action: AccessAction,
                   detail: String) throws {
        let ms = Int64((clock.now.timeIntervalSince1970 * 1000).rounded())
        let reason = context.emergencyReason.map { CleanText.line($0) }
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM access_log ORDER BY id DESC LIMIT 1"))
        let previous = (last?["hash"] as String?) ?? AccessLogChain.genesis
        let content = AccessLogChain.Content(
            id: (last?["id"] as Int64? ?? 0) + 1, atMs: ms, staffId: context.staffId.rawValue,
            unitId: context.unitId.rawValue, patientId: patient?.rawValue, action: action.rawValue,
            detail: String(CleanText.line(detail).prefix(500)),
            clientAddress: context.clientAddress.map { String(CleanText.line($0).prefix(100)) },
            sessionId: String(context.sessionId.prefix(64)), emergency: reason != nil, reason: reason)
        try db.execute(sql: """
            INSERT INTO access_log(id, at_ms, staff_id, unit_id, patient_id, action, detail, client_address,
                                   session_id, emergency, reason, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [content.id, content.atMs, content.staffId, content.unitId, content.patientId,
                             content.action, content.detail, content.clientAddress, content.sessionId,
                             content.emergency ? 1 : 0, content.reason, previous,
                             AccessLogChain.hash(previous: previous, content)])
    }
}

extension SQLiteStore: AccessLogStore {
    public func accessLog(patient: PatientID?, limit: Int) throws -> [AccessLogEntry] {
        try read { db in
            let filter = patient == nil ? "" : "WHERE patient_id = ?"
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM access_log \(filter) ORDER BY id DESC LIMIT ?
                """, arguments: patient == nil ? [limit] : [patient!.rawValue, limit])
            return rows.map { row in
                AccessLogEntry(id: row["id"], atMilliseconds: row["at_ms"], staffId: StaffID(rawValue: row["staff_id"] as String),
                               unitId: UnitID(rawValue: row["unit_id"] as String),
                               patientId: (row["patient_id"] as Int64?).map { PatientID(rawValue: $0) },
                               action: AccessAction(rawValue: row["action"]) ?? .read, detail: row["detail"],
                               clientAddress: row["client_address"], sessionId: row["session_id"],
                               emergency: row["emergency"] as Bool, reason: row["reason"])
            }
        }
    }
}
