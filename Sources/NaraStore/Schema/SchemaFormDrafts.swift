import GRDB

/// One unsaved form per staff member, kept when a session ends without the user choosing
/// (a hang-up). In the store rather than a file of its own: drafts hold patient data and
/// so belong under the store's permissions, backups and deletion, not in a home folder.
enum SchemaFormDrafts {
    static let identifier = "form-drafts"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE form_draft (
                staff_id TEXT PRIMARY KEY REFERENCES staff(id),
                patient_id INTEGER REFERENCES patient(id),
                screen TEXT NOT NULL CHECK (length(screen) BETWEEN 1 AND 32),
                form TEXT NOT NULL CHECK (length(form) BETWEEN 1 AND 200),
                fields TEXT NOT NULL CHECK (length(fields) <= 100000),
                focus INTEGER NOT NULL CHECK (focus >= 0),
                saved_at_ms INTEGER NOT NULL
            ) STRICT;
            """)
    }
}
