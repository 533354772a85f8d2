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

    func appendLog(_ db: Database, context: AccessContext, patient: PatientID?, action: AccessAction,
                   detail: String) throws {
        let ms = Int64((clock.now.timeIntervalSince1970 * 1000).rounded())
        let reason = context.emergencyReason.map { CleanText.line($0) }
        try db.execute(sql: """
            INSERT INTO access_log(at_ms, staff_id, unit_id, patient_id, action, detail, client_address,
                                   session_id, emergency, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [ms, context.staffId.rawValue, context.unitId.rawValue, patient?.rawValue,
                             action.rawValue, String(CleanText.line(detail).prefix(500)),
                             context.clientAddress.map { String(CleanText.line($0).prefix(100)) },
                             String(context.sessionId.prefix(64)), reason == nil ? 0 : 1, reason])
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
