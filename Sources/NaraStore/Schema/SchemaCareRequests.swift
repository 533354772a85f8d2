import GRDB

/// Vårdbegäran: a patient's contact with a unit about a new or worse problem, and the
/// two clocks it starts (contact the same day, assessment within 3 days). Times are
/// epoch seconds; `registered_on` is the Swedish day of the contact, which the clocks
/// and the care relationship count from. `callback_from`/`callback_to` are minutes after
/// midnight of a requested callback window; `unanswered` counts calls back that did
/// not reach the patient, the last at `unanswered_at`.
enum SchemaCareRequests {
    static let identifier = "care_requests"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE care_request (
                id INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                unit_id TEXT NOT NULL REFERENCES care_unit(id),
                channel TEXT NOT NULL CHECK (channel IN ('phone', 'visit', 'digital')),
                problem TEXT NOT NULL CHECK (problem IN ('new', 'worse')),
                reason TEXT NOT NULL,
                registered_at INTEGER NOT NULL,
                registered_on TEXT NOT NULL,
                registered_by TEXT NOT NULL REFERENCES staff(id),
                callback_from INTEGER,
                callback_to INTEGER,
                unanswered INTEGER NOT NULL DEFAULT 0,
                unanswered_at INTEGER,
                contacted_at INTEGER,
                contacted_by TEXT REFERENCES staff(id),
                assessed_at INTEGER,
                assessed_by TEXT REFERENCES staff(id),
                CHECK ((callback_from IS NULL) = (callback_to IS NULL)),
                CHECK ((contacted_at IS NULL) = (contacted_by IS NULL)),
                CHECK ((assessed_at IS NULL) = (assessed_by IS NULL))
            ) STRICT;
            CREATE INDEX care_request_by_patient ON care_request(patient_id, unit_id, registered_on);
            CREATE INDEX care_request_by_unit ON care_request(unit_id, registered_on);
            """)
    }
}
