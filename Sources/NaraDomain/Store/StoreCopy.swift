/// Copies every table of one store into an empty other store, in foreign-key order,
/// and then compares the two: rows per table, the access log's head, and the target's
/// log re-hashed. Knows the stores only through `CopyableStore`.
public enum StoreCopy {
    /// Rows a reader hands over at a time: large enough that a batch is a handful of
    /// statements, small enough that 300,000 patients never sit in memory at once.
    public static let batchSize = 2000

    public struct TableCount: Sendable, Equatable {
        public var table: String
        public var source: Int
        public var target: Int
    }

    public struct Report: Sendable {
        /// Every copied table, in the order copied.
        public var tables: [TableCount]
        /// `counts()` of both stores, the list every store reports.
        public var sourceCounts: [TableCount]
        public var sourceHead: (rowId: Int64, hash: String)?
        public var targetHead: (rowId: Int64, hash: String)?
        public var targetLog: AccessLogVerification

        public var headsMatch: Bool { sourceHead?.rowId == targetHead?.rowId && sourceHead?.hash == targetHead?.hash }
        public var countsMatch: Bool { (tables + sourceCounts).allSatisfy { $0.source == $0.target } }
        public var logIntact: Bool { if case .intact = targetLog { true } else { false } }
        public var matches: Bool { headsMatch && countsMatch && logIntact }
    }

    /// `progress(table, rowsDone, rowsTotal)` after every batch.
    public static func run(from source: any CopyableStore, to target: any CopyableStore,
                           progress: (String, Int, Int) -> Void = { _, _, _ in }) throws -> Report {
        let targetTables = try target.copyTables()
        let sourceTables = Dictionary(try source.copyTables().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        try checkSameTables(source: sourceTables, target: targetTables)
        let held = try targetTables.filter { $0.name != CopyTable.storeMeta }
            .map { ($0.name, try target.rowCount($0.name)) }.filter { $0.1 > 0 }
        guard held.isEmpty else {
            let what = held.prefix(4).map { "\($0.1) in \($0.0)" }.joined(separator: ", ")
            throw StoreError.invalid("the target store is not empty (\(what)); a copy goes only into an empty store")
        }
        let ordered = try dependencyOrder(targetTables)
        let sourceRows = try ordered.map { try source.rowCount($0.name) }
        let total = sourceRows.reduce(0, +)
        var done = 0
        try target.writeTables { writer in
            try source.readTables { reader in
                for table in ordered {
                    try reader.rows(of: table, batchSize: batchSize) { batch in
                        try writer.insert(batch, into: table)
                        done += batch.count
                        progress(table.name, done, total)
                    }
                    try writer.finish(table)
                }
            }
        }
        let tables = try zip(ordered, sourceRows).map { table, rows in
            TableCount(table: table.name, source: rows, target: try target.rowCount(table.name))
        }
        let targetCounts = Dictionary(try target.counts().map { ($0.table, $0.rows) }, uniquingKeysWith: { a, _ in a })
        let counts = try source.counts().map { TableCount(table: $0.table, source: $0.rows, target: targetCounts[$0.table] ?? -1) }
        return Report(tables: tables, sourceCounts: counts, sourceHead: try source.accessLogHead(),
                      targetHead: try target.accessLogHead(), targetLog: try target.verifyCopiedLog())
    }

    /// Both stores must have the same tables with the same columns: a store of another
    /// version is upgraded first, by opening it with this version.
    static func checkSameTables(source: [String: CopyTable], target: [CopyTable]) throws {
        let targetNames = Set(target.map(\.name))
        if let extra = source.keys.sorted().first(where: { !targetNames.contains($0) }) {
            throw StoreError.invalid("the target store has no table \(extra): the two stores are not of the same version")
        }
        for table in target {
            guard let other = source[table.name] else {
                throw StoreError.invalid("the source store has no table \(table.name): the two stores are not of the same version")
            }
            guard Set(other.columns) == Set(table.columns) else {
                let differ = Set(other.columns).symmetricDifference(table.columns).sorted().joined(separator: ", ")
                throw StoreError.invalid("the table \(table.name) has other columns in the two stores (\(differ))")
            }
        }
    }

    /// Referenced tables before the tables that name them; ties by name, so the order
    /// is the same every time. A table's references to itself need no order.
    static func dependencyOrder(_ tables: [CopyTable]) throws -> [CopyTable] {
        var left = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        var ordered: [CopyTable] = []
        while !left.isEmpty {
            let ready = left.values.filter { table in
                table.references.allSatisfy { $0 == table.name || left[$0] == nil }
            }.sorted { $0.name < $1.name }
            guard !ready.isEmpty else {
                throw StoreError.invalid("the tables' references go round in a circle: \(left.keys.sorted())")
            }
            for table in ready { left[table.name] = nil }
            ordered += ready
        }
        return ordered
    }
}
