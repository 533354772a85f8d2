import Foundation
import GRDB
import NaraDomain

/// The file store's side of `nara copy`: its tables read and written as plain rows.
extension SQLiteStore: CopyableStore {
    /// Derived from other rows or kept by the store itself, never copied: the FTS name
    /// index (its triggers fill it again from the patients), the migration history,
    /// the change counters (see `CopyableStore.copyTables()`).
    static let notCopied: Set<String> = ["grdb_migrations", "change_counter", "change_touch"]

    public func copyTables() throws -> [CopyTable] {
        try read { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                   AND name NOT LIKE 'patient_name_search%' ORDER BY name
                """).filter { !Self.notCopied.contains($0) }
            return try names.map { name in
                CopyTable(name: name,
                          columns: try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid",
                                                       arguments: [name]),
                          references: Set(try String.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)",
                                                              arguments: [name])))
            }
        }
    }

    public func rowCount(_ table: String) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(Self.quoted(table))") ?? 0 }
    }

    public func copyStoreKind() throws -> StoreKind? { kind }

    public func readTables(_ body: (any StoreTableReader) throws -> Void) throws {
        try read { db in try body(Reader(db: db)) }
    }

    public func writeTables(_ body: (any StoreTableWriter) throws -> Void) throws {
        try write { db in try body(Writer(db: db)) }
    }

    public func verifyCopiedLog() throws -> AccessLogVerification { try verifyAccessLog() }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    private struct Reader: StoreTableReader {
        let db: Database

        func rows(of table: CopyTable, batchSize: Int, _ each: ([[CopyValue]]) throws -> Void) throws {
            // By id where there is one: the log's rows go over in the order they chain.
            // A plan's participants in the order written (rowid), which a copy keeps.
            let order = table.columns.contains("id") ? " ORDER BY id"
                : table.name == "plan_participant" ? " ORDER BY rowid" : ""
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(table.columns.map(SQLiteStore.quoted).joined(separator: ", "))
                  FROM \(SQLiteStore.quoted(table.name))\(order)
                """)
            var batch: [[CopyValue]] = []
            batch.reserveCapacity(batchSize)
            while let row = try cursor.next() {
                batch.append((0..<row.count).map { Self.value(row[$0] as DatabaseValue) })
                if batch.count == batchSize {
                    try each(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try each(batch) }
        }

        static func value(_ value: DatabaseValue) -> CopyValue {
            switch value.storage {
            case .null: .null
            case .int64(let number): .integer(number)
            case .double(let number): .real(number)
            case .string(let text): .text(text)
            case .blob(let data): .blob([UInt8](data))
            }
        }
    }

    private struct Writer: StoreTableWriter {
        let db: Database

        /// One prepared statement a row: inside the one transaction SQLite writes a few
        /// hundred thousand rows a second this way, and no batch meets its limit on
        /// bound values.
        func insert(_ rows: [[CopyValue]], into table: CopyTable) throws {
            let verb = table.name == CopyTable.storeMeta ? "INSERT OR REPLACE" : "INSERT"
            let statement = try db.cachedStatement(sql: """
                \(verb) INTO \(SQLiteStore.quoted(table.name)) (\(table.columns.map(SQLiteStore.quoted).joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: table.columns.count).joined(separator: ", ")))
                """)
            for row in rows {
                try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
            }
        }

        /// Nothing to do: an explicit id moves SQLite's next id past it by itself.
        func finish(_ table: CopyTable) throws {}

        static func databaseValue(_ value: CopyValue) -> DatabaseValue {
            switch value {
            case .null: .null
            case .integer(let number): number.databaseValue
            case .real(let number): number.databaseValue
            case .text(let text): text.databaseValue
            case .blob(let bytes): Data(bytes).databaseValue
            }
        }
    }
}
