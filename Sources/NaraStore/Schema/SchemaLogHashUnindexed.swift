import GRDB

/// The log's hashes lose their index. It served one question, asked only once a chain is
/// already broken (was the missing row moved or removed?, `verifyAccessLog`), and a scan
/// answers that once. Meanwhile every log row put one random page of it into the WAL:
/// a referral queue of 343 patients wrote some 330 such pages, more than the rows' own.
package enum SchemaLogHashUnindexed {
    static let identifier = "access-log-hash-unindexed"

    package static let statements = ["DROP INDEX access_log_by_hash"]

    static func migrate(_ db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
    }
}
