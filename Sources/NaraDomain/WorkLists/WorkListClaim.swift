import Foundation

/// "Jag tar den": a nurse takes a patient on one of her unit's work lists, so that a
/// colleague in another session does not call the same patient, and marks the row
/// handled with a note when it is done. Shared by every session of the unit, and kept:
/// the list shows who handled a row, when and how, until the mark grows old.
public struct WorkListClaim: Hashable, Sendable {
    public var kind: WorkListKind
    public var patientId: PatientID
    public var unitId: UnitID
    public var claimedBy: StaffID
    public var claimedByName: String
    public var claimedAt: Date
    public var handledBy: StaffID?
    public var handledByName: String?
    public var handledAt: Date?
    public var note: String?

    public init(kind: WorkListKind, patientId: PatientID, unitId: UnitID, claimedBy: StaffID, claimedByName: String,
                claimedAt: Date, handledBy: StaffID? = nil, handledByName: String? = nil, handledAt: Date? = nil,
                note: String? = nil) {
        self.kind = kind
        self.patientId = patientId
        self.unitId = unitId
        self.claimedBy = claimedBy
        self.claimedByName = claimedByName
        self.claimedAt = claimedAt
        self.handledBy = handledBy
        self.handledByName = handledByName
        self.handledAt = handledAt
        self.note = note
    }

    public var isHandled: Bool { handledAt != nil }

    /// How long a handled mark stays. A patient still on the list after that is on it
    /// afresh: a call about a missing named GP in spring is no answer in autumn.
    public static let handledKeptDays = 30

    /// The longest note; a note is a line, the record is where the care is written.
    public static let noteLimit = 200

    /// Open rows first in the list's own order, handled ones after them, newest handled first.
    public static func ordered(_ rows: [WorkListRow]) -> [WorkListRow] {
        let open = rows.filter { $0.claim?.isHandled != true }
        let handled = rows.filter { $0.claim?.isHandled == true }
            .sorted { ($0.claim?.handledAt ?? .distantPast) > ($1.claim?.handledAt ?? .distantPast) }
        return open + handled
    }
}
