import GRDB

/// Several SELECTs of different shapes run as one statement: what a screen needs from
/// many tables in one round trip, as a server database does it with one function call.
///
/// Each part becomes a branch of a `UNION ALL`, its columns renamed to positions
/// (`c0`, `c1`, …, padded with NULLs to the widest part) and numbered in the part's own
/// order. Each row comes back under its part's name with its own column names (a GRDB
/// scope), so the decoders that read a table's rows read these unchanged. All parts share
/// the statement's named arguments.
package struct TaggedRead {
    package struct Part {
        package let name: String
        /// A SELECT without ORDER BY; its column names must be distinct.
        package let sql: String
        /// The part's order, over its own columns; nil for no particular order.
        package var order: String?

        package init(_ name: String, _ sql: String, order: String? = nil) {
            self.name = name
            self.sql = sql
            self.order = order
        }
    }

    let parts: [Part]
    /// Whether the statement stays prepared for the next time: not for SQL that varies.
    let cached: Bool
    /// A WITH clause the parts share ("WITH q AS (…)"), computed once for all of them.
    let with: String

    init(_ parts: [Part], with: String = "", cached: Bool = true) {
        self.parts = parts
        self.with = with.isEmpty ? "" : with + "\n"
        self.cached = cached
    }

    /// Each part's rows, in the part's order.
    func fetch(_ db: Database, arguments: StatementArguments) throws -> [String: [Row]] {
        // Preparing a part runs nothing: it only tells its column names.
        let columns = try parts.map { part in
            try (cached ? db.cachedStatement(sql: with + part.sql) : db.makeStatement(sql: with + part.sql)).columnNames
        }
        let width = columns.map(\.count).max() ?? 0
        let branches = parts.enumerated().map { i, part in
            let own = columns[i].enumerated().map { j, name in "\"\(name)\" AS c\(j)" }
            let padding = (columns[i].count..<width).map { "NULL AS c\($0)" }
            return "SELECT \(i) AS part_, row_number() OVER (ORDER BY \(part.order ?? "NULL")) AS ord_, "
                + (own + padding).joined(separator: ", ") + " FROM (\(part.sql))"
        }
        let sql = with + branches.joined(separator: "\nUNION ALL\n") + "\nORDER BY part_, ord_"
        var scopes: [String: any RowAdapter] = [:]
        for (i, part) in parts.enumerated() {
            scopes[part.name] = ColumnMapping(Dictionary(uniqueKeysWithValues: columns[i].enumerated().map { j, name in
                (name, "c\(j)")
            }))
        }
        var result = Dictionary(uniqueKeysWithValues: parts.map { ($0.name, [Row]()) })
        let adapter = ScopeAdapter(scopes)
        let statement = try cached ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql)
        for row in try Row.fetchAll(statement, arguments: arguments, adapter: adapter) {
            let part = parts[row["part_"] as Int]
            if let scoped = row.scopes[part.name] { result[part.name, default: []].append(scoped) }
        }
        return result
    }
}
