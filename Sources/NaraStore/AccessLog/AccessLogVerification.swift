import GRDB
import NaraDomain
import NaraLogChain

extension SQLiteStore {
    /// Walks the whole log in id order with a cursor, so a log of many millions of rows
    /// needs no more memory than one.
    public func verifyAccessLog() throws -> AccessLogVerification {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(AccessLogChain.columns), prev_hash, hash FROM access_log ORDER BY id
                """)
            var check = AccessLogChainCheck()
            while let row = try rows.next() {
                if let broken = try check.next(AccessLogChain.content(row), prevHash: row["prev_hash"], hash: row["hash"],
                                               exists: { hash in
                    try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM access_log WHERE hash = ?)",
                                      arguments: [hash]) ?? false
                }) {
                    return broken
                }
            }
            return check.intact
        }
    }

    /// The newest row's hash. Written somewhere the store's users cannot reach, it
    /// exposes a log cut off at the end, which the chain alone cannot.
    public func accessLogHead() throws -> (rowId: Int64, hash: String)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM access_log ORDER BY id DESC LIMIT 1"),
                  let hash = row["hash"] as String? else { return nil }
            return (row["id"], hash)
        }
    }

    /// Every log row about one patient, oldest first, for a log extract (loggutdrag).
    public func accessLogExtract(patient: PatientID, action: AccessAction = .export,
                                 as context: AccessContext) throws -> [AccessLogEntry] {
        try accessLog(patient: patient, limit: Int.max, action: action, as: context).reversed()
    }
}
