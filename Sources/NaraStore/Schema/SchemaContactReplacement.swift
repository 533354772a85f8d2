import GRDB

/// Who replaced an ended named contact, as a staff id of its own rather than English
/// words in the end reason ("replaced by karin.berg: …"), so every screen words it in
/// its language. Rows written the old way are converted.
enum SchemaContactReplacement {
    static let identifier = "contact-replaced-by"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE care_contact ADD COLUMN replaced_by TEXT")
        try db.execute(sql: """
            UPDATE care_contact
               SET replaced_by = substr(end_reason, 13, instr(end_reason, ': ') - 13),
                   end_reason = substr(end_reason, instr(end_reason, ': ') + 2)
             WHERE end_reason LIKE 'replaced by %' AND instr(end_reason, ': ') > 13
            """)
    }
}
