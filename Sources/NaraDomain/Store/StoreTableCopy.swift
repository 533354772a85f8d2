/// What `nara copy` needs of a store: its tables read and written as rows, below the
/// patient protocols, as a backup sees them. An operator's move of a whole store (a
/// clinic's file into the region's database, or back), so the ids, every reference and
/// the access log's ids and hashes stay exactly as they were.

/// One value as both stores hold it. A flag is an integer 0/1 here (as SQLite keeps
/// it); the PostgreSQL side turns it into a boolean for its boolean columns.
public enum CopyValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A table a copy carries: its columns, and the tables its foreign keys name, which
/// must be filled first.
public struct CopyTable: Sendable, Equatable {
    public var name: String
    public var columns: [String]
    public var references: Set<String>

    public init(name: String, columns: [String], references: Set<String>) {
        self.name = name
        self.columns = columns
        self.references = references
    }

    /// The store's own key/value facts: a new target already has some (its kind, when
    /// it was made), so the source's rows replace those with the same key instead of
    /// clashing. The kind (demo or production), the instance (which keeps exported ids
    /// apart from other stores') and the demo facts are thereby carried.
    public static let storeMeta = "store_meta"
}

/// Reads the tables inside one consistent snapshot.
public protocol StoreTableReader {
    /// Every row of `table`, its columns in `table.columns` order, `batchSize` rows at a time.
    func rows(of table: CopyTable, batchSize: Int, _ each: ([[CopyValue]]) throws -> Void) throws
}

/// Writes the tables inside one transaction: a copy that fails leaves the target as it was.
public protocol StoreTableWriter {
    func insert(_ rows: [[CopyValue]], into table: CopyTable) throws
    /// After a table's last rows: what the store keeps beside them (identity sequences).
    func finish(_ table: CopyTable) throws
}

/// A store `nara copy` can read from and write to.
public protocol CopyableStore: AnyObject {
    /// The tables a copy carries. Left out: what each store derives itself from the
    /// rows (the name-search index), its migration history, and the change counters,
    /// which only tell open sessions that something changed since they last looked: a
    /// store that was just filled has no such sessions, and its own triggers count
    /// from there.
    func copyTables() throws -> [CopyTable]
    func rowCount(_ table: String) throws -> Int
    /// The kind the store says it is (`store_meta`), to make a new target of the same kind.
    func copyStoreKind() throws -> StoreKind?
    func readTables(_ body: (any StoreTableReader) throws -> Void) throws
    func writeTables(_ body: (any StoreTableWriter) throws -> Void) throws
    /// Rows per table, the same list for every store (`AuditStore.counts()`).
    func counts() throws -> [(table: String, rows: Int)]
    func accessLogHead() throws -> (rowId: Int64, hash: String)?
    /// The log re-hashed with the shared chain code.
    func verifyCopiedLog() throws -> AccessLogVerification
}
