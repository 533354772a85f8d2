import Foundation
import GRDB
import NaraDomain

/// Mina patienter as a list, read and decided alike by both stores: the user's named
/// contacts today, who may see which, and each row with its alerts and continuity.
package enum MyPatientsList {
    /// The log rows' view, which is their detail before the basis.
    package static let view = "my patients"

    /// The user's contacts (fast vårdkontakt, fast läkarkontakt) running today, the
    /// oldest first: over `:staff` and `:today`.
    package static let contactsPart = TaggedRead.Part("mine", """
        SELECT id, patient_id, role, from_date FROM care_contact
        WHERE staff_id = :staff AND annulled_at IS NULL AND from_date <= :today AND (to_date IS NULL OR to_date > :today)
        """, order: "from_date, id")

    /// The last encounter at the user's unit (`:unit`) of each patient `patients` selects,
    /// by one seek per patient down its encounters, not all of them grouped.
    package static func lastPart(_ patients: String) -> TaggedRead.Part {
        TaggedRead.Part("last", """
            SELECT p.id AS patient_id, (SELECT max(at) FROM encounter e
                                         WHERE e.patient_id = p.id AND e.unit_id = :unit AND e.annulled_at IS NULL) AS at
              FROM patient p WHERE p.id \(patients)
            """)
    }

    /// The next contact planned at the user's unit (`:unit`) from `:today` on, of each
    /// patient `patients` selects. A planned contact is no care: it is shown as the next
    /// one, and counted nowhere.
    package static func plannedPart(_ patients: String) -> TaggedRead.Part {
        TaggedRead.Part("planned", """
            SELECT patient_id, min(planned_on) AS day FROM planned_contact
            WHERE unit_id = :unit AND planned_on >= :today AND patient_id \(patients) GROUP BY patient_id
            """)
    }

    /// The last encounters read by `lastPart`, in epoch seconds, by patient.
    package static func last(_ rows: [String: [Row]]) -> [Int64: Int64] {
        var last: [Int64: Int64] = [:]
        for row in rows["last"] ?? [] { if let at: Int64 = row["at"] { last[row["patient_id"]] = at } }
        return last
    }

    /// The planned days read by `plannedPart`, by patient.
    package static func planned(_ rows: [String: [Row]]) -> [Int64: String] {
        var planned: [Int64: String] = [:]
        for row in rows["planned"] ?? [] { planned[row["patient_id"]] = row["day"] }
        return planned
    }

    /// Refused for an inactive user; any active user has a list, empty without contacts.
    package static func reader(_ subject: AccessSubject) throws {
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
    }

    /// The contacts shown: those whose patient the user may see, at most `limit`.
    package static func shown(_ contacts: [Row], grants: [Int64: AccessGrant], limit: Int) -> [Row] {
        Array(contacts.filter { grants[$0["patient_id"]] != nil }.prefix(limit))
    }

    /// The rows of the shown contacts: the last encounter at the user's unit (`last`,
    /// epoch seconds), the next planned contact (`planned`, ISO days), and the work
    /// lists' alerts and COC on the facts the user may see.
    package static func rows(_ shown: [Row], summaries: [PatientID: PatientSummary], last: [Int64: Int64],
                             planned: [Int64: String], facts: [Int64: WorkListPatientFacts],
                             today: LocalDate) -> [MyPatientRow] {
        // The work lists' rules decide the alerts, on the facts the user may see.
        let settings = WorkListSettings.default
        let window = Continuity.window(endingOn: today, months: settings.frequentWindowMonths)
        return shown.compactMap { row -> MyPatientRow? in
            let id = PatientID(rawValue: row["patient_id"])
            guard let patient = summaries[id], let since = LocalDate(iso: row["from_date"]) else { return nil }
            return MyPatientRow(patient: patient, role: ContactRole(rawValue: row["role"]) ?? .careContact,
                                since: since,
                                lastEncounter: last[id.rawValue].map { Date(timeIntervalSince1970: TimeInterval($0)) },
                                nextPlanned: planned[id.rawValue].flatMap(LocalDate.init(iso:)),
                                alerts: facts[id.rawValue].map {
                                    WorkListRules.evaluateAll(facts: $0, settings: settings, today: today)
                                } ?? [],
                                // The one scope every continuity figure has: the listing unit's.
                                coc: facts[id.rawValue].flatMap {
                                    Continuity.measures(encounters: ContinuityScope.default.select(
                                                            $0.encountersForContinuity, listingUnit: $0.listing?.unitId),
                                                        window: window, group: nil, named: []).coc
                                })
        }
    }
}
