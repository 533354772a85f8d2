import Foundation
import GRDB
import NaraDomain

/// Recording a review of one log row, shared by both stores: the comment's rules, who
/// may review which row (read in one statement), and the log row the review writes.
/// Administrators review, and not their own accesses: a review is a second pair of eyes.
package enum AccessReviewMark {
    static let commentLimit = 1000

    /// The comment as stored: one clean line, not empty, at most `commentLimit` characters.
    package static func comment(_ text: String) throws -> String {
        let comment = CleanText.line(text)
        guard !comment.isEmpty else { throw StoreError.refused(.reviewNeedsComment) }
        guard comment.count <= commentLimit else {
            throw StoreError.refused(.reviewCommentTooLong(maximum: commentLimit))
        }
        return comment
    }

    /// The named arguments of `parts`, in the order a server binds them.
    package static let argumentNames = ["staff", "log_id"]

    /// The reviewer, the row reviewed and its review if there is one already.
    package static let parts: [TaggedRead.Part] = [
        TaggedRead.Part("reviewer", "SELECT * FROM staff WHERE id = :staff"),
        TaggedRead.Part("logged", "SELECT staff_id, patient_id FROM access_log WHERE id = :log_id"),
        TaggedRead.Part("review", "SELECT log_id FROM access_review WHERE log_id = :log_id"),
    ]

    package static func values(logId: Int64, context: AccessContext) -> [String: (any DatabaseValueConvertible)?] {
        ["staff": context.staffId.rawValue, "log_id": logId]
    }

    /// The patient the row names (nil for none), once `parts`' rows allow the review;
    /// the refusal thrown, in this order: who asks, the row, whose row, a review already made.
    package static func reviewed(_ rows: [String: [Row]], logId: Int64, context: AccessContext) throws -> PatientID? {
        guard let reviewer = rows["reviewer"]?.first.map(Decode.staff) else {
            throw StoreError.unknownStaff(context.staffId)
        }
        guard reviewer.active else { throw StoreError.inactiveStaff(reviewer.id) }
        guard reviewer.rights.contains(.logReview) else { throw StoreError.refused(.onlyAdministratorsReview) }
        guard let logged = rows["logged"]?.first else { throw StoreError.notFound("access-log row \(logId)") }
        guard (logged["staff_id"] as String) != reviewer.id.rawValue else { throw StoreError.refused(.noSelfReview) }
        guard rows["review"]?.isEmpty != false else { throw duplicate(logId) }
        return (logged["patient_id"] as Int64?).map { PatientID(rawValue: $0) }
    }

    /// A row already reviewed: a review, once written, stands.
    package static func duplicate(_ logId: Int64) -> StoreError {
        .duplicate("a review of access-log row \(logId)")
    }

    /// The review's own log row, naming the patient of the row reviewed.
    package static func logged(logId: Int64, verdict: AccessReviewVerdict) -> String {
        "log review of row \(logId): \(verdict.rawValue)"
    }

    /// The moment a review is recorded, as stored.
    package static func milliseconds(_ now: Date) -> Int64 {
        Int64((now.timeIntervalSince1970 * 1000).rounded())
    }
}
