import NaraStore

/// The SQLite store's `care-contact-by-staff`, the same two statements: a member of
/// staff's contacts in force today, ended later included, by an index.
enum RegionSchemaContactsByStaff {
    static let identifier = "region-v5-care-contact-by-staff"
    static var statements: [String] { SchemaContactsByStaff.statements }
}
