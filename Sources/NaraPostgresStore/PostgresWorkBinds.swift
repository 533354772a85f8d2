import Foundation
import NaraDomain
import NaraStore
import PostgresNIO

/// The binds of a write whose statements are written as text: each value is bound where
/// it is named and comes back as its placeholder with its type, so that the several
/// data-modifying statements of one `DoorWork` (`query`, `more`) share one list of
/// binds. A NULL has no type of its own; the cast gives it its column's.
struct PostgresWorkBinds {
    private(set) var binds = PostgresBindings()

    mutating func text(_ value: String?) -> String {
        binds.append(value)
        return "$\(binds.count)::text"
    }

    mutating func int(_ value: Int64?) -> String {
        binds.append(value)
        return "$\(binds.count)::bigint"
    }

    mutating func int(_ value: Int) -> String { int(Int64(value)) }

    mutating func bool(_ value: Bool) -> String {
        binds.append(value)
        return "$\(binds.count)::boolean"
    }

    /// Rows to write as one JSON array, read with `jsonb_to_recordset`.
    mutating func json(_ rows: [[String: Any?]]) throws -> String {
        let objects = rows.map { $0.mapValues { $0 ?? NSNull() } }
        binds.append(String(decoding: try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys]),
                            as: UTF8.self))
        return "$\(binds.count)::jsonb"
    }

    func query(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }

    /// A text as an SQL literal, for a door part, whose SQL has no binds of its own:
    /// quotes doubled (the server reads backslashes as they are, standard_conforming_strings).
    /// A text with a NUL, which no text column holds, is NULL: it finds nothing, as on SQLite.
    static func literal(_ value: String) -> String {
        value.contains("\0") ? "NULL::text" : "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension PostgresStore {
    /// The patient whose row `id` of `table` is, nil when there is no such row: one
    /// statement, before the door, for a write that names a row and not its patient. A
    /// row never changes patient, so the lock the door then takes is the right one, and
    /// the door reads the row again under it.
    func patient(of table: String, id: RecordID) throws -> PatientID? {
        try client.query(PostgresQuery(unsafeSQL: "SELECT patient_id FROM nara.\(table) WHERE id = $1",
                                       binds: { var b = PostgresBindings(); b.append(id); return b }()))
            .first.map { PatientID(rawValue: try $0.decode(Int64.self)) }
    }
}
