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
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            let today = clock.today.iso
            let contacts = try Row.fetchAllNamed(db, sql: """
                SELECT patient_id, role, from_date FROM care_contact
                WHERE staff_id = ? AND annulled_at IS NULL AND from_date <= ? AND (to_date IS NULL OR to_date > ?)
                ORDER BY from_date, id
                """, arguments: [context.staffId.rawValue, today, today])
            let grants = try grants(db, subject, patients: Array(Set(contacts.map { $0["patient_id"] as Int64 })))
            let shown = Array(contacts.filter { grants[$0["patient_id"]] != nil }.prefix(limit))
            let ids = shown.map { PatientID(rawValue: $0["patient_id"]) }
            let summaries = try SummaryQuery.byPatient(db, ids)
            var last: [Int64: Int64] = [:]
            var planned: [Int64: String] = [:]
            if !ids.isEmpty {
                let marks = Array(repeating: "?", count: Set(ids).count).joined(separator: ",")
                var arguments: StatementArguments = [context.unitId.rawValue]
                for id in Set(ids) { arguments += [id.rawValue] }
                // One seek per patient down its encounters, not all of them grouped.
                for row in try Row.fetchAllNamed(db, sql: """
                    SELECT p.id AS patient_id, (SELECT max(at) FROM encounter e
                                                 WHERE e.patient_id = p.id AND e.unit_id = ? AND e.annulled_at IS NULL) AS at
                      FROM patient p WHERE p.id IN (\(marks))
                    """, arguments: arguments) where row["at"] != nil {
                    last[row["patient_id"]] = row["at"]
                }
                // A planned contact is no care: it is shown as the next one, and counted nowhere.
                for row in try Row.fetchAllNamed(db, sql: """
                    SELECT patient_id, min(planned_on) AS day FROM planned_contact
                    WHERE unit_id = ? AND planned_on >= ? AND patient_id IN (\(marks)) GROUP BY patient_id
                    """, arguments: [context.unitId.rawValue, today] + StatementArguments(Set(ids).map(\.rawValue))) {
                    planned[row["patient_id"]] = row["day"]
                }
            }
            // The work lists' rules decide the alerts, on the facts the user may see.
            let settings = WorkListSettings.default
            let window = Continuity.window(endingOn: clock.today, months: settings.frequentWindowMonths)
            var loader = WorkListFactLoader(db: db, today: clock.today, grants: grants)
            loader.continuitySince = seconds(window.lowerBound.adding(days: -1).noon(in: .stockholm))
            var facts: [Int64: WorkListPatientFacts] = [:]
            for f in try loader.load(Array(Set(ids.map(\.rawValue))), needs: Set(WorkListFact.allCases)) {
                facts[f.patientId.rawValue] = f
            }
            let rows = shown.compactMap { row -> MyPatientRow? in
                let id = PatientID(rawValue: row["patient_id"])
                guard let patient = summaries[id], let since = LocalDate(iso: row["from_date"]) else { return nil }
                return MyPatientRow(patient: patient, role: ContactRole(rawValue: row["role"]) ?? .careContact,
                                    since: since,
                                    lastEncounter: last[id.rawValue].map { Date(timeIntervalSince1970: TimeInterval($0)) },
                                    nextPlanned: planned[id.rawValue].flatMap(LocalDate.init(iso:)),
                                    alerts: facts[id.rawValue].map {
                                        WorkListRules.evaluateAll(facts: $0, settings: settings, today: clock.today)
                                    } ?? [],
                                    // The one scope every continuity figure has: the listing unit's.
                                    coc: facts[id.rawValue].flatMap {
                                        Continuity.measures(encounters: ContinuityScope.default.select(
                                                                $0.encountersForContinuity, listingUnit: $0.listing?.unitId),
                                                            window: window, group: nil, named: []).coc
                                    })
            }
            try logShown(db, context, view: "my patients", patients: rows.map(\.patient.id), grants: grants)
            return rows
        }
    }
}
