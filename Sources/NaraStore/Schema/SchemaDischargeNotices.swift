import GRDB

/// The ward's notices of a hospital stay under lag (2017:612): one row per stay, filled
/// in step by step (admission notice, ready for discharge, discharged). `unit_id` is the
/// vårdcentral that recorded them; `ward_unit_id` the ward that sent them. Days are ISO
/// dates, as in `discharge`.
enum SchemaDischargeNotices {
    static let identifier = "discharge-notices"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE discharge_notice (
                id INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                ward_unit_id TEXT NOT NULL REFERENCES care_unit(id),
                unit_id TEXT NOT NULL REFERENCES care_unit(id),
                admitted_on TEXT NOT NULL CHECK (length(admitted_on) = 10),
                expected_discharge_on TEXT CHECK (expected_discharge_on IS NULL
                                                  OR expected_discharge_on >= admitted_on),
                ready_on TEXT CHECK (ready_on IS NULL OR ready_on >= admitted_on),
                discharged_on TEXT CHECK (discharged_on IS NULL OR discharged_on >= admitted_on),
                recorded_by TEXT NOT NULL REFERENCES staff(id)
            ) STRICT;
            CREATE INDEX discharge_notice_by_patient ON discharge_notice(patient_id);
            CREATE INDEX discharge_notice_open ON discharge_notice(discharged_on, patient_id);
            """)
    }
}
