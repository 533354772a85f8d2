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
