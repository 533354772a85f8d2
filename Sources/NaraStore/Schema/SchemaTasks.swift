import GRDB

/// Uppgifter: tasks about a patient, written at `unit_id` and addressed to a person
/// (`to_staff_id`) or a unit (`to_unit_id`). Times are epoch seconds.
enum SchemaTasks {
    static let identifier = "patient_tasks"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE patient_task (
                id INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                unit_id TEXT NOT NULL REFERENCES care_unit(id),
                created_by TEXT NOT NULL REFERENCES staff(id),
                created_at INTEGER NOT NULL,
                text TEXT NOT NULL,
                to_staff_id TEXT REFERENCES staff(id),
                to_unit_id TEXT REFERENCES care_unit(id),
                due_on TEXT,
                priority TEXT NOT NULL CHECK (priority IN ('urgent', 'normal', 'low')),
                reply TEXT,
                done_at INTEGER,
                done_by TEXT REFERENCES staff(id),
                CHECK ((to_staff_id IS NULL) <> (to_unit_id IS NULL)),
                CHECK ((done_at IS NULL) = (done_by IS NULL))
            ) STRICT;
            CREATE INDEX patient_task_by_patient ON patient_task(patient_id, done_at);
            CREATE INDEX patient_task_by_staff ON patient_task(to_staff_id) WHERE done_at IS NULL;
            CREATE INDEX patient_task_by_unit ON patient_task(to_unit_id) WHERE done_at IS NULL;
            """)
    }
}
