import NaraStore

/// The SQLite store's `access-log-hash-unindexed`: the same statement, for the same
/// reason (a random B-tree page per log row, for a question only a broken chain asks).
enum RegionSchemaLogHashUnindexed {
    static let identifier = "region-v6-access-log-hash-unindexed"
    static var statements: [String] { SchemaLogHashUnindexed.statements }
}
