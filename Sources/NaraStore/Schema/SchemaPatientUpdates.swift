import GRDB

/// A patient's death, and when the patient row last changed. `deceased` is set with or
/// without a known day (FHIR's `deceasedBoolean`); `deceased_on` is the day when known.
/// `updated_at` (epoch seconds) is the time of the content the row now holds: for an
/// import, the resource's `meta.lastUpdated`, else the moment of import. NULL for a row
/// never changed since it was made. An import older than it is a conflict.
enum SchemaPatientUpdates {
    static let identifier = "patient-deceased-updated"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE patient ADD COLUMN deceased INTEGER NOT NULL DEFAULT 0 CHECK (deceased IN (0, 1));
            ALTER TABLE patient ADD COLUMN deceased_on TEXT
                CHECK (deceased_on IS NULL OR (length(deceased_on) = 10 AND deceased = 1));
            ALTER TABLE patient ADD COLUMN updated_at INTEGER;
            ALTER TABLE patient ADD COLUMN updated_by TEXT CHECK (updated_by IS NULL OR length(updated_by) <= 100);
            """)
    }
}
