import GRDB

/// Encounters and named contacts registered in error are annulled, not deleted: the row
/// stays with when, by whom and why. Queries that count care leave annulled encounters
/// out (`annulled_at IS NULL`); an annulled contact is also closed on its first day, so
/// every "active contact" rule already passes it by.
enum SchemaAnnulment {
    static let identifier = "annulment"

    static func migrate(_ db: Database) throws {
        for table in ["encounter", "care_contact"] {
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN annulled_at INTEGER")
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN annulled_by TEXT REFERENCES staff(id)")
            try db.execute(sql: """
                ALTER TABLE \(table) ADD COLUMN annul_reason TEXT
                    CHECK (annul_reason IS NULL OR length(annul_reason) BETWEEN 1 AND 500)
                """)
        }
    }
}
