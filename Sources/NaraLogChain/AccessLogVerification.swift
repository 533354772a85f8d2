import NaraDomain

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
