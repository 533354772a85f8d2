import GRDB

/// Next of kin and the need of an interpreter, on the patient row. Next of kin are a short
/// list always read with the patient (never searched), so they are one JSON column rather
/// than a table: one read for the overview, and an import compares them as one field.
enum SchemaNextOfKin {
    static let identifier = "patient-next-of-kin-interpreter"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE patient ADD COLUMN next_of_kin TEXT
                CHECK (next_of_kin IS NULL OR (json_valid(next_of_kin) AND length(next_of_kin) <= 4000));
            ALTER TABLE patient ADD COLUMN interpreter TEXT
                CHECK (interpreter IS NULL OR length(interpreter) BETWEEN 2 AND 20);
            """)
    }
}
