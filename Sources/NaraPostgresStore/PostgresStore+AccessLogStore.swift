import Foundation
import GRDB
import NaraDomain
import NaraLogChain
import NaraStore
import PostgresNIO

/// The access log read back on PostgreSQL, as the SQLite store reads it: the same reads
/// (`PostgresAccessLogSQL`, the SQLite parts translated), the same decisions, choice of
/// sample and decoding (`AccessLogExtractQuery`, `AccessReviewQuery`, `AccessReviewMark`),
/// and the same log rows, appended through `nara.append_access_log` before anything is
/// returned. Each call holds the client's one connection throughout.
extension PostgresStore: AccessLogStore {
    /// Two statements, each a round trip:
    ///
    /// 1. who asks, the policy's facts about the patient, whether the patient exists and
    ///    the newest `limit` rows naming them, in one snapshot;
    /// 2. the extract's own log row, through `nara.append_access_log`.
    ///
    /// One when the session showed this extract lately (the row is not written again)
    /// and for a refusal, which logs nothing. The extract holds no row of its own reading.
    public func accessLog(patient: PatientID, limit: Int, action: AccessAction,
                          as context: AccessContext) throws -> [AccessLogEntry] {
        let today = clock.today, now = clock.now
        var values = AccessFacts.values(unit: context.unitId, staff: context.staffId, today: today, now: now)
        values["patient"] = patient.rawValue
        // SQLite reads a negative limit as none; PostgreSQL refuses one.
        values["limit"] = limit < 0 ? Int64.max : Int64(limit)
        return try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(PostgresAccessLogSQL.extractFunction.query(values)))
            let (entries, logged) = try AccessLogExtractQuery.extract(rows, patient: patient, context: context,
                                                                      today: today, now: now)
            try Self.appendAccessLog(AccessLogExtractQuery.logEntries(logged, patient: patient, context: context,
                                                                      memory: shownMemory, now: now),
                                     context: context, action: action, at: now, in: session)
            return entries
        }
    }

    /// Three statements, each a round trip:
    ///
    /// 1. who asks and the ids each criterion finds in the period;
    /// 2. the rows chosen (in Swift, by `AccessReviewQuery.chosen`) with their names;
    /// 3. a log row for each patient they name, through `nara.append_access_log`.
    ///
    /// None for a period or sample refused; one for a user refused or a period without
    /// rows; two when no chosen row names a patient. The reads are separate snapshots:
    /// log rows are never changed or removed, so the rows chosen in the first are there
    /// in the second, and a review recorded in between shows.
    public func reviewSample(from: LocalDate, to: LocalDate, sample: Int, seed: UInt64,
                             as context: AccessContext) throws -> [AccessReviewItem] {
        try AccessReviewQuery.check(from: from, to: to, sample: sample)
        let binds = PostgresRecordSQL.binds(AccessReviewQuery.values(from: from, to: to, context: context),
                                            names: AccessReviewQuery.argumentNames)
        return try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(PostgresQuery(unsafeSQL: PostgresAccessLogSQL.criteria,
                                                                      binds: binds)))
            let reasons = try AccessReviewQuery.chosen(rows, sample: sample, seed: seed, context: context)
            guard !reasons.isEmpty else { return [] }
            let items = AccessReviewQuery.items(
                try JSONRows.parts(session.query(PostgresQuery(unsafeSQL: PostgresAccessLogSQL.items(reasons.keys)))),
                reasons: reasons)
            try Self.appendAccessLog(AccessReviewQuery.logEntries(items), context: context, action: .read,
                                     at: clock.now, in: session)
            return items
        }
    }

    /// Two statements, each a round trip:
    ///
    /// 1. the reviewer, the row and any review of it, on which `AccessReviewMark`
    ///    decides (a refusal ends here, and logs nothing);
    /// 2. the review and its log row, in one statement and so one transaction: the
    ///    review is inserted only when the row has none (`ON CONFLICT DO NOTHING`), and
    ///    the log row is appended only when it was.
    ///
    /// None for a comment refused. Many servers' sessions may review at once, and two may
    /// pass the first statement for the same row; the conditional insert decides between
    /// them without a lock of our own or a retry: under READ COMMITTED the later insert
    /// waits for the earlier's transaction and, once that commits, inserts nothing, so it
    /// appends nothing and is refused as a duplicate, as on SQLite, whose write lock puts
    /// one review after the other. The log's advisory lock is taken after the insert and
    /// held by appends that wait for no review, so the two waits cannot form a cycle.
    @discardableResult
    public func markReviewed(logId: Int64, verdict: AccessReviewVerdict, comment: String,
                             as context: AccessContext) throws -> AccessReview {
        let comment = try AccessReviewMark.comment(comment)
        let now = clock.now, ms = AccessReviewMark.milliseconds(now)
        let binds = PostgresRecordSQL.binds(AccessReviewMark.values(logId: logId, context: context),
                                            names: AccessReviewMark.argumentNames)
        return try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(PostgresQuery(unsafeSQL: PostgresAccessLogSQL.mark,
                                                                      binds: binds)))
            let patient = try AccessReviewMark.reviewed(rows, logId: logId, context: context)
            let logRow = try Self.logJSON([AccessLogAppend(context, patient: patient, action: .read,
                                                        detail: AccessReviewMark.logged(logId: logId, verdict: verdict),
                                                        at: now)])
            let appended = try session.query("""
                WITH inserted AS (
                    INSERT INTO nara.access_review(log_id, reviewed_at_ms, reviewer, comment, verdict)
                    VALUES (\(logId), \(ms), \(context.staffId.rawValue), \(comment), \(verdict.rawValue))
                    ON CONFLICT (log_id) DO NOTHING RETURNING log_id)
                SELECT a.log_id FROM nara.append_access_log(
                    CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN \(logRow)::jsonb ELSE '[]'::jsonb END) AS a
                """)
            guard !appended.isEmpty else { throw AccessReviewMark.duplicate(logId) }
            return AccessReview(logId: logId, reviewedAtMilliseconds: ms, reviewer: context.staffId, comment: comment,
                                verdict: verdict)
        }
    }
}
