import GRDB

/// SÄBO (särskilt boende): the municipality's word that the patient lives in a
/// residential care home, a target group of the reform with a goal of its own.
enum SchemaResidentialCare {
    static let identifier = "patient-residential-care"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE patient ADD COLUMN residential_care INTEGER NOT NULL DEFAULT 0
                CHECK (residential_care IN (0, 1))
            """)
    }
}
