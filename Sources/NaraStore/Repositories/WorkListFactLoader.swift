import Foundation
import GRDB
import NaraDomain

/// Loads, for each candidate, only the facts its work list reads (`WorkListKind.needs`).
///
/// Set-based: one statement per kind of fact, each over `patient_id IN (…)` of the
/// candidates that need it, not one per patient, so a list of 10,000 candidates costs
/// what a list of 2 does, as a screen must when each statement is a round trip to a
/// server. The kinds are not joined into one `TaggedRead`: on SQLite the wide rows of
/// such a union made Mina patienter and the counts half as slow again (BENCHMARKS.md).
/// The PostgreSQL store reads the same parts (`WorkListFactParts`) in its one statement
/// a list, where a round trip costs more than wide rows.
struct WorkListFactLoader {
    let db: Database
    let today: LocalDate
    /// What the user may see of each candidate: facts the user may not see are not read
    /// into the rules.
    let grants: [Int64: AccessGrant]
    /// Encounters for continuity before this moment (epoch seconds) are not read: the
    /// rule measures a window ending today, and ten years of history would be read for
    /// the last twelve months.
    var continuitySince: Int64 = .min

    func load(_ ids: [Int64], needs: Set<WorkListFact>) throws -> [WorkListPatientFacts] {
        let facts = try load(Dictionary(uniqueKeysWithValues: needs.map { ($0, ids) }))
        return ids.map { facts[$0] ?? WorkListPatientFacts(patientId: PatientID(rawValue: $0)) }
    }

    /// Each kind of fact for its own patients: what the counts of every list need at
    /// once, without reading a fact for a patient whose lists ignore it. The id lists are
    /// written into the SQL (integers only): no limit on bound parameters.
    func load(_ plan: [WorkListFact: [Int64]]) throws -> [Int64: WorkListPatientFacts] {
        var all: [Int64: WorkListPatientFacts] = [:]
        for id in plan.values.joined() where all[id] == nil {
            all[id] = WorkListPatientFacts(patientId: PatientID(rawValue: id))
        }
        // Facts the user may not see are not read into the rules: nothing at all for a
        // candidate without a grant.
        func among(_ facts: [WorkListFact]) -> String? {
            let seen = Set(facts.flatMap { plan[$0] ?? [] }).filter { grants[$0] != nil }
            return seen.isEmpty ? nil : "IN (" + seen.sorted().map(String.init).joined(separator: ",") + ")"
        }
        let parts = WorkListFactParts.parts(among)
        guard !parts.isEmpty else { return all }
        var rows: [String: [Row]] = [:]
        for part in parts {
            rows[part.name] = try Row.fetchAllNamed(db, sql: part.sql + (part.order.map { " ORDER BY " + $0 } ?? ""),
                                               arguments: part.sql.contains(":since") ? ["since": continuitySince] : [])
        }
        WorkListFactParts.fill(&all, rows, grants: grants, today: today)
        return all
    }
}
