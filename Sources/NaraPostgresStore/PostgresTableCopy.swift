import NaraDomain
import PostgresNIO

/// The PostgreSQL store's side of `nara copy`: the schema's tables read and written as
/// plain rows, as the schema's owner. The access log's rows go in as they are, with
/// their ids and hashes: the owner keeps INSERT on the log (only UPDATE, DELETE and
/// TRUNCATE are stopped, `RegionSchema.accessLog`), and a row that does not chain is
/// found by the verification the copy runs afterwards.
extension PostgresStore: CopyableStore {
    /// Kept by the store itself (see `CopyableStore.copyTables()`): the migration
    /// history, the name-word index its trigger fills from the patients, the counters.
    static let notCopied: Set<String> = ["nara_migrations", "patient_name_word", "change_counter"]

    /// Columns the store keeps itself, by table: the order a table's rows were written
    /// in, where SQLite keeps it by rowid. A copy leaves them out, reads the rows in
    /// their order, and the target numbers them as they go in, in the order read.
    static let ownColumns: [String: String] = ["plan_participant": "position"]

    /// The tables `counts()` reports, the SQLite store's list (`SQLiteStore.counts()`).
    static let countedTables = [
        "care_unit", "staff", "patient", "listing", "care_contact", "problem", "encounter", "discharge",
        "discharge_notice", "observation", "referral", "referral_event", "coordinated_plan", "care_provider", "consent",
        "information_block", "block_opening", "care_request", "patient_task", "work_list_claim", "access_log",
    ]

    /// Rows per table, in one statement.
    public func counts() throws -> [(table: String, rows: Int)] {
        let select = Self.countedTables.map { "(SELECT count(*) FROM nara.\($0))" }.joined(separator: ", ")
        guard let row = try client.query(PostgresQuery(unsafeSQL: "SELECT " + select)).first else { return [] }
        return try zip(Self.countedTables, row).map { ($0, Int(try $1.decode(Int64.self))) }
    }

    public func copyTables() throws -> [CopyTable] {
        let references = try references()
        return try columnTypes().map { name, columns in
            CopyTable(name: name, columns: columns.map(\.name), references: references[name] ?? [])
        }
    }

    public func rowCount(_ table: String) throws -> Int {
        let count = try client.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM nara.\(Self.quoted(table))"))
        return Int(try count.first?.decode(Int64.self) ?? 0)
    }

    public func copyStoreKind() throws -> StoreKind? {
        try client.query("SELECT value FROM nara.store_meta WHERE key = 'kind'")
            .first.flatMap { StoreKind(rawValue: try $0.decode(String.self)) }
    }

