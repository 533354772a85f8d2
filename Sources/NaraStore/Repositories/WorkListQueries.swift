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
            let rows = WorkListRead.rows(shown, limit: limit, summaries: byId, claims: claims)
            try logShown(db, context, view: WorkListRead.view(kind), patients: rows.map(\.patient.id),
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
            var arguments = WorkListCandidates.arguments(unit: unit, settings: settings, today: today)
            _ = arguments.append(contentsOf: ["unit": context.unitId.rawValue, "staff": context.staffId.rawValue,
                                              "handled_since": WorkListClaimRules.oldest(clock.now)])
            let rows = try TaggedRead([AccessFacts.subjectPart, WorkListClaimRules.handledPart]
                                      + WorkListKind.allCases.map(WorkListCandidates.part))
                .fetch(db, arguments: arguments)
            let subject = try WorkListRead.listReader(AccessFacts.subject(rows, context: context))
            let candidates = WorkListRead.candidates(rows)
            let grants = try grants(db, subject, patients: Array(Set(candidates.values.joined())))
            let facts = try loader(db, today: today, grants: grants, settings: settings)
                .load(WorkListRead.plan(candidates, grants: grants))
            // A handled row is done: the count is what is left to do.
            return WorkListRead.counts(candidates, grants: grants, facts: facts,
                                       handled: WorkListClaimRules.handled(rows), settings: settings, today: today)
        }
    }

    /// The user as a list reader: active, with a role that reads coordination or clinical information.
    static func listReader(_ db: Database, _ context: AccessContext) throws -> AccessSubject {
        try WorkListRead.listReader(AccessFacts.subject(db, context))
    }

    /// The fact loader for lists of `grants`; continuity is read over the frequent-contact window only.
    private func loader(_ db: Database, today: LocalDate, grants: [Int64: AccessGrant],
                        settings: WorkListSettings) -> WorkListFactLoader {
        var loader = WorkListFactLoader(db: db, today: today, grants: grants)
        loader.continuitySince = WorkListRead.continuitySince(settings: settings, today: today)
        return loader
    }

    private func evaluate(_ db: Database, _ kind: WorkListKind, unit: UnitID, settings: WorkListSettings,
                          today: LocalDate,
                          context: AccessContext) throws -> (entries: [WorkListEntry], grants: [Int64: AccessGrant]) {
        let subject = try Self.listReader(db, context)
        let candidates = try WorkListCandidates.ids(db, kind: kind, unit: unit, settings: settings, today: today)
        let grants = try grants(db, subject, patients: candidates)
        let seen = candidates.filter { grants[$0] != nil }
        let facts = try loader(db, today: today, grants: grants, settings: settings).load(seen, needs: kind.needs)
        let byId = Dictionary(facts.map { ($0.patientId.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        return (WorkListRead.entries(kind, ids: seen, facts: byId, settings: settings, today: today), grants)
    }
}

/// The patients each list considers: indexed SQL, never stricter than the list's rule.
package enum WorkListCandidates {
    static func ids(_ db: Database, kind: WorkListKind, unit: UnitID, settings: WorkListSettings,
                    today: LocalDate) throws -> [Int64] {
        let rows = try TaggedRead([part(kind)]).fetch(db, arguments: arguments(unit: unit, settings: settings, today: today))
        return (rows[kind.rawValue] ?? []).map { $0["patient_id"] }
    }

    /// The values the parts read, by name: one set for every list, so that all lists'
    /// candidates can be one statement.
    static func arguments(unit: UnitID, settings: WorkListSettings, today: LocalDate) -> StatementArguments {
        StatementArguments(values(unit: unit, settings: settings, today: today))
    }

    /// `arguments` as values by name, for a store that binds them its own way.
    package static func values(unit: UnitID, settings: WorkListSettings,
                               today: LocalDate) -> [String: (any DatabaseValueConvertible)?] {
        func noonBefore(months: Int) -> Int64 {
            seconds(Continuity.window(endingOn: today, months: months).lowerBound.adding(days: -1).noon(in: .stockholm))
        }
        var values: [String: (any DatabaseValueConvertible)?] = [
            "list_unit": unit.rawValue, "t": today.iso,
            "born": today.adding(months: -12 * settings.minimumAge).iso,
            "min_chronic": settings.minimumChronicDiagnoses,
            "frequent_since": noonBefore(months: settings.frequentWindowMonths),
            "frequent_n": settings.frequentEncounters,
            "discharged_from": today.adding(days: -settings.dischargeWindowDays - 1).iso,
            "assessment_before": today.adding(days: -3).iso, "visit_before": today.adding(days: -90).iso,
            "acknowledge_before": today.adding(days: -settings.acknowledgementDays).iso,
            "no_encounter_since": noonBefore(months: settings.noEncounterMonths),
            "stays_from": Continuity.window(endingOn: today, months: settings.multimorbidWindowMonths).lowerBound.iso,
            "stays": settings.multimorbidStays,
        ]
        for (i, code) in codes.enumerated() { values["code\(i)"] = code + "%" }
        return values
    }

    private static let codes = YearlyCheckProgramme.standard.flatMap(\.codePrefixes)

    /// The list's candidates as one part named for the list, one column `patient_id`.
    package static func part(_ kind: WorkListKind) -> TaggedRead.Part {
        let listed = "SELECT patient_id FROM listing WHERE unit_id = :list_unit AND to_date IS NULL"
        let sql: String
        switch kind {
        case .elderlyMultimorbidWithoutContact:
            sql = """
                SELECT p.id AS patient_id FROM listing l JOIN patient p ON p.id = l.patient_id
                WHERE l.unit_id = :list_unit AND l.to_date IS NULL AND p.birth_date <= :born
                  AND (SELECT count(*) FROM problem pr WHERE pr.patient_id = p.id AND pr.chronic = 1) >= :min_chronic
                  AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = p.id AND c.role = 'care_contact'
                                  AND (c.to_date IS NULL OR c.to_date > :t) AND c.from_date <= :t)
                """
        case .frequentLowContinuity:
            sql = """
                SELECT e.patient_id FROM encounter e WHERE e.patient_id IN (\(listed)) AND e.at >= :frequent_since
                  AND e.annulled_at IS NULL
                GROUP BY e.patient_id HAVING count(*) >= :frequent_n
                """
        case .planFollowUpDue:
            sql = """
                SELECT DISTINCT p.patient_id FROM coordinated_plan p
                WHERE p.closed_on IS NULL AND p.follow_up_on < :t
                  AND (p.responsible_unit_id = :list_unit OR EXISTS (SELECT 1 FROM plan_participant pp
                       WHERE pp.plan_id = p.id AND pp.unit_id = :list_unit))
                """
        case .dischargedWithoutContact:
            sql = """
                SELECT DISTINCT d.patient_id FROM discharge d
                WHERE d.discharged_on >= :discharged_from AND d.discharged_on <= :t AND d.patient_id IN (\(listed))
                """
        case .overdueReferrals:
            // Pauses only move a deadline later, so "sent more than the limit ago" is a superset.
            sql = """
                SELECT DISTINCT patient_id FROM referral
                WHERE (from_unit_id = :list_unit OR to_unit_id = :list_unit)
                  AND state IN ('sent', 'received', 'accepted', 'forwarded', 'booked')
                  AND ((guarantee = 'assessment' AND sent_on < :assessment_before)
                       OR (guarantee IN ('specialist_visit', 'treatment') AND sent_on < :visit_before))
                """
        case .unacknowledgedReferrals:
            sql = """
                SELECT DISTINCT patient_id FROM referral
                WHERE from_unit_id = :list_unit AND (state = 'answered' OR (state = 'sent' AND sent_on <= :acknowledge_before))
                """
        case .chronicWithoutEncounter:
            sql = """
                SELECT l.patient_id FROM listing l
                WHERE l.unit_id = :list_unit AND l.to_date IS NULL
                  AND EXISTS (SELECT 1 FROM problem pr WHERE pr.patient_id = l.patient_id AND pr.chronic = 1)
                  AND NOT EXISTS (SELECT 1 FROM encounter e WHERE e.patient_id = l.patient_id AND e.at >= :no_encounter_since
                                  AND e.unit_id = l.unit_id AND e.annulled_at IS NULL)
                """
        case .admissionsWithoutCareContact:
            sql = """
                SELECT DISTINCT n.patient_id FROM discharge_notice n
                WHERE n.discharged_on IS NULL AND n.admitted_on <= :t AND n.patient_id IN (\(listed))
                """
        case .readyWithoutPlan:
            sql = """
                SELECT DISTINCT n.patient_id FROM discharge_notice n
                WHERE n.discharged_on IS NULL AND n.ready_on <= :t AND n.patient_id IN (\(listed))
                """
        case .rejectedReferrals:
            sql = "SELECT DISTINCT patient_id FROM referral WHERE from_unit_id = :list_unit AND state = 'rejected'"
        case .withoutNamedGP:
            sql = """
                SELECT l.patient_id FROM listing l
                WHERE l.unit_id = :list_unit AND l.to_date IS NULL
                  AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = l.patient_id
                                  AND c.role = 'named_physician' AND c.unit_id = l.unit_id
                                  AND (c.to_date IS NULL OR c.to_date > :t) AND c.from_date <= :t)
                """
        case .residentialCareWithoutNamedGP:
            sql = """
                SELECT l.patient_id FROM listing l JOIN patient p ON p.id = l.patient_id
                WHERE l.unit_id = :list_unit AND l.to_date IS NULL AND p.residential_care = 1
                  AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = l.patient_id
                                  AND c.role = 'named_physician' AND c.unit_id = l.unit_id
                                  AND (c.to_date IS NULL OR c.to_date > :t) AND c.from_date <= :t)
                """
        case .yearlyCheckDue:
            let like = codes.indices.map { "pr.code LIKE :code\($0)" }.joined(separator: " OR ")
            sql = """
                SELECT l.patient_id FROM listing l
                WHERE l.unit_id = :list_unit AND l.to_date IS NULL
                  AND EXISTS (SELECT 1 FROM problem pr WHERE pr.patient_id = l.patient_id AND (\(like)))
                """
        case .multimorbidElderly:
            // Both sources summed: a stay in both is counted twice here, once by the rule.
            sql = """
                SELECT p.id AS patient_id FROM listing l JOIN patient p ON p.id = l.patient_id
                WHERE l.unit_id = :list_unit AND l.to_date IS NULL AND p.birth_date <= :born
                  AND (SELECT count(*) FROM discharge d WHERE d.patient_id = p.id AND d.admitted_on >= :stays_from)
                    + (SELECT count(*) FROM discharge_notice n WHERE n.patient_id = p.id AND n.admitted_on >= :stays_from)
                    >= :stays
                """
        }
        return TaggedRead.Part(kind.rawValue, sql)
    }
}
