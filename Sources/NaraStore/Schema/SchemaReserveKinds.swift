import GRDB

/// Every region's reserve numbers may be stored: `ident_kind` takes `local_reserve_<region>`
/// beside the national kinds, so a region added to `ReserveFormat` needs no further
/// migration. Only the CHECK constraint's text changes, which leaves every row as it is,
/// so it is changed in place as SQLite documents for loosening a constraint (ALTER TABLE,
/// "making other kinds of table schema changes") instead of copying the table.
enum SchemaReserveKinds {
    static let identifier = "reserve-kinds-of-every-region"

    static let old = "'national_reserve', 'local_reserve_orebro')"
    static let new = "'national_reserve') OR ident_kind GLOB 'local_reserve_[a-z]*'"

    static func migrate(_ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(sql: "UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'patient'",
                       arguments: [old, new])
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'patient'")
        guard sql?.contains(new) == true else {
            throw DatabaseError(message: "the patient table's ident_kind constraint is not the one this migration expects")
        }
    }
}
