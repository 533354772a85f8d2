import Foundation
import GRDB
import NaraDomain

/// How a work list is read and decided, alike in both stores: who may read one, the
/// rows it shows of its candidates' facts, the counts, and the log rows' view. The
/// stores differ only in how they read the candidates and facts (`WorkListCandidates`,
/// `WorkListFactParts`).
package enum WorkListRead {
    /// The log rows' view of a list, which is their detail before the basis.
    package static func view(_ kind: WorkListKind) -> String { "work list \(kind.rawValue)" }

    /// The user as a list reader: active, with a role that reads coordination or clinical information.
    package static func listReader(_ subject: AccessSubject) throws -> AccessSubject {
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        guard subject.rights.contains(.readCoordination) || subject.rights.contains(.readClinical) else {
            throw StoreError.accessDenied(.notForRole)
        }
        return subject
    }

    /// Encounters for continuity are read from this moment (epoch seconds): the
    /// frequent-contact window, from the noon before it opens.
    package static func continuitySince(settings: WorkListSettings, today: LocalDate) -> Int64 {
        seconds(Continuity.window(endingOn: today, months: settings.frequentWindowMonths).lowerBound
            .adding(days: -1).noon(in: .stockholm))
    }

    /// Empty facts for each of `ids`, for `WorkListFactParts.fill` to fill.
    package static func blank(_ ids: some Sequence<Int64>) -> [Int64: WorkListPatientFacts] {
        var all: [Int64: WorkListPatientFacts] = [:]
        for id in ids where all[id] == nil { all[id] = WorkListPatientFacts(patientId: PatientID(rawValue: id)) }
        return all
    }

    /// The entries of one list: the candidates the user may see (`ids`, in the order
    /// read), judged by the list's rule on their facts, the most urgent first.
    package static func entries(_ kind: WorkListKind, ids: [Int64], facts: [Int64: WorkListPatientFacts],
                                settings: WorkListSettings, today: LocalDate) -> [WorkListEntry] {
        ids.compactMap { id in
            WorkListRules.evaluate(kind, facts: facts[id] ?? WorkListPatientFacts(patientId: PatientID(rawValue: id)),
                                   settings: settings, today: today)
        }.sorted(by: WorkListEntry.urgencyOrder)
    }

    /// The rows a list shows: at most `limit` entries, each with its patient and the
    /// unit's mark on it, the handled ones last.
    package static func rows(_ entries: [WorkListEntry], limit: Int, summaries: [PatientID: PatientSummary],
                             claims: [PatientID: WorkListClaim]) -> [WorkListRow] {
        WorkListClaim.ordered(entries.prefix(limit).compactMap { e in
            summaries[e.patientId].map { WorkListRow(entry: e, patient: $0, claim: claims[e.patientId]) }
        })
    }

    /// The facts each list's candidates need (`WorkListKind.needs`), for the candidates
    /// the user may see: what the counts read.
    package static func plan(_ candidates: [WorkListKind: [Int64]],
                             grants: [Int64: AccessGrant]) -> [WorkListFact: [Int64]] {
        var plan: [WorkListFact: [Int64]] = [:]
        for (kind, ids) in candidates {
            let seen = ids.filter { grants[$0] != nil }
            for fact in kind.needs { plan[fact, default: []] += seen }
        }
        return plan
    }

    /// How many patients each list would show the user that nobody has handled.
    package static func counts(_ candidates: [WorkListKind: [Int64]], grants: [Int64: AccessGrant],
                               facts: [Int64: WorkListPatientFacts], handled: [WorkListKind: Set<Int64>],
                               settings: WorkListSettings, today: LocalDate) -> [WorkListKind: Int] {
        var counts: [WorkListKind: Int] = [:]
        for (kind, ids) in candidates {
            counts[kind] = ids.count { id in
                guard let f = facts[id], grants[id] != nil, !(handled[kind]?.contains(id) ?? false) else { return false }
                return WorkListRules.evaluate(kind, facts: f, settings: settings, today: today) != nil
            }
        }
        return counts
    }

    /// Each list's candidates from the rows of its part (`WorkListCandidates.part`).
    package static func candidates(_ rows: [String: [Row]]) -> [WorkListKind: [Int64]] {
        var candidates: [WorkListKind: [Int64]] = [:]
        for kind in WorkListKind.allCases { candidates[kind] = (rows[kind.rawValue] ?? []).map { $0["patient_id"] } }
        return candidates
    }

    /// The policy's facts (`AccessFacts.manyPatients`, with `AccessFacts.values`) and the
    /// summaries of the patients `patients` selects ("IN (…)"), for a list read in one
    /// statement; `grants` and `summaries` read them.
    package static func patientParts(_ patients: String, summaries: Bool = true) -> [TaggedRead.Part] {
        AccessFacts.manyPatients(patients) + (summaries ? SummaryQuery.parts(patients) : [])
    }

    /// The grants the policy gives `subject` for `patients` on the facts of `patientParts`.
    package static func grants(_ rows: [String: [Row]], subject: AccessSubject, patients: some Sequence<Int64>,
                               today: LocalDate, now: Date) -> [Int64: AccessGrant] {
        var facts = Dictionary(uniqueKeysWithValues: Set(patients).map { ($0, PatientAccessFacts()) })
        AccessFacts.assemble(rows, into: &facts)
        return SQLiteStore.grants(subject, facts: facts, today: today, now: now)
    }

    /// The summaries read by `patientParts`, by patient.
    package static func summaries(_ rows: [String: [Row]]) -> [PatientID: PatientSummary] {
        Dictionary(SummaryQuery.assemble(rows).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
