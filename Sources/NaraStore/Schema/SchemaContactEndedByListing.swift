import GRDB

/// A named GP ends when the patient lists elsewhere (HSL 7 kap 3 §): the unit the patient
/// moved to, as an id of its own, so every screen words "listing moved to …" in its
/// language instead of reading a sentence out of the end reason.
enum SchemaContactEndedByListing {
    static let identifier = "contact-ended-by-listing"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE care_contact ADD COLUMN ended_by_listing TEXT")
    }
}
