/// What verifying a store's access log found: the whole chain holds, or the first row
/// where it does not. Only the first: after one break, every later row is suspect anyway.
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

/// The verifier's rules, fed one stored row at a time in id order: each store walks its
/// own log with a cursor, and the judgement of each row is the same for all of them.
public struct AccessLogChainCheck: Sendable {
    private var previous = AccessLogChain.genesis
    private var previousId: Int64?
    private var count = 0

    public init() {}

    /// Checks the next row. `exists` says whether some row of the log has the given
    /// hash: asked only after a break, to tell a reordering from a removal. Returns the
    /// break, or nil when the row follows the one before it.
    public mutating func next(_ content: AccessLogChain.Content, prevHash: String?, hash: String?,
                              exists: (String) throws -> Bool) rethrows -> AccessLogVerification? {
        guard let prevHash, let hash else { return .broken(rowId: content.id, problem: .missingHash) }
        if let previousId, content.id != previousId + 1 {
            return .broken(rowId: content.id, problem: .removedBefore)
        }
        if prevHash != previous {
            return .broken(rowId: content.id, problem: try exists(prevHash) ? .reordered : .removedBefore)
        }
        if AccessLogChain.hash(previous: prevHash, content) != hash {
            return .broken(rowId: content.id, problem: .changed)
        }
        previous = hash
        previousId = content.id
        count += 1
        return nil
    }

    /// The result once every row passed.
    public var intact: AccessLogVerification { .intact(rows: count, head: previous) }
}
