import Foundation
import GRDB
import NaraDomain

/// Work lists: SQL narrows a unit's patients to candidates with indexed queries, then
/// the domain's rules decide and give the reason. The filters are never stricter than
/// the rules, so a rule change in the domain cannot be hidden by a stale query.
extension SQLiteStore: WorkListStore {
    /// One list, as the user may see it: patients the policy lets the user see, judged
    /// on the facts the user may see (a blocked discharge puts nobody on a list), each
    /// patient shown logged.
    public func workList(_ kind: WorkListKind, unit: UnitID, settings: WorkListSettings, today: LocalDate,
                         limit: Int, as context: AccessContext) throws -> [WorkListRow] {
        try write { db in
            let (entries, grants) = try evaluate(db, kind, unit: unit, settings: settings, today: today, context: context)
            let shown = Array(entries.prefix(limit))
            let summaries = try SummaryQuery.fetch(db, ids: shown.map(\.patientId.rawValue))
            let byId = Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let claims = try Self.claims(db, unit: unit, kind: kind, now: clock.now)
            let rows = WorkListClaim.ordered(shown.compactMap { e in
                byId[e.patientId].map { WorkListRow(entry: e, patient: $0, claim: claims[e.patientId]) }
            })
            try logShown(db, context, view: "work list \(kind.rawValue)", patients: rows.map(\.patient.id),
                         grants: grants)
            return rows
        }
    }

    /// How many patients each list holds for the user and nobody has handled: a count
    /// shows no patient, so it writes no log row, but it counts only what the list would show.
    public func workListCounts(unit: UnitID, settings: WorkListSettings, today: LocalDate,
                               as context: AccessContext) throws -> [WorkListKind: Int] {
        try read { db in
            // Every list at once, in a fixed number of statements however large the unit:
            // the candidates of each list, one policy pass over all of them, and each kind
            // of fact once for the patients of the lists that read it.
            let subject = try Self.listReader(db, context)
            var candidates: [WorkListKind: [Int64]] = [:]
            for kind in WorkListKind.allCases {
                candidates[kind] = try WorkListCandidates.ids(db, kind: kind, unit: unit, settings: settings, today: today)
            }
            let grants = try grants(db, subject, patients: Array(Set(candidates.values.joined())))
            var plan: [WorkListFact: [Int64]] = [:]
            for (kind, ids) in candidates {
                let seen = ids.filter { grants[$0] != nil }
                for fact in kind.needs { plan[fact, default: []] += seen }
            }
            let facts = try loader(db, today: today, grants: grants, settings: settings).load(plan)
            // A handled row is done: the count is what is left to do.
            let handled = try Self.handled(db, unit: unit, now: clock.now)
            var counts: [WorkListKind: Int] = [:]
            for (kind, ids) in candidates {
                counts[kind] = ids.count { id in
                    guard let f = facts[id], grants[id] != nil, !(handled[kind]?.contains(id) ?? false) else { return false }
                    return WorkListRules.evaluate(kind, facts: f, settings: settings, today: today) != nil
                }
            }
            return counts
        }
    }

    /// The user as a list reader: active, with a role that reads coordination or clinical information.
    static func listReader(_ db: Database, _ context: AccessContext) throws -> AccessSubject {
        let subject = try AccessFacts.subject(db, context)
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        guard subject.rights.contains(.readCoordination) || subject.rights.contains(.readClinical) else {
            throw StoreError.accessDenied(.notForRole)
        }
        return subject
    }

    /// The fact loader for lists of `grants`; continuity is read over the frequent-contact window only.
    private func loader(_ db: Database, today: LocalDate, grants: [Int64: AccessGrant],
                        settings: WorkListSettings) -> WorkListFactLoader {
        var loader = WorkListFactLoader(db: db, today: today, grants: grants)
        loader.continuitySince = seconds(Continuity.window(
            endingOn: today, months: settings.frequentWindowMonths).lowerBound.adding(days: -1).noon(in: .stockholm))
        return loader
    }

