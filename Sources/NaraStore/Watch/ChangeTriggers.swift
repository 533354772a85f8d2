import GRDB
import NaraDomain

/// The SQLite triggers that bump the change counters on every write to a watched table
/// (`ChangeCounterRules` says which tables and which counters, for both stores). In
/// triggers, not in the writing code, so that no write path (a repository, an import, a
/// command, a later table's code) can forget one: a session that missed a bump would
/// show a stale record. Each trigger is one UPSERT over a handful of indexed lookups.
enum ChangeTriggers {
    typealias Watched = ChangeCounterRules.Watched

    static var watched: [Watched] { ChangeCounterRules.watched }
    static var unwatched: Set<String> { ChangeCounterRules.unwatched }

    /// The one statement a trigger runs: every scope the row touches, bumped once.
    static func bump(_ table: Watched, row: String, oldRow: String? = nil) -> String {
        """
        INSERT INTO change_counter(scope, version)
        SELECT scope, 1 FROM (\(ChangeCounterRules.scopes(table, row: row, oldRow: oldRow))) WHERE scope IS NOT NULL
        ON CONFLICT(scope) DO UPDATE SET version = version + 1
        """
    }

    static func create(_ db: Database, for tables: [Watched]) throws {
        for table in tables {
            for (event, row, old) in [("INSERT", "new", nil), ("UPDATE", "new", "old"), ("DELETE", "old", nil)] {
                try db.execute(sql: """
                    CREATE TRIGGER change_\(table.table)_\(event.lowercased()) AFTER \(event) ON \(table.table)
                    BEGIN \(bump(table, row: row, oldRow: old)); END
                    """)
            }
        }
    }

    /// Drops the triggers and gives back their SQL, for a bulk load that nobody watches
    /// (the demo generator) to put back when it is done.
    static func drop(_ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'change_*'
            """)
        for row in rows { try db.execute(sql: "DROP TRIGGER \(row["name"] as String)") }
        return rows.map { $0["sql"] }
    }

    static func restore(_ db: Database, _ triggers: [String]) throws {
        for sql in triggers { try db.execute(sql: sql) }
    }
}
