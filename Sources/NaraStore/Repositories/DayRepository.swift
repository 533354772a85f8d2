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
        let text = CleanText.line(note).trimmingCharacters(in: .whitespaces)
        guard text.count <= 500 else { throw StoreError.invalid("a planned contact's note is at most 500 characters") }
        guard day >= clock.today else { throw StoreError.invalid("a planned contact is today or later") }
        return try writeThroughDoor(context, patient: patient, category: .clinical,
                                    detail: "planned contact \(day.iso)") { db, _ in
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
            let all = try Row.fetchAll(db, sql: """
                SELECT * FROM planned_contact WHERE staff_id = ? AND planned_on >= ? ORDER BY planned_on, id
                """, arguments: [context.staffId.rawValue, from.iso]).map(Self.decodePlannedContact)
            let grants = try grants(db, subject, patients: Array(Set(all.map(\.patientId.rawValue))))
            let shown = Array(all.filter { grants[$0.patientId.rawValue]?.sees(.clinical, documentedAt: $0.unitId) == true }
                .prefix(limit))
            let byId = try SummaryQuery.byPatient(db, shown.map(\.patientId))
            let rows = shown.compactMap { c in byId[c.patientId].map { PlannedContactRow(contact: c, patient: $0) } }
            try logShown(db, context, view: "planned contacts", patients: rows.map(\.patient.id), grants: grants)
            return rows
        }
    }

    /// Since `since`: the admission, ready and discharge notices and the referral answers
    /// and rejections of the patients the user is named contact for today, and the tasks
    /// the user wrote that were marked done. Only what the policy lets the user see; each
    /// patient shown logged. Newest first.
    public func patientNews(since: Date, limit: Int = 200, as context: AccessContext) throws -> [PatientNewsRow] {
        try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            let sinceDay = LocalDate(date: since, in: .stockholm)
            let read = try TaggedRead(Self.newsParts, with: Self.newsPatients).fetch(db, arguments: [
                "staff": context.staffId.rawValue, "today": clock.today.iso, "since_day": sinceDay.iso,
                "since": seconds(since),
            ])
            // Each with where it was documented and as what, for the policy's say.
            var found: [(PatientID, PatientNews, Date, UnitID, InformationCategory)] = []
            for row in read["notice", default: []] {
                let patient = PatientID(rawValue: row["patient_id"]), ward: String = row["ward"]
                let unit = UnitID(rawValue: row["unit_id"])
                func add(_ column: String, _ news: (LocalDate) -> PatientNews) {
                    guard let day = (row[column] as String?).flatMap(LocalDate.init(iso:)), day >= sinceDay else { return }
                    found.append((patient, news(day), day.noon(in: .stockholm), unit, .coordination))
                }
                add("admitted_on") { .admitted(ward: ward, on: $0) }
                add("ready_on") { .readyForDischarge(ward: ward, on: $0) }
                add("discharged_on") { .discharged(ward: ward, on: $0) }
            }
            for row in read["answer", default: []] {
                let id: Int64 = row["id"], unit: String = row["unit"]
                found.append((PatientID(rawValue: row["patient_id"]),
                              row["action"] == "reject" ? .referralRejected(referral: id, unit: unit)
                                                        : .referralAnswered(referral: id, unit: unit),
                              Date(timeIntervalSince1970: TimeInterval(row["at"] as Int64)),
                              UnitID(rawValue: row["to_unit_id"]), .clinical))
            }
            for row in read["contact_ended", default: []] {
                guard let day = LocalDate(iso: row["to_date"]), let role = ContactRole(rawValue: row["role"]) else {
                    continue
                }
                found.append((PatientID(rawValue: row["patient_id"]),
                              .namedContactEnded(role: role, name: row["name"], on: day),
                              day.noon(in: .stockholm), UnitID(rawValue: row["unit_id"]), .coordination))
            }
            for row in read["follow_up", default: []] {
                guard let day = LocalDate(iso: row["follow_up_on"]) else { continue }
                found.append((PatientID(rawValue: row["patient_id"]), .planFollowUpDue(plan: row["id"], on: day),
                              day.noon(in: .stockholm), UnitID(rawValue: row["responsible_unit_id"]), .coordination))
            }
            for row in read["task_done", default: []] {
                let task = TaskRules.decode(row)
                found.append((task.patientId, .taskDone(text: task.text, reply: task.reply, by: row["done_name"]),
                              task.doneAt ?? since, task.unitId, .clinical))
            }
            let grants = try grants(db, subject, patients: Array(Set(found.map(\.0.rawValue))))
            let shown = Array(found.filter { grants[$0.0.rawValue]?.sees($0.4, documentedAt: $0.3) == true }
                .sorted { ($0.2, $0.0.rawValue) > ($1.2, $1.0.rawValue) }.prefix(limit))
            let byId = try SummaryQuery.byPatient(db, shown.map(\.0))
            let rows = shown.compactMap { n in byId[n.0].map { PatientNewsRow(news: n.1, at: n.2, patient: $0) } }
            try logShown(db, context, view: "patient news", patients: rows.map(\.patient.id), grants: grants)
            return rows
        }
    }

    /// When the user last looked at Min dag, and now as the new time. Names no patient.
    public func markDaySeen(as context: AccessContext) throws -> Date? {
        try write { db in
            let before = try Int64.fetchOne(db, sql: "SELECT seen_at FROM day_seen WHERE staff_id = ?",
                                            arguments: [context.staffId.rawValue])
            try db.execute(sql: """
                INSERT INTO day_seen(staff_id, seen_at) VALUES (?, ?)
                ON CONFLICT(staff_id) DO UPDATE SET seen_at = excluded.seen_at
                """, arguments: [context.staffId.rawValue, seconds(clock.now)])
            return before.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
    }

    /// The patients the user is named contact for today, for the news about them: read
    /// once for the four parts that use it (without MATERIALIZED the news took half as
    /// long again as the six statements it replaces, on a 3,000-patient demo store).
    private static let newsPatients = """
        WITH mine AS MATERIALIZED (SELECT DISTINCT patient_id FROM care_contact
                      WHERE staff_id = :staff AND annulled_at IS NULL AND from_date <= :today
                        AND (to_date IS NULL OR to_date > :today))
        """

    /// Min dag's news, one statement: a ward's notices and the referral answers and
    /// rejections about the user's patients, their named contacts that ended with nobody
    /// after, their plans' follow-ups due, and the user's tasks marked done.
    private static let newsParts = [
        TaggedRead.Part("notice", """
            SELECT d.patient_id, d.unit_id, u.name AS ward, d.admitted_on, d.ready_on, d.discharged_on
            FROM discharge_notice d JOIN care_unit u ON u.id = d.ward_unit_id
            WHERE d.patient_id IN (SELECT patient_id FROM mine)
              AND (d.admitted_on >= :since_day OR d.ready_on >= :since_day OR d.discharged_on >= :since_day)
            """),
        TaggedRead.Part("answer", """
            SELECT r.patient_id, r.id, r.to_unit_id, u.name AS unit, e.action, e.at
            FROM referral_event e JOIN referral r ON r.id = e.referral_id JOIN care_unit u ON u.id = r.to_unit_id
            WHERE r.patient_id IN (SELECT patient_id FROM mine) AND e.action IN ('reply', 'advice_reply', 'reject')
              AND e.at >= :since
            """),
        // A named contact that ended with nobody after it: one is needed.
        TaggedRead.Part("contact_ended", """
            SELECT c.patient_id, c.unit_id, c.role, c.to_date, s.name FROM care_contact c
            JOIN staff s ON s.id = c.staff_id
            WHERE c.patient_id IN (SELECT patient_id FROM mine) AND c.annulled_at IS NULL AND c.staff_id <> :staff
              AND c.to_date BETWEEN :since_day AND :today
              AND NOT EXISTS (SELECT 1 FROM care_contact n WHERE n.patient_id = c.patient_id
                              AND n.role = c.role AND n.annulled_at IS NULL AND n.from_date <= :today
                              AND (n.to_date IS NULL OR n.to_date > :today))
            """),
        TaggedRead.Part("follow_up", """
            SELECT id, patient_id, responsible_unit_id, follow_up_on FROM coordinated_plan
            WHERE patient_id IN (SELECT patient_id FROM mine) AND closed_on IS NULL
              AND follow_up_on BETWEEN :since_day AND :today
            """),
        TaggedRead.Part("task_done", """
            SELECT t.*, s.name AS done_name FROM patient_task t JOIN staff s ON s.id = t.done_by
            WHERE t.created_by = :staff AND t.done_at >= :since
            """),
    ]

    static func plannedContact(_ db: Database, _ id: Int64) throws -> PlannedContact {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM planned_contact WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("planned contact \(id)")
        }
        return decodePlannedContact(row)
    }

    static func decodePlannedContact(_ row: Row) -> PlannedContact {
        PlannedContact(id: row["id"], patientId: PatientID(rawValue: row["patient_id"]),
                       unitId: UnitID(rawValue: row["unit_id"]), staffId: StaffID(rawValue: row["staff_id"]),
                       plannedOn: LocalDate(iso: row["planned_on"]) ?? LocalDate(dayNumber: 0), note: row["note"],
                       createdAt: Date(timeIntervalSince1970: TimeInterval(row["created_at"] as Int64)))
    }
}
