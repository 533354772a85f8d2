import NaraStore

/// The SQL of the log's extract and review on PostgreSQL: the SQLite store's parts
/// (`AccessLogExtractQuery`, `AccessReviewQuery`, `AccessReviewMark`) translated by
/// `PostgresRecordSQL`, each read one statement of (part, JSON rows) rows that
/// `JSONRows` makes GRDB rows for the shared decisions. Sent as statements, not
/// functions: they are read seldom, and a function would need a migration.
enum PostgresAccessLogSQL {
    /// `PostgresRecordSQL.argumentNames` and the extract's `:limit` (`$6`).
    static let extractArguments = PostgresRecordSQL.argumentNames + ["limit"]

    /// Who asks, the policy's facts, whether the patient exists, and the newest rows.
    static let extract = read(AccessLogExtractQuery.parts, arguments: extractArguments)

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
