import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// Planned contacts, the news on Min dag and when the user last looked, on PostgreSQL,
/// with the rules, reads and log rows of the SQLite store (`DayRules`,
/// `PatientNewsRules`). With these the store is the nurse's day whole.
///
/// Statements, each a round trip (`client.statementsSent`): a planned contact is five
/// (BEGIN, the patient's lock, the facts, the insert with its log row, COMMIT); refused
/// on what was read four, on the request alone (a day gone, a long note) none. Each list
/// is two whatever it holds (see `plannedContacts`). Marking the day seen is one.
extension PostgresStore: DayStore {
    public func addPlannedContact(_ patient: PatientID, on day: LocalDate, note: String,
                                  as context: AccessContext) throws -> PlannedContact {
        let today = clock.today, now = clock.now
        let text = try DayRules.plannedNote(note, on: day, today: today)
        return try writeThroughDoor(context, patient: patient, decide: {
            try Self.writeGrant($0, category: .clinical, today: today, now: now)
        }) { _, grant in
            DoorWork(query: """
                INSERT INTO nara.planned_contact(patient_id, unit_id, staff_id, planned_on, note, created_at)
                VALUES (\(patient.rawValue), \(context.unitId.rawValue), \(context.staffId.rawValue), \(day.iso), \(text),
                        \(seconds(now)))
                RETURNING *
                """, logged: SQLiteStore.logged(DayRules.plannedDetail(day), grant)) { rows in
                DayRules.decodePlannedContact(rows[0])
            }
        }
    }

    /// Two statements whatever the list holds, each a round trip, on one connection:
    ///
    /// 1. who asks, the user's plans from `from` on, their patients' policy facts and
    ///    summaries, in one snapshot (`DayRules.plannedParts`);
    /// 2. the log rows of every patient shown, through `nara.append_access_log` (none
    ///    when the session has logged them all lately: one statement then).
    ///
    /// A refusal of the user is the first alone. The news (`patientNews`) is read and
    /// logged the same way.
    public func plannedContacts(from: LocalDate, limit: Int = 500,
                                as context: AccessContext) throws -> [PlannedContactRow] {
        let today = clock.today, now = clock.now
        var values = AccessFacts.values(unit: context.unitId, staff: context.staffId, today: today, now: now)
        values["from"] = from.iso
        return try list(Self.plannedFunction.query(values),
                        view: DayRules.plannedView, context: context, now: now) { rows in
            try DayRules.plannedRows(rows, context: context, limit: limit, today: today, now: now)
        } patients: { $0.map(\.patient.id) }
    }

    public func patientNews(since: Date, limit: Int = 200, as context: AccessContext) throws -> [PatientNewsRow] {
        let today = clock.today, now = clock.now
        let values = AccessFacts.values(unit: context.unitId, staff: context.staffId, today: today, now: now)
            .merging(PatientNewsRules.values(staff: context.staffId, today: today, since: since)) { a, _ in a }
        return try list(Self.newsFunction.query(values),
                        view: PatientNewsRules.view, context: context, now: now) { rows in
            try PatientNewsRules.rows(rows, context: context, since: since, limit: limit, today: today, now: now)
        } patients: { $0.map(\.patient.id) }
    }

    /// When the user last looked at Min dag, and now as the new time: one statement, read
    /// and written in one snapshot. Names no patient, so no log row, as on SQLite.
    public func markDaySeen(as context: AccessContext) throws -> Date? {
        let now = clock.now
        return try client.withConnection { session in
            let rows = try session.query("""
                WITH before AS (SELECT seen_at FROM nara.day_seen WHERE staff_id = \(context.staffId.rawValue)),
                     seen AS (INSERT INTO nara.day_seen(staff_id, seen_at)
                              SELECT id, \(seconds(now)) FROM nara.staff WHERE id = \(context.staffId.rawValue)
                              ON CONFLICT (staff_id) DO UPDATE SET seen_at = excluded.seen_at RETURNING seen_at)
                SELECT (SELECT seen_at FROM before), (SELECT count(*) FROM seen)
                """)
            let (before, seen) = try rows[0].decode((Int64?, Int64).self)
            // An unknown user is refused as such, not by the foreign key.
            guard seen == 1 else { throw StoreError.unknownStaff(context.staffId) }
            return before.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
    }

    /// A list across patients: `sql` read in one statement, `decide` making the rows and
    /// grants, then the log rows of the patients shown (`shownMemory`) in a second.
    private func list<R>(_ query: PostgresQuery, view: String, context: AccessContext, now: Date,
                         _ decide: ([String: [Row]]) throws -> (rows: [R], grants: [Int64: AccessGrant]),
                         patients: ([R]) -> [PatientID]) throws -> [R] {
        try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(query))
            let (shown, grants) = try decide(rows)
            let entries = shownMemory.entries(context, view: view, patients: patients(shown), grants: grants, now: now)
            try Self.appendAccessLog(entries.map { patient, logged in (patient, logged) }, context: context,
                                     action: .read, at: now, in: session)
            return shown
        }
    }

    static let plannedArguments = PostgresListSQL.argumentNames + ["from"]
    static let plannedSQL = PostgresListSQL.read(DayRules.plannedParts, arguments: plannedArguments)
    static let newsArguments = PostgresListSQL.argumentNames + ["since_day", "since"]
    static let newsSQL = PostgresRecordSQL.translated(PatientNewsRules.mine, arguments: newsArguments) + "\n"
        + PostgresListSQL.read(PatientNewsRules.listParts, arguments: newsArguments, local: ["mine"])

    static let plannedFunction = PostgresReadFunction("planned_contacts", plannedSQL, arguments: plannedArguments,
                                                      sample: PostgresListSQL.sample.merging(["from": "2000-01-01"]) {
                                                          a, _ in a
                                                      })
    static let newsFunction = PostgresReadFunction(
        "patient_news", newsSQL, arguments: newsArguments,
        sample: PostgresListSQL.sample.merging(PatientNewsRules.values(staff: "s", today: PostgresListSQL.sampleDay,
                                                                       since: Date(timeIntervalSince1970: 0))) { a, _ in a })
}
