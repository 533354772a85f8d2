import GRDB
import NaraStore

/// The SQL of the log's extract and review on PostgreSQL: the SQLite store's parts
/// (`AccessLogExtractQuery`, `AccessReviewQuery`, `AccessReviewMark`) translated by
/// `PostgresRecordSQL`, each read one statement of (part, JSON rows) rows that
/// `JSONRows` makes GRDB rows for the shared decisions. The review's reads are sent as
/// statements: a log reviewer's, seldom. The extract is a read function
/// (`PostgresReadFunction`): F7 on an open record reads it, and planned at each call it
/// cost a few milliseconds of every such key.
enum PostgresAccessLogSQL {
    /// `PostgresRecordSQL.argumentNames` and the extract's `:limit` (`$6`).
    static let extractArguments = PostgresRecordSQL.argumentNames + ["limit"]

    /// Who asks, the policy's facts, whether the patient exists, and the newest rows.
    static let extract = read(AccessLogExtractQuery.parts, arguments: extractArguments)

    static let extractFunction = PostgresReadFunction(
        "access_log_extract", extract, arguments: extractArguments,
        sample: PostgresListSQL.sample.merging(["patient": Int64(1), "limit": Int64(1)]) { a, _ in a })

    /// Who asks and the ids each review criterion finds in the period.
    static let criteria = read(AccessReviewQuery.criteria, arguments: AccessReviewQuery.argumentNames)

    /// The reviewer, the row to review and its review if any.
    static let mark = read(AccessReviewMark.parts, arguments: AccessReviewMark.argumentNames)

    /// The chosen rows with their names and reviews; no arguments.
    static func items(_ ids: some Collection<Int64>) -> String {
        read([AccessReviewQuery.itemsPart(ids)], arguments: [])
    }

    static func read(_ parts: [TaggedRead.Part], arguments: [String]) -> String {
        PostgresRecordSQL.union(parts.map { PostgresRecordSQL.translated($0, arguments: arguments) })
    }
}
