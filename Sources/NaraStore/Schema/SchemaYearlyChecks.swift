import GRDB

/// The examinations of a chronic disease's yearly check that are done rather than
/// measured (eye screening, foot examination, spirometry): clinical information
/// documented by a unit, like an observation.
enum SchemaYearlyChecks {
    static let identifier = "yearly-checks"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE check_done (
                id INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                item TEXT NOT NULL CHECK (item IN ('eye_screening', 'foot_examination', 'spirometry')),
                done_on TEXT NOT NULL CHECK (length(done_on) = 10),
                unit_id TEXT NOT NULL REFERENCES care_unit(id),
                staff_id TEXT REFERENCES staff(id)
            ) STRICT;
            CREATE INDEX check_done_by_patient ON check_done(patient_id, item, done_on);
            """)
    }
}
