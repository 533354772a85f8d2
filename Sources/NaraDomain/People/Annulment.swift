import Foundation

/// A record registered in error, annulled (makulerad) with a reason. The record is kept
/// and shown in the history as annulled, and counts for nothing: no continuity, no care
/// relationship, no work list. Only the unit that registered it annuls it.
public struct Annulment: Hashable, Sendable, Codable {
    public var at: Date
    public var by: StaffID
    public var reason: String

    public init(at: Date, by: StaffID, reason: String) {
        self.at = at
        self.by = by
        self.reason = reason
    }
}
