import NaraDomain
import PostgresNIO

/// `nara audit` and `nara check` on PostgreSQL. The chain's own verification is in
/// PostgresStore+AccessLog.swift; the counts are `counts()` (PostgresTableCopy.swift).
extension PostgresStore: AuditStore {
    /// The address without its password.
    public var location: String { address.description }

    public func verifyAccessLog() throws -> AccessLogVerification { try verifyAccessLog(pageSize: 1000) }

    public func accessLogHash(row id: Int64) throws -> String? {
        try client.query("SELECT hash FROM nara.access_log WHERE id = \(id)").first?.decode(String.self)
    }

    public func legacyBlocksEnded() throws -> String? {
        try client.query("SELECT value FROM nara.store_meta WHERE key = 'legacy_blocks_ended'")
            .first?.decode(String.self)
    }

    /// What an application role may check of the schema `nara` from the catalogues;
    /// empty when sound. SQLite's `integrity_check` reads the file's pages, which a
    /// client of a server cannot, so this checks what can go wrong with a schema the
    /// server otherwise keeps sound:
    /// - every migration this program knows is recorded as applied;
    /// - every constraint is validated (`pg_constraint.convalidated`: one added
    ///   `NOT VALID` holds for new rows only, not for the rows already there);
    /// - every index is valid and ready (`pg_index.indisvalid`, `indisready`: a failed
    ///   `CREATE INDEX CONCURRENTLY` or `REINDEX CONCURRENTLY` leaves one that no query uses
    ///   and a unique one that enforces nothing);
    /// - no trigger is disabled (the access log's guard against UPDATE and DELETE, the
    ///   name-search words, the change counters);
    /// - when the extension `amcheck` is installed in the database and the role may run
    ///   it, `bt_index_check` on each of the schema's valid B-tree indexes (the index's
    ///   own structure, under a lock that blocks no reads or writes).
    /// The access log's hash chain is `verifyAccessLog()`'s, not this.
    public func integrityProblems() throws -> [String] {
        var problems: [String] = []
        let applied = Set(try appliedMigrations())
        for migration in PostgresMigrations.all where !applied.contains(migration.identifier) {
            problems.append("migration \(migration.identifier) is not applied")
        }
        for row in try client.query("""
            SELECT 'nara.' || t.relname::text, c.conname::text FROM pg_constraint c
              JOIN pg_namespace n ON n.oid = c.connamespace JOIN pg_class t ON t.oid = c.conrelid
             WHERE n.nspname = 'nara' AND NOT c.convalidated ORDER BY 1, 2
            """) {
            let (table, name) = try row.decode((String, String).self)
            problems.append("constraint \(name) on \(table) is not validated (added NOT VALID)")
        }
        for row in try client.query("""
            SELECT 'nara.' || c.relname::text FROM pg_index i
              JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'nara' AND NOT (i.indisvalid AND i.indisready) ORDER BY 1
            """) {
            problems.append("index \(try row.decode(String.self)) is not valid (a failed concurrent build?)")
        }
        for row in try client.query("""
            SELECT t.tgname::text, 'nara.' || c.relname::text FROM pg_trigger t
              JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'nara' AND NOT t.tgisinternal AND t.tgenabled = 'D' ORDER BY 2, 1
            """) {
            let (name, table) = try row.decode((String, String).self)
            problems.append("trigger \(name) on \(table) is disabled")
        }
        return problems + (try btreeProblems())
    }

    /// `bt_index_check` on each valid B-tree index of the schema, each in a statement of
    /// its own so that one corrupt index does not hide the next; nothing when amcheck is
    /// not installed or the role may not run it.
    func btreeProblems() throws -> [String] {
        guard let schema = try client.query("""
            SELECT n.nspname::text FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
             WHERE e.extname = 'amcheck'
            """).first?.decode(String.self) else { return [] }
        let function = Self.quoted(schema) + ".bt_index_check(regclass)"
        guard try client.query("SELECT has_function_privilege(\(function), 'EXECUTE')")
            .first?.decode(Bool.self) == true else { return [] }
        let indexes = try client.query("""
            SELECT i.indexrelid::oid::bigint, 'nara.' || c.relname::text FROM pg_index i
              JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_am a ON a.oid = c.relam
             WHERE n.nspname = 'nara' AND a.amname = 'btree' AND i.indisvalid AND i.indisready ORDER BY 2
            """).map { try $0.decode((Int64, String).self) }
        var problems: [String] = []
        for (oid, name) in indexes {
            do {
                try client.query(PostgresQuery(unsafeSQL: "SELECT \(Self.quoted(schema)).bt_index_check(\(oid)::oid::regclass)"))
            } catch let error as StoreError {
                if case .unavailable = error { throw error }
                problems.append("index \(name): \(error)")
            }
        }
        return problems
    }
}
