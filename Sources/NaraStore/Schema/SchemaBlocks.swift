import GRDB

/// Spärr: a patient's block on a unit. While a block is active, the blocked unit sees
/// only what was recorded at the unit itself; the rest of the record opens only
/// through emergency access (Patientdatalagen 4 kap 4 §).
enum SchemaBlocks {
    static let identifier = "unit-blocks"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE unit_block (
                id INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                unit_id TEXT NOT NULL REFERENCES care_unit(id),
                from_date TEXT NOT NULL CHECK (length(from_date) = 10),
                to_date TEXT CHECK (to_date IS NULL OR (length(to_date) = 10 AND to_date >= from_date)),
                reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
                created_by TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT
            """)
        try db.execute(sql: """
            CREATE UNIQUE INDEX unit_block_one_active ON unit_block(patient_id, unit_id) WHERE to_date IS NULL
            """)
    }
}
