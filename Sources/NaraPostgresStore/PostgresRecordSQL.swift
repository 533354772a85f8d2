import Foundation
import GRDB
import NaraStore
import PostgresNIO

/// The SQL that opens a record on PostgreSQL. The parts are the SQLite store's
/// (`RecordQuery.read`: who asks, the policy's facts about the patient, the record's
/// parts), carried over as they are: the tables they name get the schema `nara.` and
/// their named arguments become `$n`. Only a part whose SQL has no equal here is
/// written again (`own`).
///
/// PostgreSQL unites only rows of the same types, so each part comes back as one row:
/// its name and its rows as a JSON array, in the part's order. `JSONRows` makes GRDB
/// rows of them, which NaraStore's decoders read as they read SQLite's.
enum PostgresRecordSQL {
    /// The named arguments of the parts, in the order bound (`$1` is `:patient`).
    static let argumentNames = ["patient", "unit", "staff", "today", "now_ms"]

    /// The parts whose SQLite SQL does not carry over.
    static let own: [String: TaggedRead.Part] = [
        // SQLite keeps a plan's participants in the order written, by rowid; PostgreSQL
        // by `position` (`RegionSchemaPlanParticipantPosition`).
        "plan_participant": TaggedRead.Part("plan_participant", """
            SELECT pp.* FROM nara.plan_participant pp
             WHERE pp.plan_id IN (SELECT id FROM nara.coordinated_plan WHERE patient_id = $1)
            """, order: "position"),
    ]

    /// One statement: a row (part, JSON array) for every part of `RecordQuery.read`.
    static let read: String = union(RecordQuery.read.map { own[$0.name] ?? translated($0) })

    /// The staff (`$1`, an array of ids) and units (`$2`) a record names, in one statement.
    static let directory = union([
        TaggedRead.Part("staff", "SELECT * FROM nara.staff WHERE id = ANY($1::text[])"),
        TaggedRead.Part("unit", "SELECT * FROM nara.care_unit WHERE id = ANY($2::text[])"),
    ])

    static func union(_ parts: [TaggedRead.Part]) -> String {
        parts.map { part in
            let order = part.order.map { " ORDER BY \($0)" } ?? ""
            return "SELECT '\(part.name)'::text AS part, (SELECT json_agg(t\(order)) FROM (\(part.sql)) AS t)::text AS rows"
        }.joined(separator: "\nUNION ALL\n")
    }

    /// A SQLite part as PostgreSQL reads it: `FROM t` and `JOIN t` name `nara.t` (but for
    /// the names in `local`, a WITH clause's), and `:name` is `$n` by `arguments`.
    static func translated(_ part: TaggedRead.Part, arguments: [String] = argumentNames,
                           local: Set<String> = []) -> TaggedRead.Part {
        TaggedRead.Part(part.name, translated(part.sql, arguments: arguments, local: local), order: part.order)
    }

    static func translated(_ sql: String, arguments: [String], local: Set<String> = []) -> String {
        var sql = sql.replacing(tables) { match in
            local.contains(String(match.output.2)) ? String(match.output.0) : "\(match.output.1) nara.\(match.output.2)"
        }
        for (i, name) in arguments.enumerated() {
            sql = sql.replacing(try! Regex(":\(name)\\b"), with: "$\(i + 1)")
        }
        return sql
    }

    nonisolated(unsafe) static let tables = /\b(FROM|JOIN)\s+([a-z_]+)\b(?!\s*\()/

    /// `values` (the named arguments' values) bound in `argumentNames`' order.
    static func binds(_ values: [String: (any DatabaseValueConvertible)?],
                      names: [String] = argumentNames) -> PostgresBindings {
        var binds = PostgresBindings()
        for name in names {
            switch values[name]??.databaseValue.storage {
            case .int64(let value): binds.append(value)
            case .double(let value): binds.append(value)
            case .string(let value): binds.append(value)
            case .blob, .null, nil: preconditionFailure("argument \(name) is no number or text")
            }
        }
        return binds
    }
}
