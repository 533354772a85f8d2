import GRDB

/// Planned contacts (a follow-up on a later day) and when each user last looked at Min
/// dag. A planned contact is a plan, not care: it lives apart from `encounter`, so no
/// continuity measure, work list or care relationship counts it. Times are epoch seconds.
enum SchemaPlannedContacts {
    static let identifier = "planned_contacts"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE planned_contact (
                id INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                unit_id TEXT NOT NULL REFERENCES care_unit(id),
                staff_id TEXT NOT NULL REFERENCES staff(id),
                planned_on TEXT NOT NULL CHECK (length(planned_on) = 10),
                note TEXT NOT NULL CHECK (length(note) <= 500),
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX planned_contact_by_staff ON planned_contact(staff_id, planned_on);
            CREATE INDEX planned_contact_by_patient ON planned_contact(patient_id, planned_on);
            CREATE TABLE day_seen (
                staff_id TEXT PRIMARY KEY REFERENCES staff(id),
                seen_at INTEGER NOT NULL
            ) STRICT;
            """)
    }
}
