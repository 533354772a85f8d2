/// The region store's schema: the SQLite store's final schema, translated once into one
/// PostgreSQL migration. The translation follows fixed rules, so that both stores hold
/// the same values and sort them alike:
///
/// - every text column is `COLLATE "C"`: SQLite compares text bytewise, and the range
///   searches on identifiers and name words need byte order, whatever the database's
///   locale;
/// - 0/1 flags are `boolean`, integers `bigint`, `REAL` `double precision`; calendar
///   days stay `'YYYY-MM-DD'` text and moments epoch integers, as the exchange and the
///   SQLite store see them;
/// - `INTEGER PRIMARY KEY` ids are identity columns `BY DEFAULT`, so that a copy from
///   SQLite keeps its ids (the access log is the exception: its append function
///   numbers it, as the id is part of the hash);
/// - the CHECK constraints are kept as they are (`length` counts characters in both);
///   `GLOB` becomes a regular expression;
/// - the FTS5 name index becomes a word table with a byte-order btree, kept by a trigger.
///
/// Everything lives in the schema `nara`; the statements run with it as search_path,
/// and the functions fix their own search_path, so that they find their tables whatever
/// the caller's is (the store's queries name the schema).
enum RegionSchema {
    static let identifier = "region-v1"

    static var statements: [String] {
        directory + patients + referrals + accessLog + access + work
    }
}