    /// One read-only snapshot, each table through a cursor: the rows come a batch at a
    /// time and the statement timeout bounds one batch, not the whole table.
    public func readTables(_ body: (any StoreTableReader) throws -> Void) throws {
        let types = Dictionary(try columnTypes(), uniquingKeysWith: { a, _ in a })
        try client.withConnection { session in
            try session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? session.query("COMMIT") }
            try body(Reader(session: session, types: types))
        }
    }

    /// Without the change-counter triggers, which are back on before the commit: the
    /// target was empty, so no session watches it, and every copied row would otherwise
    /// bump the same few counters, each bump a new version of the same row.
    public func writeTables(_ body: (any StoreTableWriter) throws -> Void) throws {
        let types = Dictionary(try columnTypes(), uniquingKeysWith: { a, _ in a })
        try client.transaction { session in
            for sql in RegionSchemaChangeCounters.setEnabled(false) { try session.query(PostgresQuery(unsafeSQL: sql)) }
            try body(Writer(session: session, types: types))
            for sql in RegionSchemaChangeCounters.setEnabled(true) { try session.query(PostgresQuery(unsafeSQL: sql)) }
        }
        // The planner's statistics of the tables just filled, before any session plans a
        // read on them: without, a region's first lists are planned on empty tables'
        // guesses until autovacuum comes round. (20 s for a 300,000-patient region.)
        try client.withConnection { try $0.query("ANALYZE") }
    }

    public func verifyCopiedLog() throws -> AccessLogVerification { try verifyAccessLog() }

    struct Column {
        var name: String
        var type: String
        var identity: Bool
    }

    /// The copied tables and their columns in the schema's order, with their types.
    func columnTypes() throws -> [(String, [Column])] {
        let rows = try client.query("""
            SELECT table_name::text, column_name::text, data_type::text, is_identity::text = 'YES'
              FROM information_schema.columns WHERE table_schema = 'nara' ORDER BY table_name, ordinal_position
            """).map { try $0.decode((String, String, String, Bool).self) }
        var tables: [(String, [Column])] = []
        for (table, column, type, identity) in rows
            where !Self.notCopied.contains(table) && Self.ownColumns[table] != column {
            if tables.last?.0 != table { tables.append((table, [])) }
            tables[tables.count - 1].1.append(Column(name: column, type: type, identity: identity))
        }
        return tables
    }

    /// Each table's foreign keys, by the tables they name.
    func references() throws -> [String: Set<String>] {
        let rows = try client.query("""
            SELECT t.relname::text, r.relname::text FROM pg_constraint c
              JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE c.contype = 'f' AND n.nspname = 'nara'
            """).map { try $0.decode((String, String).self) }
        return Dictionary(grouping: rows, by: \.0).mapValues { Set($0.map(\.1)) }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    private struct Reader: StoreTableReader {
        let session: PostgresClient.Session
        let types: [String: [Column]]

        func rows(of table: CopyTable, batchSize: Int, _ each: ([[CopyValue]]) throws -> Void) throws {
            guard let known = types[table.name] else { throw StoreError.invalid("no table \(table.name) to copy from") }
            let byName = Dictionary(known.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            let columns = try table.columns.map { name in
                guard let column = byName[name] else { throw StoreError.invalid("no column \(table.name).\(name)") }
                return column
            }
            let order = table.columns.contains("id") ? " ORDER BY id"
                : PostgresStore.ownColumns[table.name].map { " ORDER BY \(PostgresStore.quoted($0))" } ?? ""
            try session.query(PostgresQuery(unsafeSQL: """
                DECLARE copy_rows NO SCROLL CURSOR FOR
                SELECT \(columns.map { PostgresStore.quoted($0.name) }.joined(separator: ", "))
                  FROM nara.\(PostgresStore.quoted(table.name))\(order)
                """))
            defer { _ = try? session.query("CLOSE copy_rows") }
            while true {
                let rows = try session.query(PostgresQuery(unsafeSQL: "FETCH FORWARD \(batchSize) FROM copy_rows"))
                if rows.isEmpty { return }
                try each(rows.map { row in try zip(columns, row).map { try Self.value($1, as: $0.type) } })
                if rows.count < batchSize { return }
            }
        }

        /// A boolean becomes 0/1, as the file store keeps a flag.
        static func value(_ cell: PostgresCell, as type: String) throws -> CopyValue {
            switch type {
            case "boolean": try cell.decode(Bool?.self).map { .integer($0 ? 1 : 0) } ?? .null
            case "bigint": try cell.decode(Int64?.self).map(CopyValue.integer) ?? .null
            case "integer": try cell.decode(Int32?.self).map { .integer(Int64($0)) } ?? .null
            case "double precision": try cell.decode(Double?.self).map(CopyValue.real) ?? .null
            case "bytea": try cell.decode(ByteBuffer?.self).map { .blob(Array($0.readableBytesView)) } ?? .null
            default: try cell.decode(String?.self).map(CopyValue.text) ?? .null
            }
        }
    }

    private struct Writer: StoreTableWriter {
        let session: PostgresClient.Session
        let types: [String: [Column]]
        /// PostgreSQL takes at most 65,535 bound values a statement.
        static let maximumBinds = 60_000

        func insert(_ rows: [[CopyValue]], into table: CopyTable) throws {
            guard !rows.isEmpty else { return }
            let columns = try self.columns(of: table)
            let perStatement = max(1, Self.maximumBinds / max(1, columns.count))
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(rows.count, start + perStatement)]
                try session.query(try statement(chunk, into: table, columns: columns))
                start += chunk.count
            }
        }

        /// One multi-row INSERT. Every placeholder is cast to its column's type, so
        /// that a column whose values are all NULL in a batch still has one. Ids are
        /// given (OVERRIDING SYSTEM VALUE), and the store's meta rows replace the
        /// target's own.
        func statement(_ rows: ArraySlice<[CopyValue]>, into table: CopyTable, columns: [Column]) throws -> PostgresQuery {
            var binds = PostgresBindings(capacity: rows.count * columns.count)
            var tuples: [String] = []
            tuples.reserveCapacity(rows.count)
            var number = 0
            for row in rows {
                guard row.count == columns.count else { throw StoreError.invalid("a row of \(table.name) has \(row.count) values") }
                var placeholders: [String] = []
                for (value, column) in zip(row, columns) {
                    number += 1
                    placeholders.append("$\(number)::\(column.type)")
                    try Self.bind(value, as: column, of: table.name, into: &binds)
                }
                tuples.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            let overriding = columns.contains(where: \.identity) ? " OVERRIDING SYSTEM VALUE" : ""
            let conflict = table.name == CopyTable.storeMeta ? " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value" : ""
            return PostgresQuery(unsafeSQL: """
                INSERT INTO nara.\(PostgresStore.quoted(table.name)) \
                (\(columns.map { PostgresStore.quoted($0.name) }.joined(separator: ", ")))\(overriding)
                VALUES \(tuples.joined(separator: ", "))\(conflict)
                """, binds: binds)
        }

        /// Sets each identity column's sequence past the largest id copied, so the
        /// next row the store adds gets a new id.
        func finish(_ table: CopyTable) throws {
            for column in try columns(of: table) where column.identity {
                let name = "nara.\(PostgresStore.quoted(table.name))"
                try session.query(PostgresQuery(unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(name)', '\(column.name)'), m)
                      FROM (SELECT max(\(PostgresStore.quoted(column.name))) AS m FROM \(name)) x WHERE m IS NOT NULL
                    """))
            }
        }

        func columns(of table: CopyTable) throws -> [Column] {
            guard let known = types[table.name] else { throw StoreError.invalid("no table \(table.name) to copy into") }
            let byName = Dictionary(known.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            return try table.columns.map { name in
                guard let column = byName[name] else { throw StoreError.invalid("no column \(table.name).\(name)") }
                return column
            }
        }

        /// The value as its column's type: a 0/1 flag as a boolean. SQLite keeps what
        /// it is given, so a number in a text column is written as its text.
        static func bind(_ value: CopyValue, as column: Column, of table: String, into binds: inout PostgresBindings) throws {
            let refuse = { StoreError.invalid("\(table).\(column.name): \(value) does not fit a \(column.type) column") }
            switch (value, column.type) {
            case (.null, _): binds.appendNull()
            case (.integer(let n), "boolean"):
                guard n == 0 || n == 1 else { throw refuse() }
                binds.append(n == 1)
            case (.integer(let n), "bigint"), (.integer(let n), "integer"): binds.append(n)
            case (.real(let d), "bigint"), (.real(let d), "integer"):
                guard let n = Int64(exactly: d) else { throw refuse() }
                binds.append(n)
            case (.integer(let n), "double precision"): binds.append(Double(n))
            case (.real(let d), "double precision"): binds.append(d)
            case (.text(let s), "boolean"), (.text(let s), "bigint"), (.text(let s), "integer"),
                 (.text(let s), "double precision"):
                // The cast in the statement reads the text, or refuses it.
                binds.append(s)
            case (.blob(let bytes), "bytea"): binds.append(ByteBuffer(bytes: bytes))
            case (.text(let s), _): binds.append(s)
            case (.integer(let n), _): binds.append(String(n))
            case (.real(let d), _): binds.append(String(d))
            case (.blob, _): throw refuse()
            }
        }
    }
}
