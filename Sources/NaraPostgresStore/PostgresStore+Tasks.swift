import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// Tasks on PostgreSQL, through the door (`PostgresDoor.swift`), with the rules,
/// refusals, wording and reads of the SQLite store (`TaskRules`).
///
/// Statements, each a round trip (`client.statementsSent`): a new or completed task is
/// five (BEGIN, the patient's lock, the facts with the task or addressee, the change
/// with its log row, COMMIT); one refused on what was read four; one refused on the
/// request alone (no text, two addressees, due yesterday) none. A patient's tasks are
/// two (the facts with the tasks, the log row); refused, one. The open-task list is two
/// (`openTasks`).
extension PostgresStore {
    public func addTask(_ patient: PatientID, text: String, toStaff: StaffID? = nil, toUnit: UnitID? = nil,
                        due: LocalDate? = nil, priority: TaskPriority = .normal,
                        as context: AccessContext) throws -> PatientTask {
        let clean = try TaskRules.text(text)
        let today = clock.today, now = clock.now
        try TaskRules.checkAddress(toStaff: toStaff, toUnit: toUnit, due: due, today: today)
        let detail = TaskRules.addDetail(toStaff: toStaff, toUnit: toUnit)
        return try writeThroughDoor(context, patient: patient, named: (toUnit?.rawValue, nil, toStaff?.rawValue),
                                    decide: { try Self.writeGrant($0, category: .clinical, today: today, now: now) }) {
            read, grant in
            if let toStaff { _ = try Validate.staff(read.first("named_staff"), toStaff) }
            if let toUnit { _ = try Validate.unit(read.first("named_unit"), toUnit) }
            return DoorWork(query: """
                INSERT INTO nara.patient_task(patient_id, unit_id, created_by, created_at, text, to_staff_id, to_unit_id,
                                              due_on, priority)
                VALUES (\(patient.rawValue), \(context.unitId.rawValue), \(context.staffId.rawValue), \(seconds(now)),
                        \(clean), \(toStaff?.rawValue), \(toUnit?.rawValue), \(due?.iso), \(priority.rawValue))
                RETURNING *
                """, logged: SQLiteStore.logged(detail, grant)) { rows in TaskRules.decode(rows[0]) }
        }
    }

    public func tasks(of patient: PatientID, as context: AccessContext) throws -> (tasks: [PatientTask], hidden: Int) {
        try readThroughDoor(context, patient: patient, detail: TaskRules.tasksDetail, sql: Self.tasksSQL) { read, grant in
            TaskRules.visible((read.rows["task"] ?? []).map(TaskRules.decode), grant: grant)
        }
    }

    /// Two statements whatever the list holds, each a round trip, on one connection:
    ///
    /// 1. who asks, the open tasks to the user or the unit, their patients' policy facts
    ///    and summaries, in one snapshot (`TaskRules.openParts`);
    /// 2. the log rows of every patient shown, through `nara.append_access_log` (none
    ///    when the session has logged them all lately: one statement then).
    ///
    /// A refusal of the user is the first alone.
    public func openTasks(limit: Int = 500, as context: AccessContext) throws -> [TaskRow] {
        let today = clock.today, now = clock.now
        let values = AccessFacts.values(unit: context.unitId, staff: context.staffId, today: today, now: now)
        return try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(Self.openTasksFunction.query(values)))
            let (shown, grants) = try TaskRules.openRows(rows, context: context, limit: limit, today: today, now: now)
            let entries = shownMemory.entries(context, view: TaskRules.listView, patients: shown.map(\.patient.id),
                                              grants: grants, now: now)
            try Self.appendAccessLog(entries.map { patient, logged in (patient, logged) }, context: context,
                                     action: .read, at: now, in: session)
            return shown
        }
    }

    public func completeTask(_ patient: PatientID, id: Int64, reply: String?,
                             as context: AccessContext) throws -> PatientTask {
        let today = clock.today, now = clock.now
        return try writeThroughDoor(context, patient: patient, parts: [PostgresRecordSQL.translated(TaskRules.part(id))],
                                    decide: { try Self.writeGrant($0, category: .clinical, today: today, now: now) }) {
            read, grant in
            try TaskRules.checkCompletion(TaskRules.task(read.first("task"), id), id: id, patient: patient,
                                          grant: grant, context: context)
            return DoorWork(query: """
                UPDATE nara.patient_task SET done_at = \(seconds(now)), done_by = \(context.staffId.rawValue),
                       reply = \(TaskRules.reply(reply))
                 WHERE id = \(id)
                RETURNING *
                """, logged: SQLiteStore.logged(TaskRules.doneDetail(id), grant)) { rows in TaskRules.decode(rows[0]) }
        }
    }

    static let tasksSQL = PostgresDoorSQL.read([TaskRules.patientPart])
    static let openTasksFunction = PostgresListSQL.function("open_tasks", TaskRules.openParts)
}
