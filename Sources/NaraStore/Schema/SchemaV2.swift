import GRDB

/// The access log's hash chain (SECURITY.md: "each row carries the hash of the row
/// before it"). Rows logged under v1 are chained in id order, so an upgraded store
/// verifies from its first row.
enum SchemaV2 {
    static let identifier = "v2"

    static func migrate(_ db: Database) throws {
        // Nullable because ALTER TABLE cannot add a NOT NULL column without a default;
        // the verifier reports a row without a hash as broken.
        try db.execute(sql: """
            ALTER TABLE access_log ADD COLUMN prev_hash TEXT CHECK (prev_hash IS NULL OR length(prev_hash) = 64);
            ALTER TABLE access_log ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);
            CREATE INDEX access_log_by_hash ON access_log(hash);
            DROP TRIGGER access_log_no_update;
            """)
        try chainExistingRows(db)
        // Back in the same transaction: no moment where the log is writable.
        try db.execute(sql: """
            CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
            BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END
            """)
    }

    /// In batches, so that no cursor is open on the table while it is updated.
    private static func chainExistingRows(_ db: Database) throws {
        var previous = AccessLogChain.genesis
        var lastId = Int64.min
        while true {
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(AccessLogChain.columns) FROM access_log WHERE id > ? ORDER BY id LIMIT 1000
                """, arguments: [lastId])
            guard !rows.isEmpty else { return }
            for row in rows {
                let content = AccessLogChain.content(row)
                let hash = AccessLogChain.hash(previous: previous, content)
                try db.execute(sql: "UPDATE access_log SET prev_hash = ?, hash = ? WHERE id = ?",
                               arguments: [previous, hash, content.id])
                previous = hash
                lastId = content.id
            }
        }
    }
}
