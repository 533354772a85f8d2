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

    /// Lets a link be of kind 'observation', its rows kept in order (an export reads them so).
    private static func widenExchangeLinks(_ db: Database) throws {
        try TableRebuild.replacing(db, table: "exchange_link", "'referral', 'plan')",
                                   with: "'referral', 'plan', 'observation')",
                                   indexes: ["CREATE INDEX exchange_link_by_local ON exchange_link(kind, local_id)",
                                             "CREATE INDEX exchange_link_by_resource ON exchange_link(kind, resource_id)"])
    }
}
