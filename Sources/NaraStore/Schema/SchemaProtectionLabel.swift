import GRDB

/// The security label that marked a patient's protected identity in an imported file
/// (HL7 Sweden's `sekretessmarkering` or `skyddadFolkbokforing`, v3 `R` or `V`), so an
/// export writes the code that came in. NULL for patients registered here.
enum SchemaProtectionLabel {
    static let identifier = "patient-protection-label"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE patient ADD COLUMN protection_label TEXT
                CHECK (protection_label IS NULL OR length(protection_label) BETWEEN 1 AND 40)
            """)
    }
}
