import NaraDomain
import PostgresNIO

/// The region store's migrations: named lists of statements, applied once each, in
/// order, recorded in `nara.nara_migrations`. GRDB's migrator is SQLite's; this is the
/// small equivalent.
///
/// All missing migrations run in one transaction (PostgreSQL's DDL is transactional:
/// a failed migration leaves nothing behind) under a transaction-scoped advisory lock,
/// so several clinic servers opening a new database at once apply each migration once:
/// the others wait, then find it recorded. A store already at the latest migration is
/// opened without any DDL and without the lock, so the application role needs no right
/// to create anything. A database with a migration this program does not know was
/// upgraded by a newer version, and is refused, as the SQLite store refuses a newer file.
enum PostgresMigrations {
    static let lockKey: Int64 = 7_436_175_000

    struct Migration: Sendable {
        let identifier: String
        let statements: @Sendable () -> [String]

        init(_ identifier: String, statements: @escaping @Sendable () -> [String]) {
            self.identifier = identifier
            self.statements = statements
        }
    }

    /// Each migration's statements are made only when it is applied: some are long SQL
    /// made from the parts at run time, which a session that finds its database current
    /// should not pay for at every start.
    static let all: [Migration] = [
        Migration(RegionSchema.identifier) { RegionSchema.statements },
        Migration(RegionSchemaChangeCounters.identifier) { RegionSchemaChangeCounters.statements },
        Migration(RegionSchemaRecordRead.identifier) { RegionSchemaRecordRead.statements },
        Migration(RegionSchemaReferralQueue.identifier) { RegionSchemaReferralQueue.statements },
        Migration(RegionSchemaContactsByStaff.identifier) { RegionSchemaContactsByStaff.statements },
        Migration(RegionSchemaLogHashUnindexed.identifier) { RegionSchemaLogHashUnindexed.statements },
        Migration(RegionSchemaReferralQueue.encounterSeekIdentifier) { RegionSchemaReferralQueue.statements },
        Migration(RegionSchemaPlanParticipantPosition.identifier) { RegionSchemaPlanParticipantPosition.statements },
        Migration(RegionSchemaAccessLogAppend.identifier) { RegionSchemaAccessLogAppend.statements },
        Migration(RegionSchemaReadFunctions.identifier) { RegionSchemaReadFunctions.statements },
    ]

    /// Applies what is missing of `migrations` (all of them, but for a test that makes a
    /// database as an older version left it); returns the identifiers applied now (none
    /// when the database was up to date).
    @discardableResult
    static func migrate(_ client: PostgresClient,
                        _ migrations: [Migration] = all) throws -> [String] {
        if try pending(client, locked: nil, migrations).isEmpty { return [] }
        return try client.transaction { session in
            try session.query("SELECT pg_advisory_xact_lock(\(lockKey))")
            try session.query("CREATE SCHEMA IF NOT EXISTS nara")
            try session.query("SET LOCAL search_path = nara, pg_catalog")
            try session.query("""
                CREATE TABLE IF NOT EXISTS nara_migrations (
                    identifier text COLLATE "C" PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let missing = try pending(client, locked: session, migrations)
            for migration in missing {
                for statement in migration.statements() {
                    try session.query(PostgresQuery(unsafeSQL: statement))
                }
                // The statement's own time, not the transaction's: migrations applied
                // together keep their order, which the identifiers' text does not
                // (`region-v10…` sorts before `region-v2…`).
                try session.query("""
                    INSERT INTO nara_migrations(identifier, applied_at) VALUES (\(migration.identifier), clock_timestamp())
                    """)
            }
            return missing.map(\.identifier)
        }
    }

    /// For a store opened only to read (an audit, a check): refuses a database that is not
    /// at this version's schema, without changing it, as the SQLite store refuses an older
    /// file opened read-only. Migrations are for the owner's first open; an auditor's role
    /// may not run them, and should not find them run on its behalf.
    static func requireCurrent(_ client: PostgresClient) throws {
        let pending = try pending(client, locked: nil, all)
        guard !pending.isEmpty else { return }
        let path = client.location.description
        if pending.count == all.count { throw StoreError.notAStore(path: path) }
        throw StoreError.olderSchema(path: path)
    }

    /// The identifiers recorded in the database, in the order they were applied.
    static func applied(_ client: PostgresClient) throws -> [String] {
        try client.withConnection { try recorded($0) }
    }

    private static func pending(_ client: PostgresClient, locked session: PostgresClient.Session?,
                                _ migrations: [Migration])
        throws -> [Migration] {
        let done = try session.map(recorded) ?? client.withConnection(recorded)
        let known = Set(migrations.map(\.identifier))
        if let unknown = done.first(where: { !known.contains($0) }) {
            throw StoreError.newerSchema(path: client.location.description, found: unknown)
        }
        return migrations.filter { !done.contains($0.identifier) }
    }

    private static func recorded(_ session: PostgresClient.Session) throws -> [String] {
        let exists = try session.query("SELECT to_regclass('nara.nara_migrations') IS NOT NULL")
        guard try exists.first?.decode(Bool.self) == true else { return [] }
        return try session.query("SELECT identifier FROM nara.nara_migrations ORDER BY applied_at, identifier")
            .map { try $0.decode(String.self) }
    }
}
