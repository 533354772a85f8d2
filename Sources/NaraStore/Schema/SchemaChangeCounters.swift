import GRDB

/// Change counters by scope (`patient/<id>`, `unit/<id>`), bumped by triggers in the
/// transaction of every write that changes what a screen shows (`ChangeTriggers`). A
/// session polls the two counters it cares about once a tick, instead of re-reading every
/// screen whenever anyone anywhere commits: the same one-statement poll works through a
/// connection pooler and on a hot standby, where a server database has no `data_version`.
/// Rows are made on first bump; a scope without a row stands at zero.
enum SchemaChangeCounters {
    static let identifier = "change-counters"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE change_counter (
                scope TEXT PRIMARY KEY CHECK (length(scope) BETWEEN 1 AND 80),
                version INTEGER NOT NULL CHECK (version >= 1)
            ) STRICT, WITHOUT ROWID
            """)
        // The triggers come with `SchemaChangeTouch`, the next migration.
    }
}

/// The triggers that bump the counters, through `change_touch` (`ChangeTriggers`). A
/// store that had the first triggers, each with the whole rule in it, gets these instead.
/// A table added later gets its triggers in its own migration, through
/// `ChangeTriggers.create`.
enum SchemaChangeTouch {
    static let identifier = "change-touch"

    static func migrate(_ db: Database) throws {
        _ = try ChangeTriggers.drop(db)
        try ChangeTriggers.createAll(db)
    }
}
