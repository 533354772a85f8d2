import Foundation
import GRDB
import NaraDomain

/// The news on Min dag, with one owner for both stores: what is read (in one statement),
/// what each row says, which of it the policy lets the user see, and in which order.
package enum PatientNewsRules {
    /// A piece of news with the patient, when it happened, and where it was documented
    /// and as what, for the policy's say.
    package typealias Item = (patient: PatientID, news: PatientNews, at: Date, unit: UnitID,
                              category: InformationCategory)

    /// The view of the news, the detail of its log rows before the basis.
    package static let view = "patient news"

    /// The named arguments of the read: the user, today, and since when (a Swedish day and
    /// seconds).
    package static func values(staff: StaffID, today: LocalDate, since: Date) -> [String: (any DatabaseValueConvertible)?] {
        ["staff": staff.rawValue, "today": today.iso, "since_day": LocalDate(date: since, in: .stockholm).iso,
         "since": seconds(since)]
    }

    /// The patients the user is named contact for today, for the news about them: read
    /// once for the four parts that use it (without MATERIALIZED the news took half as
    /// long again as the six statements it replaces, on a 3,000-patient demo store).
    package static let mine = """
        WITH mine AS MATERIALIZED (SELECT DISTINCT patient_id FROM care_contact
                      WHERE staff_id = :staff AND annulled_at IS NULL AND from_date <= :today
                        AND (to_date IS NULL OR to_date > :today))
        """

    /// Min dag's news, one statement: a ward's notices and the referral answers and
    /// rejections about the user's patients, their named contacts that ended with nobody
    /// after, their plans' follow-ups due, and the user's tasks marked done. Each part in
    /// an order of its own, so that news of one patient at one time comes in the same
    /// order from every store.
    package static let parts = [
        TaggedRead.Part("notice", """
            SELECT d.id, d.patient_id, d.unit_id, u.name AS ward, d.admitted_on, d.ready_on, d.discharged_on
            FROM discharge_notice d JOIN care_unit u ON u.id = d.ward_unit_id
            WHERE d.patient_id IN (SELECT patient_id FROM mine)
              AND (d.admitted_on >= :since_day OR d.ready_on >= :since_day OR d.discharged_on >= :since_day)
            """, order: "id"),
        TaggedRead.Part("answer", """
            SELECT r.patient_id, r.id, r.to_unit_id, u.name AS unit, e.action, e.at
            FROM referral_event e JOIN referral r ON r.id = e.referral_id JOIN care_unit u ON u.id = r.to_unit_id
            WHERE r.patient_id IN (SELECT patient_id FROM mine) AND e.action IN ('reply', 'advice_reply', 'reject')
              AND e.at >= :since
            """, order: "at, id, action"),
        // A named contact that ended with nobody after it: one is needed.
        TaggedRead.Part("contact_ended", """
            SELECT c.id, c.patient_id, c.unit_id, c.role, c.to_date, s.name FROM care_contact c
            JOIN staff s ON s.id = c.staff_id
            WHERE c.patient_id IN (SELECT patient_id FROM mine) AND c.annulled_at IS NULL AND c.staff_id <> :staff
              AND c.to_date BETWEEN :since_day AND :today
              AND NOT EXISTS (SELECT 1 FROM care_contact n WHERE n.patient_id = c.patient_id
                              AND n.role = c.role AND n.annulled_at IS NULL AND n.from_date <= :today
                              AND (n.to_date IS NULL OR n.to_date > :today))
            """, order: "id"),
        TaggedRead.Part("follow_up", """
            SELECT id, patient_id, responsible_unit_id, follow_up_on FROM coordinated_plan
            WHERE patient_id IN (SELECT patient_id FROM mine) AND closed_on IS NULL
              AND follow_up_on BETWEEN :since_day AND :today
            """, order: "id"),
        TaggedRead.Part("task_done", """
            SELECT t.*, s.name AS done_name FROM patient_task t JOIN staff s ON s.id = t.done_by
            WHERE t.created_by = :staff AND t.done_at >= :since
            """, order: "id"),
    ]

    /// The patients any part can name: the user's, and those of the tasks the user wrote
    /// that were marked done.
    package static let patients = """
        IN (SELECT patient_id FROM mine UNION SELECT patient_id FROM patient_task WHERE created_by = :staff
                                                                    AND done_at >= :since)
        """

    /// `parts` with who asks and the patients' policy facts and summaries, for a store
    /// that decides in the same read (with `AccessFacts.values(…)` and `values(…)`).
    package static let listParts = [AccessFacts.subjectPart] + parts + AccessFacts.manyPatients(patients)
        + SummaryQuery.parts(patients)

    /// The news in what `parts` read, in the parts' order.
    package static func items(_ read: [String: [Row]], since: Date) -> [Item] {
        let sinceDay = LocalDate(date: since, in: .stockholm)
        var found: [Item] = []
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
        return found
    }

    /// The news shown of `found`: what the grants let the user see, newest first, at most `limit`.
    package static func shown(_ found: [Item], grants: [Int64: AccessGrant], limit: Int) -> [Item] {
        Array(found.filter { grants[$0.patient.rawValue]?.sees($0.category, documentedAt: $0.unit) == true }
            .sorted { ($0.at, $0.patient.rawValue) > ($1.at, $1.patient.rawValue) }.prefix(limit))
    }

    /// The rows of the news read by `listParts`, and the grants they were shown on;
    /// refused for an unknown or inactive user.
    package static func rows(_ rows: [String: [Row]], context: AccessContext, since: Date, limit: Int,
                             today: LocalDate, now: Date) throws -> (rows: [PatientNewsRow], grants: [Int64: AccessGrant]) {
        let subject = try AccessFacts.subject(rows, context: context)
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        let found = items(rows, since: since)
        var facts = Dictionary(uniqueKeysWithValues: Set(found.map(\.patient.rawValue)).map { ($0, PatientAccessFacts()) })
        AccessFacts.assemble(rows, into: &facts)
        let grants = SQLiteStore.grants(subject, facts: facts, today: today, now: now)
        let byId = Dictionary(SummaryQuery.assemble(rows).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let list = shown(found, grants: grants, limit: limit)
        return (list.compactMap { n in byId[n.patient].map { PatientNewsRow(news: n.news, at: n.at, patient: $0) } },
                grants)
    }
}
