import Foundation
import GRDB
import NaraDomain

/// Planned contacts on Min dag, with one owner for both stores: what a plan may be, what
/// its log row says, the reads of the user's plans and which of them are shown.
package enum DayRules {
    /// The note on one line, at most 500 characters, and a day that is today or later.
    package static func plannedNote(_ note: String, on day: LocalDate, today: LocalDate) throws -> String {
        let text = CleanText.line(note).trimmingCharacters(in: .whitespaces)
        guard text.count <= 500 else { throw StoreError.invalid("a planned contact's note is at most 500 characters") }
        guard day >= today else { throw StoreError.invalid("a planned contact is today or later") }
        return text
    }

    /// The log row of a planned contact names its day.
    package static func plannedDetail(_ day: LocalDate) -> String { "planned contact \(day.iso)" }

    /// The view of the planned-contact list, the detail of its log rows before the basis.
    package static let plannedView = "planned contacts"

    /// The user's (`:staff`) plans on `:from` or later.
    package static let plannedSQL = "SELECT * FROM planned_contact WHERE staff_id = :staff AND planned_on >= :from"

    /// The list's order: the earliest first.
    package static let plannedOrder = "planned_on, id"

    /// The plans shown of `all` (in the list's order): those of a patient the grants let
    /// the user see clinical information of where it was written, at most `limit`.
    package static func plannedShown(_ all: [PlannedContact], grants: [Int64: AccessGrant],
                                     limit: Int) -> [PlannedContact] {
        Array(all.filter { grants[$0.patientId.rawValue]?.sees(.clinical, documentedAt: $0.unitId) == true }
            .prefix(limit))
    }

    /// The parts of the list in one read: who asks, the plans, and their patients' policy
    /// facts and summaries, with `AccessFacts.values(…)` and `:from`.
    package static let plannedParts: [TaggedRead.Part] = {
        let patients = "IN (SELECT patient_id FROM (\(plannedSQL)) AS planned)"
        return [AccessFacts.subjectPart, TaggedRead.Part("planned_contact", plannedSQL, order: plannedOrder)]
            + AccessFacts.manyPatients(patients) + SummaryQuery.parts(patients)
    }()

    /// The rows of the list read by `plannedParts`, and the grants they were shown on;
    /// refused for an unknown or inactive user.
    package static func plannedRows(_ rows: [String: [Row]], context: AccessContext, limit: Int, today: LocalDate,
                                    now: Date) throws -> (rows: [PlannedContactRow], grants: [Int64: AccessGrant]) {
        let subject = try AccessFacts.subject(rows, context: context)
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        let all = (rows["planned_contact"] ?? []).map(decodePlannedContact)
        var facts = Dictionary(uniqueKeysWithValues: Set(all.map(\.patientId.rawValue)).map { ($0, PatientAccessFacts()) })
        AccessFacts.assemble(rows, into: &facts)
        let grants = SQLiteStore.grants(subject, facts: facts, today: today, now: now)
        let byId = Dictionary(SummaryQuery.assemble(rows).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let shown = plannedShown(all, grants: grants, limit: limit)
        return (shown.compactMap { c in byId[c.patientId].map { PlannedContactRow(contact: c, patient: $0) } }, grants)
    }

    package static func decodePlannedContact(_ row: Row) -> PlannedContact {
        PlannedContact(id: row["id"], patientId: PatientID(rawValue: row["patient_id"]),
                       unitId: UnitID(rawValue: row["unit_id"]), staffId: StaffID(rawValue: row["staff_id"]),
                       plannedOn: LocalDate(iso: row["planned_on"]) ?? LocalDate(dayNumber: 0), note: row["note"],
                       createdAt: Date(timeIntervalSince1970: TimeInterval(row["created_at"] as Int64)))
    }
}
