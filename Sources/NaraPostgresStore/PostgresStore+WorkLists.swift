import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// The proactive work lists on PostgreSQL, with the candidates, facts, rules, refusals
/// and log rows of the SQLite store (`WorkListRead`, `WorkListFactParts`,
/// `WorkListClaimRules`); the marks are in `PostgresStore+WorkListClaims.swift`, Mina
/// patienter in `PostgresStore+MyPatients.swift`.
extension PostgresStore: WorkListStore {
    /// Two statements whatever the list holds, each a round trip, on one connection:
    ///
    /// 1. who asks, the list's candidates, the unit's marks on the list, the candidates'
    ///    policy facts, summaries and the facts the list's rule reads, in one snapshot
    ///    (`PostgresWorkListSQL.lists`);
    /// 2. the log rows of every patient shown, through `nara.append_access_log` (none
    ///    when the session has logged them all lately: one statement then).
    ///
    /// A refusal of the user is the first alone.
    public func workList(_ kind: WorkListKind, unit: UnitID, settings: WorkListSettings, today: LocalDate,
                         limit: Int, as context: AccessContext) throws -> [WorkListRow] {
        let clockToday = clock.today, now = clock.now
        let values = PostgresWorkListSQL.values(context, unit: unit, kind: kind, settings: settings, today: today,
                                                clockToday: clockToday, now: now)
        return try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(PostgresWorkListSQL.listFunctions[kind]!.query(values)))
            let subject = try WorkListRead.listReader(AccessFacts.subject(rows, context: context))
            let candidates = (rows["candidate"] ?? []).map { $0["patient_id"] as Int64 }
            let grants = WorkListRead.grants(rows, subject: subject, patients: candidates, today: clockToday, now: now)
            let seen = candidates.filter { grants[$0] != nil }
            var facts = WorkListRead.blank(seen)
            WorkListFactParts.fill(&facts, rows, grants: grants, today: today)
            let shown = WorkListRead.rows(WorkListRead.entries(kind, ids: seen, facts: facts, settings: settings,
                                                               today: today),
                                          limit: limit, summaries: WorkListRead.summaries(rows),
                                          claims: WorkListClaimRules.byPatient(rows["claim"] ?? []))
            let entries = shownMemory.entries(context, view: WorkListRead.view(kind), patients: shown.map(\.patient.id),
                                              grants: grants, now: now)
            try Self.appendAccessLog(entries.map { patient, logged in (patient, logged) }, context: context,
                                     action: .read, at: now, in: session)
            return shown
        }
    }

    /// One statement: who asks, every list's candidates, the unit's handled marks, the
    /// candidates' policy facts and each fact for the lists that read it
    /// (`PostgresWorkListSQL.counts`). A count shows no patient: no log row.
    public func workListCounts(unit: UnitID, settings: WorkListSettings, today: LocalDate,
                               as context: AccessContext) throws -> [WorkListKind: Int] {
        let clockToday = clock.today, now = clock.now
        let values = PostgresWorkListSQL.values(context, unit: unit, kind: nil, settings: settings, today: today,
                                                clockToday: clockToday, now: now)
        let rows = try client.withConnection { session in
            try JSONRows.parts(session.query(PostgresWorkListSQL.countsFunction.query(values)))
        }
        let subject = try WorkListRead.listReader(AccessFacts.subject(rows, context: context))
        let candidates = WorkListRead.candidates(rows)
        let grants = WorkListRead.grants(rows, subject: subject, patients: candidates.values.joined(),
                                         today: clockToday, now: now)
        let plan = WorkListRead.plan(candidates, grants: grants)
        var facts = WorkListRead.blank(plan.values.joined())
        WorkListFactParts.fill(&facts, rows, grants: grants, today: today)
        // A handled row is done: the count is what is left to do.
        return WorkListRead.counts(candidates, grants: grants, facts: facts, handled: WorkListClaimRules.handled(rows),
                                   settings: settings, today: today)
    }
}
