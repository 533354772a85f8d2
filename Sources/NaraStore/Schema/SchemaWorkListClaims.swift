import GRDB

/// Who took or handled a patient's row on a unit's work list. One row per unit, list and
/// patient: giving a row back deletes it, handling it fills `handled_*`, and a handled
/// mark older than `WorkListClaim.handledKeptDays` is treated as absent (and replaced by
/// the next claim). Times are epoch seconds.
enum SchemaWorkListClaims {
    static let identifier = "work-list-claims"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE work_list_claim (
                unit_id TEXT NOT NULL REFERENCES care_unit(id),
                kind TEXT NOT NULL CHECK (length(kind) <= 60),
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                claimed_by TEXT NOT NULL REFERENCES staff(id),
                claimed_at INTEGER NOT NULL,
                handled_by TEXT REFERENCES staff(id),
                handled_at INTEGER,
                note TEXT CHECK (note IS NULL OR length(note) <= 200),
                PRIMARY KEY (unit_id, kind, patient_id),
                CHECK ((handled_at IS NULL) = (handled_by IS NULL))
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