    private func evaluate(_ db: Database, _ kind: WorkListKind, unit: UnitID, settings: WorkListSettings,
                          today: LocalDate,
                          context: AccessContext) throws -> (entries: [WorkListEntry], grants: [Int64: AccessGrant]) {
        let subject = try Self.listReader(db, context)
        let candidates = try WorkListCandidates.ids(db, kind: kind, unit: unit, settings: settings, today: today)
        let grants = try grants(db, subject, patients: candidates)
        let facts = try loader(db, today: today, grants: grants, settings: settings)
            .load(candidates.filter { grants[$0] != nil }, needs: kind.needs)
        let entries = facts.compactMap { WorkListRules.evaluate(kind, facts: $0, settings: settings, today: today) }
            .sorted(by: WorkListEntry.urgencyOrder)
        return (entries, grants)
    }
}

enum WorkListCandidates {
    static func ids(_ db: Database, kind: WorkListKind, unit: UnitID, settings: WorkListSettings,
                    today: LocalDate) throws -> [Int64] {
        let u = unit.rawValue, t = today.iso
        let listed = "SELECT patient_id FROM listing WHERE unit_id = ? AND to_date IS NULL"
        switch kind {
        case .elderlyMultimorbidWithoutContact:
            let born = today.adding(months: -12 * settings.minimumAge).iso
            return try Int64.fetchAll(db, sql: """
                SELECT p.id FROM listing l JOIN patient p ON p.id = l.patient_id
                WHERE l.unit_id = ? AND l.to_date IS NULL AND p.birth_date <= ?
                  AND (SELECT count(*) FROM problem pr WHERE pr.patient_id = p.id AND pr.chronic = 1) >= ?
                  AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = p.id AND c.role = 'care_contact'
                                  AND (c.to_date IS NULL OR c.to_date > ?) AND c.from_date <= ?)
                """, arguments: [u, born, settings.minimumChronicDiagnoses, t, t])
        case .frequentLowContinuity:
            let since = seconds(Continuity.window(endingOn: today, months: settings.frequentWindowMonths)
                .lowerBound.adding(days: -1).noon(in: .stockholm))
            return try Int64.fetchAll(db, sql: """
                SELECT e.patient_id FROM encounter e WHERE e.patient_id IN (\(listed)) AND e.at >= ?
                  AND e.annulled_at IS NULL
                GROUP BY e.patient_id HAVING count(*) >= ?
                """, arguments: [u, since, settings.frequentEncounters])
        case .planFollowUpDue:
            return try Int64.fetchAll(db, sql: """
                SELECT DISTINCT p.patient_id FROM coordinated_plan p
                WHERE p.closed_on IS NULL AND p.follow_up_on < ?
                  AND (p.responsible_unit_id = ? OR EXISTS (SELECT 1 FROM plan_participant pp
                       WHERE pp.plan_id = p.id AND pp.unit_id = ?))
                """, arguments: [t, u, u])
        case .dischargedWithoutContact:
            return try Int64.fetchAll(db, sql: """
                SELECT DISTINCT d.patient_id FROM discharge d
                WHERE d.discharged_on >= ? AND d.discharged_on <= ? AND d.patient_id IN (\(listed))
                """, arguments: [today.adding(days: -settings.dischargeWindowDays - 1).iso, t, u])
        case .overdueReferrals:
            // Pauses only move a deadline later, so "sent more than the limit ago" is a superset.
            return try Int64.fetchAll(db, sql: """
                SELECT DISTINCT patient_id FROM referral
                WHERE (from_unit_id = ? OR to_unit_id = ?)
                  AND state IN ('sent', 'received', 'accepted', 'forwarded', 'booked')
                  AND ((guarantee = 'assessment' AND sent_on < ?)
                       OR (guarantee IN ('specialist_visit', 'treatment') AND sent_on < ?))
                """, arguments: [u, u, today.adding(days: -3).iso, today.adding(days: -90).iso])
        case .unacknowledgedReferrals:
            return try Int64.fetchAll(db, sql: """
                SELECT DISTINCT patient_id FROM referral
                WHERE from_unit_id = ? AND (state = 'answered' OR (state = 'sent' AND sent_on <= ?))
                """, arguments: [u, today.adding(days: -settings.acknowledgementDays).iso])
        case .chronicWithoutEncounter:
            let since = seconds(Continuity.window(endingOn: today, months: settings.noEncounterMonths)
                .lowerBound.adding(days: -1).noon(in: .stockholm))
            return try Int64.fetchAll(db, sql: """
                SELECT l.patient_id FROM listing l
                WHERE l.unit_id = ? AND l.to_date IS NULL
                  AND EXISTS (SELECT 1 FROM problem pr WHERE pr.patient_id = l.patient_id AND pr.chronic = 1)
                  AND NOT EXISTS (SELECT 1 FROM encounter e WHERE e.patient_id = l.patient_id AND e.at >= ?
                                  AND e.unit_id = l.unit_id AND e.annulled_at IS NULL)
                """, arguments: [u, since])
        case .admissionsWithoutCareContact:
            return try Int64.fetchAll(db, sql: """
                SELECT DISTINCT n.patient_id FROM discharge_notice n
                WHERE n.discharged_on IS NULL AND n.admitted_on <= ? AND n.patient_id IN (\(listed))
                """, arguments: [t, u])
        case .readyWithoutPlan:
            return try Int64.fetchAll(db, sql: """
                SELECT DISTINCT n.patient_id FROM discharge_notice n
                WHERE n.discharged_on IS NULL AND n.ready_on <= ? AND n.patient_id IN (\(listed))
                """, arguments: [t, u])
        case .rejectedReferrals:
            return try Int64.fetchAll(db, sql: """
                SELECT DISTINCT patient_id FROM referral WHERE from_unit_id = ? AND state = 'rejected'
                """, arguments: [u])
        case .withoutNamedGP:
            return try Int64.fetchAll(db, sql: """
                SELECT l.patient_id FROM listing l
                WHERE l.unit_id = ? AND l.to_date IS NULL
                  AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = l.patient_id
                                  AND c.role = 'named_physician' AND c.unit_id = l.unit_id
                                  AND (c.to_date IS NULL OR c.to_date > ?) AND c.from_date <= ?)
                """, arguments: [u, t, t])
        case .residentialCareWithoutNamedGP:
            return try Int64.fetchAll(db, sql: """
                SELECT l.patient_id FROM listing l JOIN patient p ON p.id = l.patient_id
                WHERE l.unit_id = ? AND l.to_date IS NULL AND p.residential_care = 1
                  AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = l.patient_id
                                  AND c.role = 'named_physician' AND c.unit_id = l.unit_id
                                  AND (c.to_date IS NULL OR c.to_date > ?) AND c.from_date <= ?)
                """, arguments: [u, t, t])
        case .yearlyCheckDue:
            let codes = YearlyCheckProgramme.standard.flatMap(\.codePrefixes)
            let like = codes.map { _ in "pr.code LIKE ?" }.joined(separator: " OR ")
            return try Int64.fetchAll(db, sql: """
                SELECT l.patient_id FROM listing l
                WHERE l.unit_id = ? AND l.to_date IS NULL
                  AND EXISTS (SELECT 1 FROM problem pr WHERE pr.patient_id = l.patient_id AND (\(like)))
                """, arguments: StatementArguments([u] + codes.map { $0 + "%" }))
        case .multimorbidElderly:
            // Both sources summed: a stay in both is counted twice here, once by the rule.
            let born = today.adding(months: -12 * settings.minimumAge).iso
            let from = Continuity.window(endingOn: today, months: settings.multimorbidWindowMonths).lowerBound.iso
            return try Int64.fetchAll(db, sql: """
                SELECT p.id FROM listing l JOIN patient p ON p.id = l.patient_id
                WHERE l.unit_id = ? AND l.to_date IS NULL AND p.birth_date <= ?
                  AND (SELECT count(*) FROM discharge d WHERE d.patient_id = p.id AND d.admitted_on >= ?)
                    + (SELECT count(*) FROM discharge_notice n WHERE n.patient_id = p.id AND n.admitted_on >= ?) >= ?
                """, arguments: [u, born, from, from, settings.multimorbidStays])
        }
    }
}
