import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// Mina patienter on PostgreSQL, with the reads, decisions and log rows of the SQLite
/// store (`MyPatientsList`) and the work lists' facts and rules for the alerts
/// (`WorkListFactParts`). `PatientRecordStore` is not declared here: its writes are not
/// all on this store yet.
extension PostgresStore {
    /// Mina patienter in two statements whatever the list holds, each a round trip, on
    /// one connection:
    ///
    /// 1. who asks, the user's contacts today, their patients' policy facts, summaries,
    ///    last encounter and next planned contact at the unit, and the facts of every
    ///    list (`PostgresWorkListSQL.myPatients`), in one snapshot;
    /// 2. the log rows of every patient shown (none when the session has logged them all
    ///    lately: one statement then).
    ///
    /// A refusal of the user is the first alone.
    public func myPatients(limit: Int = 2_000, as context: AccessContext) throws -> [MyPatientRow] {
        let today = clock.today, now = clock.now
        let values = PostgresWorkListSQL.values(context, unit: context.unitId, kind: nil, settings: .default,
                                                today: today, clockToday: today, now: now)
        return try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(PostgresWorkListSQL.myPatientsFunction.query(values)))
            let subject = try AccessFacts.subject(rows, context: context)
            try MyPatientsList.reader(subject)
            let contacts = rows["mine"] ?? []
            let grants = WorkListRead.grants(rows, subject: subject, patients: contacts.map { $0["patient_id"] as Int64 },
                                             today: today, now: now)
            let shown = MyPatientsList.shown(contacts, grants: grants, limit: limit)
            var facts = WorkListRead.blank(shown.map { $0["patient_id"] as Int64 })
            WorkListFactParts.fill(&facts, rows, grants: grants, today: today)
            let list = MyPatientsList.rows(shown, summaries: WorkListRead.summaries(rows), last: MyPatientsList.last(rows),
                                           planned: MyPatientsList.planned(rows), facts: facts, today: today)
            let entries = shownMemory.entries(context, view: MyPatientsList.view, patients: list.map(\.patient.id),
                                              grants: grants, now: now)
            try Self.appendAccessLog(entries.map { patient, logged in (patient, logged) }, context: context,
                                     action: .read, at: now, in: session)
            return list
        }
    }
}
