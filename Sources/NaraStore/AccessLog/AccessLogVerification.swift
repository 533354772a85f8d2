import GRDB
import NaraDomain

extension SQLiteStore {
    /// Walks the whole log in id order with a cursor, so a log of many millions of rows
    /// needs no more memory than one.
    public func verifyAccessLog() throws -> AccessLogVerification {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(AccessLogChain.columns), prev_hash, hash FROM access_log ORDER BY id
                """)
            var previous = AccessLogChain.genesis
            var previousId: Int64?
            var count = 0
            while let row = try rows.next() {
                let content = AccessLogChain.content(row)
                guard let prevHash = row["prev_hash"] as String?, let hash = row["hash"] as String? else {
                    return .broken(rowId: content.id, problem: .missingHash)
                }
                if let previousId, content.id != previousId + 1 {
                    return .broken(rowId: content.id, problem: .removedBefore)
                }
                if prevHash != previous {
                    let elsewhere = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM access_log WHERE hash = ?)",
                                                      arguments: [prevHash]) ?? false
                    return .broken(rowId: content.id, problem: elsewhere ? .reordered : .removedBefore)
                }
                if AccessLogChain.hash(previous: prevHash, content) != hash {
                    return .broken(rowId: content.id, problem: .changed)
                }
                previous = hash
                previousId = content.id
                count += 1
            }
            return .intact(rows: count, head: previous)
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
