import Foundation
import GRDB
import NaraDomain

/// Planned contacts, the news on Min dag, and when the user last looked.
extension SQLiteStore {
    /// A planned contact with the patient on `day` (today or later), by the user at the
    /// user's unit. Clinical information through the door; no encounter is written, so
    /// nothing counts it as care until the contact is recorded when it happens.
    public func addPlannedContact(_ patient: PatientID, on day: LocalDate, note: String,
                                  as context: AccessContext) throws -> PlannedContact {
        let text = try DayRules.plannedNote(note, on: day, today: clock.today)
        return try writeThroughDoor(context, patient: patient, category: .clinical,
                                    detail: DayRules.plannedDetail(day)) { db, _ in
            try db.execute(sql: """
                INSERT INTO planned_contact(patient_id, unit_id, staff_id, planned_on, note, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, context.unitId.rawValue, context.staffId.rawValue, day.iso, text,
                                 seconds(clock.now)])
            return try Self.plannedContact(db, db.lastInsertedRowID)
        }
    }

    /// The user's own planned contacts on `from` or later that the user may still see,
    /// each patient shown logged.
    public func plannedContacts(from: LocalDate, limit: Int = 500,
                                as context: AccessContext) throws -> [PlannedContactRow] {
        try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            let all = try Row.fetchAll(db, sql: DayRules.plannedSQL + " ORDER BY " + DayRules.plannedOrder, arguments: [
                "staff": context.staffId.rawValue, "from": from.iso]).map(DayRules.decodePlannedContact)
            let grants = try grants(db, subject, patients: Array(Set(all.map(\.patientId.rawValue))))
            let shown = DayRules.plannedShown(all, grants: grants, limit: limit)
            let byId = try SummaryQuery.byPatient(db, shown.map(\.patientId))
            let rows = shown.compactMap { c in byId[c.patientId].map { PlannedContactRow(contact: c, patient: $0) } }
            try logShown(db, context, view: DayRules.plannedView, patients: rows.map(\.patient.id), grants: grants)
            return rows
        }
    }

    /// Since `since`: the admission, ready and discharge notices and the referral answers
    /// and rejections of the patients the user is named contact for today, and the tasks
    /// the user wrote that were marked done. Only what the policy lets the user see; each
    /// patient shown logged. Newest first (`PatientNewsRules`).
    public func patientNews(since: Date, limit: Int = 200, as context: AccessContext) throws -> [PatientNewsRow] {
        try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            let read = try TaggedRead(PatientNewsRules.parts, with: PatientNewsRules.mine).fetch(db, arguments: StatementArguments(
                PatientNewsRules.values(staff: context.staffId, today: clock.today, since: since)))
            let found = PatientNewsRules.items(read, since: since)
            let grants = try grants(db, subject, patients: Array(Set(found.map(\.patient.rawValue))))
            let shown = PatientNewsRules.shown(found, grants: grants, limit: limit)
            let byId = try SummaryQuery.byPatient(db, shown.map(\.patient))
            let rows = shown.compactMap { n in byId[n.patient].map { PatientNewsRow(news: n.news, at: n.at, patient: $0) } }
            try logShown(db, context, view: PatientNewsRules.view, patients: rows.map(\.patient.id), grants: grants)
            return rows
        }
    }

    /// When the user last looked at Min dag, and now as the new time. Names no patient.
    public func markDaySeen(as context: AccessContext) throws -> Date? {
        try write { db in
            // An unknown user is refused as such, not by the foreign key.
            _ = try Validate.staff(db, context.staffId, mustBeActive: false)
            let before = try Int64.fetchOne(db, sql: "SELECT seen_at FROM day_seen WHERE staff_id = ?",
                                            arguments: [context.staffId.rawValue])
            try db.execute(sql: """
                INSERT INTO day_seen(staff_id, seen_at) VALUES (?, ?)
                ON CONFLICT(staff_id) DO UPDATE SET seen_at = excluded.seen_at
                """, arguments: [context.staffId.rawValue, seconds(clock.now)])
            return before.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
    }

    static func plannedContact(_ db: Database, _ id: Int64) throws -> PlannedContact {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM planned_contact WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("planned contact \(id)")
        }
        return DayRules.decodePlannedContact(row)
    }
}
