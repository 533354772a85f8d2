import Foundation
import GRDB
import NaraDomain
import NaraStore

/// The SQL of a list across patients on PostgreSQL (the open tasks), sent as one plain
/// statement: the SQLite store's parts (who asks, the rows, their patients' policy facts
/// from `AccessFacts.manyPatients` and summaries) translated by `PostgresRecordSQL`, with
/// no migration. A list's read has no patient argument.
enum PostgresListSQL {
    /// The named arguments, bound as `$1`…`$4` (`AccessFacts.values`).
    static let argumentNames = ["unit", "staff", "today", "now_ms"]

    static let sampleDay = LocalDate(year: 2000, month: 1, day: 1)!
    /// Values of the four, of the types every call binds, for read functions' signatures.
    static var sample: [String: (any DatabaseValueConvertible)?] {
        AccessFacts.values(unit: "u", staff: "s", today: sampleDay, now: Date(timeIntervalSince1970: 0))
    }

    /// A list of `parts` over the four arguments as a server-side function.
    static func function(_ name: String, _ parts: [TaggedRead.Part]) -> PostgresReadFunction {
        PostgresReadFunction(name, read(parts), arguments: argumentNames, sample: sample)
    }

    /// One statement of (part, JSON rows) rows for `parts`. PostgreSQL has no max of
    /// booleans: whether a care request is open is `bool_or`, as in `nara.referral_queue`.
    /// `arguments` names the binds of a list with arguments of its own after these four,
    /// and `local` the names of a WITH clause the caller puts before the statement.
    static func read(_ parts: [TaggedRead.Part], arguments: [String] = argumentNames,
                     local: Set<String> = []) -> String {
        PostgresRecordSQL.union(parts.map { carried($0, arguments: arguments, local: local) })
    }

    /// A SQLite part of a list as PostgreSQL reads it, over the named `arguments`.
    static func carried(_ part: TaggedRead.Part, arguments: [String], local: Set<String> = []) -> TaggedRead.Part {
        let translated = PostgresRecordSQL.translated(part, arguments: arguments, local: local)
        guard part.name == "f_request" else { return translated }
        return TaggedRead.Part(part.name, translated.sql.replacing("max(assessed_at IS NULL)",
                                                                   with: "bool_or(assessed_at IS NULL)"),
                               order: part.order)
    }
}
