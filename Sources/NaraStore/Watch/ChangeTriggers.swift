import GRDB
import NaraDomain

/// The SQLite triggers that bump the change counters on every write to a watched table
/// (`ChangeCounterRules` says which tables and which counters, for both stores). In
/// triggers, not in the writing code, so that no write path (a repository, an import, a
/// command, a later table's code) can forget one: a session that missed a bump would
/// show a stale record.
///
/// A table's trigger only names the row's patient and units into `change_touch`; the one
/// trigger on that table finds the units that show the patient and bumps everything in
/// one UPSERT, then deletes the row, so `change_touch` is empty between statements.
/// Every connection parses every trigger when it opens: with the whole rule in each of
/// the 90 triggers, that was 0.95 MB of parsed schema per connection and 3.8 MB per
/// session; said once, it is a third of that. (PostgreSQL compiles a trigger's function
/// once per connection on first use, so `RegionSchemaChangeCounters` keeps the whole
/// rule in each.)
enum ChangeTriggers {
    typealias Watched = ChangeCounterRules.Watched

    static var watched: [Watched] { ChangeCounterRules.watched }
    static var unwatched: Set<String> { ChangeCounterRules.unwatched }

    /// The tables of the mechanism itself, which hold no patient's information.
    static let own: Set<String> = ["change_counter", "change_touch"]

    /// The one statement a table's trigger runs: the row's patient, and each unit the row
    /// names, as rows of `change_touch`.
    static func touch(_ table: Watched, row: String, oldRow: String? = nil) -> String {
        "INSERT INTO change_touch(patient, unit) \(ChangeCounterRules.touches(table, row: row, oldRow: oldRow))"
    }

    /// The one trigger that bumps: the touched patient and the units that show them, or
    /// the touched unit, each once; then the touch is gone.
    static let bump = """
        CREATE TRIGGER change_touch_bump AFTER INSERT ON change_touch
        BEGIN INSERT INTO change_counter(scope, version)
        SELECT scope, 1 FROM (\(ChangeCounterRules.touchScopes(patient: "new.patient", unit: "new.unit")))
        WHERE scope IS NOT NULL
        ON CONFLICT(scope) DO UPDATE SET version = version + 1;
        DELETE FROM change_touch WHERE rowid = new.rowid; END
        """

    /// The touch table, its trigger, and each watched table's three triggers.
    static func createAll(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE change_touch (patient INTEGER, unit TEXT) STRICT")
        try db.execute(sql: bump)
        try create(db, for: watched)
    }

    static func create(_ db: Database, for tables: [Watched]) throws {
        for table in tables {
            for (event, row, old) in [("INSERT", "new", nil), ("UPDATE", "new", "old"), ("DELETE", "old", nil)] {
                try db.execute(sql: """
                    CREATE TRIGGER change_\(table.table)_\(event.lowercased()) AFTER \(event) ON \(table.table)
                    BEGIN \(touch(table, row: row, oldRow: old)); END
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
