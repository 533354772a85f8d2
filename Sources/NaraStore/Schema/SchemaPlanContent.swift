import GRDB

/// The SIP's content (HSL 16 kap 4 §, SoL 2 kap 7 §): how the person consented, the
/// planning meeting, the person with the overall responsibility; the people taking part
/// by name (patient, next of kin, staff at a unit) and the services each principal gives.
enum SchemaPlanContent {
    static let identifier = "plan-content"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE coordinated_plan ADD COLUMN consent_form TEXT CHECK (consent_form IN ('written', 'oral'));
            ALTER TABLE coordinated_plan ADD COLUMN meeting_on TEXT CHECK (meeting_on IS NULL OR length(meeting_on) = 10);
            ALTER TABLE coordinated_plan ADD COLUMN responsible_staff_id TEXT REFERENCES staff(id);
            CREATE TABLE plan_person (
                plan_id INTEGER NOT NULL REFERENCES coordinated_plan(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('patient', 'next_of_kin', 'staff')),
                name TEXT NOT NULL CHECK (length(name) <= 200),
                staff_id TEXT REFERENCES staff(id),
                unit_id TEXT REFERENCES care_unit(id),
                PRIMARY KEY (plan_id, position)
            ) STRICT;
            CREATE TABLE plan_service (
                plan_id INTEGER NOT NULL REFERENCES coordinated_plan(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                principal TEXT NOT NULL CHECK (principal IN ('region', 'municipality', 'private')),
                text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
                PRIMARY KEY (plan_id, position)
            ) STRICT;
            """)
    }
}
