import GRDB
import NaraStore
import PostgresNIO

/// A report's reads on PostgreSQL (`ReportSource`), in one read-only transaction with one
/// snapshot (`PostgresStore.readingReport`): the small reads as one statement of parts,
/// as a record is read (`PostgresRecordSQL`), and each pass over a period's rows through
/// a cursor, fetched in batches, so that a region's year of encounters is never held in
/// the client at once.
struct PostgresReportSource: ReportSource {
    let session: PostgresClient.Session
    /// Rows per round trip of a pass.
    var batch = Self.defaultBatch
    static let defaultBatch = 10_000

    func parts(_ parts: [TaggedRead.Part], arguments: [String: (any DatabaseValueConvertible)?]) throws
        -> [String: [Row]] {
        let names = arguments.keys.sorted()
        let sql = PostgresRecordSQL.union(parts.map { Self.carried($0, names) })
        return try JSONRows.parts(session.query(PostgresQuery(unsafeSQL: sql,
                                                              binds: PostgresRecordSQL.binds(arguments, names: names))))
    }

    func each(_ sql: String, arguments: [String: (any DatabaseValueConvertible)?],
              _ body: (Row) throws -> Void) throws {
        let names = arguments.keys.sorted()
        try session.query(PostgresQuery(unsafeSQL: """
            DECLARE report_rows NO SCROLL CURSOR FOR \(PostgresRecordSQL.translated(sql, arguments: names))
            """, binds: PostgresRecordSQL.binds(arguments, names: names)))
        while true {
            let rows = try session.query(PostgresQuery(unsafeSQL: "FETCH FORWARD \(batch) FROM report_rows"))
            for row in rows { try body(try Self.row(row)) }
            if rows.count < batch { break }
        }
        try session.query("CLOSE report_rows")
    }

    /// A SQLite part as PostgreSQL reads it, as a list's are (`PostgresListSQL`). A plan's
    /// participants are in the order written: SQLite's rowid, here `position`
    /// (`RegionSchemaPlanParticipantPosition`).
    static func carried(_ part: TaggedRead.Part, _ names: [String]) -> TaggedRead.Part {
        let translated = PostgresListSQL.carried(part, arguments: names)
        guard part.name == "plan_participant" else { return translated }
        return TaggedRead.Part(part.name, translated.sql.replacing(/\browid\b/, with: "position"), order: part.order)
    }

    /// A server row as a GRDB row, read by column name as the SQLite store's decoders read
    /// theirs. A boolean becomes 0/1, as the file store keeps a flag.
    static func row(_ row: PostgresRow) throws -> Row {
        var values: [String: (any DatabaseValueConvertible)?] = [:]
        for cell in row {
            switch cell.dataType {
            case .bool: values[cell.columnName] = try cell.decode(Bool?.self).map { Int64($0 ? 1 : 0) }
            case .int2, .int4, .int8: values[cell.columnName] = try cell.decode(Int64?.self)
            case .float4, .float8: values[cell.columnName] = try cell.decode(Double?.self)
            default: values[cell.columnName] = try cell.decode(String?.self)
            }
        }
        return Row(values)
    }
}
