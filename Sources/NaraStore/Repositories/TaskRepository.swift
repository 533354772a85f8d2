import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    /// A task about the patient, written at the user's unit and addressed to one person or
    /// one unit. Clinical information, through the door like a note.
    public func addTask(_ patient: PatientID, text: String, toStaff: StaffID? = nil, toUnit: UnitID? = nil,
                        due: LocalDate? = nil, priority: TaskPriority = .normal,
                        as context: AccessContext) throws -> PatientTask {
        let clean = try TaskRules.text(text)
        try TaskRules.checkAddress(toStaff: toStaff, toUnit: toUnit, due: due, today: clock.today)
        let detail = TaskRules.addDetail(toStaff: toStaff, toUnit: toUnit)
        return try writeThroughDoor(context, patient: patient, category: .clinical, detail: detail) { db, _ in
            if let toStaff { _ = try Validate.staff(db, toStaff) }
            if let toUnit { _ = try Validate.unit(db, toUnit) }
            try db.execute(sql: """
                INSERT INTO patient_task(patient_id, unit_id, created_by, created_at, text, to_staff_id, to_unit_id,
                                         due_on, priority)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, context.unitId.rawValue, context.staffId.rawValue, seconds(clock.now),
                                 clean, toStaff?.rawValue, toUnit?.rawValue, due?.iso, priority.rawValue])
            return try Self.task(db, db.lastInsertedRowID)
        }
    }

    /// The patient's tasks the user may see, open ones first (`PatientTask.workOrder`), and
    /// how many are not shown: another provider's without the patient's consent, or blocked.
    public func tasks(of patient: PatientID, as context: AccessContext) throws -> (tasks: [PatientTask], hidden: Int) {
        try readThroughDoor(context, patient: patient, detail: TaskRules.tasksDetail) { db, grant in
            let all = try Row.fetchAll(db, sql: TaskRules.patientPart.sql,
                                       arguments: ["patient": patient.rawValue]).map(TaskRules.decode)
            return TaskRules.visible(all, grant: grant)
        }
    }

    /// The open tasks addressed to the user or the user's unit, across patients, as the
    /// user may see them (`PatientTask.workOrder`), each patient shown logged
    /// (`TaskRules.openSQL`).
    public func openTasks(limit: Int = 500, as context: AccessContext) throws -> [TaskRow] {
        try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            let all = try Row.fetchAll(db, sql: TaskRules.openSQL, arguments: [
                "staff": context.staffId.rawValue, "unit": context.unitId.rawValue]).map(TaskRules.decode)
            let grants = try grants(db, subject, patients: Array(Set(all.map(\.patientId.rawValue))))
            let shown = TaskRules.shown(all, grants: grants, limit: limit)
            let byId = try SummaryQuery.byPatient(db, shown.map(\.patientId))
            let rows = shown.compactMap { t in byId[t.patientId].map { TaskRow(task: t, patient: $0) } }
            try logShown(db, context, view: TaskRules.listView, patients: rows.map(\.patient.id), grants: grants)
            return rows
        }
    }

    /// Marks a task done with an optional reply: by its addressee (the person, or anyone
    /// at the unit) or at the unit that wrote it, and only a task the user may see.
    public func completeTask(_ patient: PatientID, id: Int64, reply: String?,
                             as context: AccessContext) throws -> PatientTask {
        try writeThroughDoor(context, patient: patient, category: .clinical,
                             detail: TaskRules.doneDetail(id)) { db, grant in
            try TaskRules.checkCompletion(Self.task(db, id), id: id, patient: patient, grant: grant, context: context)
            let text = TaskRules.reply(reply)
            try db.execute(sql: "UPDATE patient_task SET done_at = ?, done_by = ?, reply = ? WHERE id = ?",
                           arguments: [seconds(clock.now), context.staffId.rawValue, text, id])
            return try Self.task(db, id)
        }
    }

    static func task(_ db: Database, _ id: Int64) throws -> PatientTask {
        try TaskRules.task(Row.fetchOne(db, sql: TaskRules.part(id).sql), id)
    }
}
