import GRDB

/// Measurements primary care follows (HbA1c, blood pressure, weight, BMI, eGFR, smoking
/// status): clinical information documented by a unit, so blocks and another provider's
/// consent apply to it as to an encounter. `value2` is the diastolic pressure; `smoking`
/// the status of a smoking observation. `at` is epoch seconds. `exchange_link` is made
/// again to let an imported observation be matched on the next import.
enum SchemaObservations {
    static let identifier = "observations"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE observation (
                id INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                kind TEXT NOT NULL CHECK (kind IN ('hba1c', 'blood_pressure', 'body_weight', 'bmi', 'egfr', 'smoking')),
                value REAL,
                value2 REAL,
                smoking TEXT CHECK (smoking IS NULL OR smoking IN ('current', 'former', 'never')),
                at INTEGER NOT NULL,
                unit_id TEXT NOT NULL REFERENCES care_unit(id),
                staff_id TEXT REFERENCES staff(id),
                CHECK ((kind = 'smoking') = (smoking IS NOT NULL) AND (kind = 'smoking' OR value IS NOT NULL))
            ) STRICT;
            CREATE INDEX observation_by_patient ON observation(patient_id, kind, at);
            """)
        try widenExchangeLinks(db)
    }

    /// SQLite cannot change a CHECK: the table is made again from its own definition with
    /// 'observation' among the kinds, its rows copied in order (an export reads them so).
    private static func widenExchangeLinks(_ db: Database) throws {
        let old = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'exchange_link'")
        let kinds = "'referral', 'plan')"
        guard let old, old.contains(kinds), let columns = old.firstIndex(of: "(") else {
            throw DatabaseError(message: "exchange_link: unexpected definition")
        }
        // The name as written may be quoted (SQLite quotes it after a rename): the columns on.
        let new = "CREATE TABLE exchange_link_new "
            + old[columns...].replacingOccurrences(of: kinds, with: "'referral', 'plan', 'observation')")
        try db.execute(sql: new)
        try db.execute(sql: """
            INSERT INTO exchange_link_new SELECT kind, match_key, local_id, resource_id, identifier_system,
                                                 identifier_value FROM exchange_link ORDER BY rowid;
            DROP TABLE exchange_link;
            ALTER TABLE exchange_link_new RENAME TO exchange_link;
            CREATE INDEX exchange_link_by_local ON exchange_link(kind, local_id);
            CREATE INDEX exchange_link_by_resource ON exchange_link(kind, resource_id);
            """)
    }
}
