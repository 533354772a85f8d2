import Foundation
import GRDB
import NaraDomain

/// Mina patienter: the patients the user is fast vårdkontakt or fast läkarkontakt for
/// today, each with the role, since when, and the last encounter at the user's unit.
/// A list like the others: the policy decides each patient, and each patient shown is
/// logged (once in ten minutes per session and view).
extension SQLiteStore {
    public func myPatients(limit: Int = 2_000, as context: AccessContext) throws -> [MyPatientRow] {
        try write { db in
            let subject = try AccessFacts.subject(db, context)
            try MyPatientsList.reader(subject)
            let today = clock.today.iso
            let part = MyPatientsList.contactsPart
            let contacts = try Row.fetchAllNamed(db, sql: part.sql + " ORDER BY " + part.order!,
                                                 arguments: ["staff": context.staffId.rawValue, "today": today])
            let grants = try grants(db, subject, patients: Array(Set(contacts.map { $0["patient_id"] as Int64 })))
            let shown = MyPatientsList.shown(contacts, grants: grants, limit: limit)
            let ids = shown.map { PatientID(rawValue: $0["patient_id"]) }
            let summaries = try SummaryQuery.byPatient(db, ids)
            var last: [Int64: Int64] = [:]
            var planned: [Int64: String] = [:]
            if !ids.isEmpty {
                let among = "IN (" + Set(ids).map { String($0.rawValue) }.sorted().joined(separator: ",") + ")"
                let unit = context.unitId.rawValue
                let rows = [
                    "last": try Row.fetchAllNamed(db, sql: MyPatientsList.lastPart(among).sql, arguments: ["unit": unit]),
                    "planned": try Row.fetchAllNamed(db, sql: MyPatientsList.plannedPart(among).sql,
                                                     arguments: ["unit": unit, "today": today]),
                ]
                last = MyPatientsList.last(rows)
                planned = MyPatientsList.planned(rows)
            }
            var loader = WorkListFactLoader(db: db, today: clock.today, grants: grants)
            loader.continuitySince = WorkListRead.continuitySince(settings: .default, today: clock.today)
            var facts: [Int64: WorkListPatientFacts] = [:]
            for f in try loader.load(Array(Set(ids.map(\.rawValue))), needs: Set(WorkListFact.allCases)) {
                facts[f.patientId.rawValue] = f
            }
            let rows = MyPatientsList.rows(shown, summaries: summaries, last: last, planned: planned, facts: facts,
                                           today: clock.today)
            try logShown(db, context, view: MyPatientsList.view, patients: rows.map(\.patient.id), grants: grants)
            return rows
        }
    }
}
