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

    public func accessLogHash(row id: Int64) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT hash FROM access_log WHERE id = ?", arguments: [id]) }
    }
}

/// The log's last row, read where a row is appended.
enum LogHead {
    static let sql = "SELECT id, hash FROM access_log ORDER BY id DESC LIMIT 1"

    static func decode(_ row: Row?) -> (id: Int64, hash: String) {
        ((row?["id"] as Int64?) ?? 0, (row?["hash"] as String?) ?? AccessLogChain.genesis)
    }
}
