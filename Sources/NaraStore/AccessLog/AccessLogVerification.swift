import GRDB
import NaraDomain

/// What `verifyAccessLog()` found: the whole chain holds, or the first row where it
/// does not. Only the first: after one break, every later row is suspect anyway.
public enum AccessLogVerification: Equatable, Sendable {
    case intact(rows: Int, head: String)
    case broken(rowId: Int64, problem: Problem)

    public enum Problem: String, Sendable, CustomStringConvertible {
        /// The row's content no longer gives its stored hash.
        case changed
        /// The row does not follow the row before it, and what it followed is gone.
        case removedBefore
        /// The row follows a row that is still there, but elsewhere.
        case reordered
        /// The row has no hash at all.
        case missingHash

        public var description: String {
            switch self {
            case .changed: "the row was changed (its content does not match its hash)"
            case .removedBefore: "a row before it was removed or rewritten"
            case .reordered: "rows were reordered (it follows a different row)"
            case .missingHash: "the row has no hash"
            }
        }
    }
}

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

    /// Every log row about one patient, oldest first, for a log extract (loggutdrag).
    public func accessLogExtract(patient: PatientID, action: AccessAction = .export,
                                 as context: AccessContext) throws -> [AccessLogEntry] {
        try accessLog(patient: patient, limit: Int.max, action: action, as: context).reversed()
    }
}
