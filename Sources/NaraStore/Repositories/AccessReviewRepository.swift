import Foundation
import GRDB
import NaraDomain

/// Log review (logguppföljning, DOMAIN.md): every emergency access in a period, plus a
/// sample of the other accesses drawn so that the same seed gives the same sample, so a
/// review can be shown later to have covered what it says it covered. The rules are
/// `AccessReviewQuery`'s and `AccessReviewMark`'s, which the PostgreSQL store follows too.
extension SQLiteStore {
    /// Three statements besides BEGIN and COMMIT: who asks and each criterion's rows;
    /// the chosen rows with their names; the log rows of the patients they name.
    public func reviewSample(from: LocalDate, to: LocalDate, sample: Int, seed: UInt64,
                             as context: AccessContext) throws -> [AccessReviewItem] {
        try AccessReviewQuery.check(from: from, to: to, sample: sample)
        return try write { db in
            let rows = try TaggedRead(AccessReviewQuery.criteria).fetch(
                db, arguments: StatementArguments(AccessReviewQuery.values(from: from, to: to, context: context)))
            let reasons = try AccessReviewQuery.chosen(rows, sample: sample, seed: seed, context: context)
            guard !reasons.isEmpty else { return [] }
            let items = AccessReviewQuery.items(
                try TaggedRead([AccessReviewQuery.itemsPart(reasons.keys)], cached: false).fetch(db, arguments: []),
                reasons: reasons)
            try appendLog(db, context: context, entries: AccessReviewQuery.logEntries(items), action: .read)
            return items
        }
    }

    /// The mark and its log row go in one transaction, so a review is never recorded
    /// without the trace of who made it. The write lock makes a second review of the
    /// same row, however close behind, find the first and be refused as a duplicate.
    @discardableResult
    public func markReviewed(logId: Int64, verdict: AccessReviewVerdict, comment: String,
                             as context: AccessContext) throws -> AccessReview {
        let comment = try AccessReviewMark.comment(comment)
        let ms = AccessReviewMark.milliseconds(clock.now)
        return try write { db in
            let rows = try TaggedRead(AccessReviewMark.parts).fetch(
                db, arguments: StatementArguments(AccessReviewMark.values(logId: logId, context: context)))
            let patient = try AccessReviewMark.reviewed(rows, logId: logId, context: context)
            try db.execute(sql: """
                INSERT INTO access_review(log_id, reviewed_at_ms, reviewer, comment, verdict) VALUES (?, ?, ?, ?, ?)
                """, arguments: [logId, ms, context.staffId.rawValue, comment, verdict.rawValue])
            try appendLog(db, context: context, patient: patient, action: .read,
                          detail: AccessReviewMark.logged(logId: logId, verdict: verdict))
            return AccessReview(logId: logId, reviewedAtMilliseconds: ms, reviewer: context.staffId, comment: comment,
                                verdict: verdict)
        }
    }
}
