import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// The SQL of the work lists and Mina patienter on PostgreSQL, each one statement: the
/// SQLite store's parts (candidates `WorkListCandidates`, facts `WorkListFactParts`,
/// marks `WorkListClaimRules`, policy facts and summaries) translated by
/// `PostgresRecordSQL`, over candidate queries in a WITH clause that PostgreSQL runs
/// once however many parts read them.
enum PostgresWorkListSQL {
    /// The named arguments, bound as `$1`…: the list's (`PostgresListSQL.argumentNames`),
    /// the candidates' (`WorkListCandidates.values`), the list kind, the continuity
    /// window's start and the oldest handled mark that counts.
    static let argumentNames: [String] = PostgresListSQL.argumentNames
        + WorkListCandidates.values(unit: "", settings: .default, today: LocalDate(year: 2000, month: 1, day: 1)!)
            .keys.sorted()
        + ["kind", "since", "handled_since"]

    /// The values of `argumentNames`: `today` is the lists' day, the clock's `clockToday`
    /// and `now` the policy's.
    static func values(_ context: AccessContext, unit: UnitID, kind: WorkListKind?, settings: WorkListSettings,
                       today: LocalDate, clockToday: LocalDate, now: Date) -> [String: (any DatabaseValueConvertible)?] {
        var values = AccessFacts.values(unit: context.unitId, staff: context.staffId, today: clockToday, now: now)
        values.merge(WorkListCandidates.values(unit: unit, settings: settings, today: today)) { a, _ in a }
        values["kind"] = kind?.rawValue ?? ""
        values["since"] = WorkListRead.continuitySince(settings: settings, today: today)
        values["handled_since"] = WorkListClaimRules.oldest(now)
        return values
    }

    /// Values of every argument, of the types every call binds, for the functions' signatures.
    static var sample: [String: (any DatabaseValueConvertible)?] {
        let day = PostgresListSQL.sampleDay
        return values(AccessContext(staffId: "s", unitId: "u", sessionId: "s"), unit: "u", kind: nil,
                      settings: .default, today: day, clockToday: day, now: Date(timeIntervalSince1970: 0))
    }

    /// Each list as a server-side function (`PostgresReadFunction`).
    static let listFunctions: [WorkListKind: PostgresReadFunction] = WorkListKind.allCases.reduce(into: [:]) {
        all, kind in
        all[kind] = PostgresReadFunction("work_list_" + kind.rawValue.replacing("-", with: "_"), lists[kind]!,
                                         arguments: argumentNames, sample: sample)
    }

    static let countsFunction = PostgresReadFunction("work_list_counts", counts, arguments: argumentNames,
                                                     sample: sample)
    static let myPatientsFunction = PostgresReadFunction("my_patients", myPatients, arguments: argumentNames,
                                                         sample: sample)

    /// The patients `ids` selects, as a condition after a patient id: an array made once
    /// (an InitPlan), which each part's index on the patient looks up. With `IN (SELECT …)`
    /// over the WITH clause the planner cannot tell the few ids from many, and read every
    /// row of `listing`, `problem`, `observation` and more, hashing them against the ids:
    /// a region's tables whole for a hundred patients.
    static func among(_ ids: String) -> String { "= ANY (ARRAY(\(ids)))" }

    /// A SQLite part as PostgreSQL reads it: booleans are booleans, a plan's participants
    /// keep the order written (`position`, as in `PostgresRecordSQL.own`), a check's day is a
    /// number or an ISO day as JSON (SQLite unites the two in one column), and whether a
    /// care request is open is `bool_or` (as in `PostgresListSQL`).
    static func translated(_ part: TaggedRead.Part, local: Set<String>) -> TaggedRead.Part {
        var sql = part.sql.replacing("chronic = 1", with: "chronic")
            .replacing("residential_care = 1", with: "residential_care")
            .replacing("rowid AS position_", with: "position AS position_")
            .replacing("max(assessed_at IS NULL)", with: "bool_or(assessed_at IS NULL)")
        if part.name == "check" {
            sql = sql.replacing("max(at) AS at", with: "to_json(max(at)) AS at")
                .replacing("max(done_on) AS at", with: "to_json(max(done_on)) AS at")
        }
        return PostgresRecordSQL.translated(TaggedRead.Part(part.name, sql, order: part.order),
                                            arguments: argumentNames, local: local)
    }

    /// One statement: `queries` (name, SQLite SQL) as a WITH clause, then a row (part,
    /// JSON array) for each of `parts`.
    static func read(with queries: [(name: String, sql: String)], _ parts: [TaggedRead.Part]) -> String {
        let local = Set(queries.map(\.name))
        let with = queries.map { "\($0.name) AS (\(translated(TaggedRead.Part($0.name, $0.sql), local: local).sql))" }
        return "WITH " + with.joined(separator: ",\n") + "\n"
            + PostgresRecordSQL.union(parts.map { translated($0, local: local) })
    }

    /// One list: who asks, the candidates (`cand`), the unit's marks, the candidates'
    /// policy facts, summaries, and the facts the list's rule reads.
    static let lists: [WorkListKind: String] = Dictionary(uniqueKeysWithValues: WorkListKind.allCases.map {
        kind -> (WorkListKind, String) in
        let among = Self.among("SELECT patient_id FROM cand")
        return (kind, read(with: [("cand", WorkListCandidates.part(kind).sql)], [
            AccessFacts.subjectPart, TaggedRead.Part("candidate", "SELECT patient_id FROM cand"),
            WorkListClaimRules.listPart,
        ] + WorkListRead.patientParts(among) + WorkListFactParts.parts { facts in
            facts.contains { kind.needs.contains($0) } ? among : nil
        }))
    })

    /// Every list's count: who asks, the unit's handled marks, each list's candidates
    /// (`c0`…), their policy facts, and each fact for the candidates of the lists that read it.
    static let counts: String = {
        let kinds = WorkListKind.allCases
        func among(_ lists: [Int]) -> String? {
            lists.isEmpty ? nil : Self.among(lists.map { "SELECT patient_id FROM c\($0)" }.joined(separator: " UNION "))
        }
        let queries = kinds.enumerated().map { (name: "c\($0.offset)", sql: WorkListCandidates.part($0.element).sql) }
        let parts = [AccessFacts.subjectPart, WorkListClaimRules.handledPart]
            + kinds.enumerated().map { TaggedRead.Part($0.element.rawValue, "SELECT patient_id FROM c\($0.offset)") }
            + WorkListRead.patientParts(among(Array(kinds.indices))!, summaries: false)
            + WorkListFactParts.parts { facts in
                among(kinds.indices.filter { i in facts.contains { kinds[i].needs.contains($0) } })
            }
        return read(with: queries, parts)
    }()

    /// Mina patienter: who asks, the user's contacts today (`mine`), and their patients'
    /// policy facts, summaries, last encounter and next planned contact at the unit, and
    /// every fact the lists read.
    static let myPatients: String = {
        let among = Self.among("SELECT patient_id FROM mine_ids")
        return read(with: [("mine_ids", "SELECT patient_id FROM (\(MyPatientsList.contactsPart.sql)) AS m")],
                    [AccessFacts.subjectPart, MyPatientsList.contactsPart] + WorkListRead.patientParts(among)
                        + [MyPatientsList.lastPart(among), MyPatientsList.plannedPart(among)]
                        + WorkListFactParts.parts { _ in among })
    }()
}
