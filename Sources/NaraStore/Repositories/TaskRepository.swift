import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    /// A task about the patient, written at the user's unit and addressed to one person or
    /// one unit. Clinical information, through the door like a note.
    public func addTask(_ patient: PatientID, text: String, toStaff: StaffID? = nil, toUnit: UnitID? = nil,
                        due: LocalDate? = nil, priority: TaskPriority = .normal,
                        as context: AccessContext) throws -> PatientTask {
        let clean = CleanText.line(text).trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty else { throw StoreError.invalid("a task needs its text") }
        guard (toStaff == nil) != (toUnit == nil) else {
            throw StoreError.invalid("a task is addressed to one person or one unit")
        }
        if let due, due < clock.today { throw StoreError.invalid("a task cannot be due before today") }
        let addressee = toStaff?.rawValue ?? toUnit?.rawValue ?? ""
        return try writeThroughDoor(context, patient: patient, category: .clinical, detail: "task to \(addressee)") { db, _ in
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
        try readThroughDoor(context, patient: patient, detail: "tasks") { db, grant in
            let all = try Row.fetchAll(db, sql: "SELECT * FROM patient_task WHERE patient_id = ?",
                                       arguments: [patient.rawValue]).map(Self.decodeTask)
            let shown = all.filter { grant.sees(.clinical, documentedAt: $0.unitId) }
            return (shown.sorted(by: PatientTask.workOrder), all.count - shown.count)
        }
    }

    /// The open tasks addressed to the user or the user's unit, across patients, as the
    /// user may see them (`PatientTask.workOrder`), each patient shown logged. Each
    /// address has its own index; with an OR between them SQLite walked all the
    /// region's open tasks.
    public func openTasks(limit: Int = 500, as context: AccessContext) throws -> [TaskRow] {
        try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            let all = try Row.fetchAll(db, sql: """
                SELECT * FROM patient_task WHERE done_at IS NULL AND to_staff_id = ?
                UNION
                SELECT * FROM patient_task WHERE done_at IS NULL AND to_unit_id = ?
                """, arguments: [context.staffId.rawValue, context.unitId.rawValue]).map(Self.decodeTask)
            let grants = try grants(db, subject, patients: Array(Set(all.map(\.patientId.rawValue))))
            let shown = Array(all.filter { grants[$0.patientId.rawValue]?.sees(.clinical, documentedAt: $0.unitId) == true }
                .sorted(by: PatientTask.workOrder).prefix(limit))
            let byId = try SummaryQuery.byPatient(db, shown.map(\.patientId))
            let rows = shown.compactMap { t in byId[t.patientId].map { TaskRow(task: t, patient: $0) } }
            try logShown(db, context, view: "task list", patients: rows.map(\.patient.id), grants: grants)
            return rows
        }
    }

    /// Marks a task done with an optional reply: by its addressee (the person, or anyone
    /// at the unit) or at the unit that wrote it, and only a task the user may see.
    public func completeTask(_ patient: PatientID, id: Int64, reply: String?,
                             as context: AccessContext) throws -> PatientTask {
        try writeThroughDoor(context, patient: patient, category: .clinical, detail: "task \(id) done") { db, grant in
            let task = try Self.task(db, id)
            guard task.patientId == patient, grant.sees(.clinical, documentedAt: task.unitId) else {
                throw StoreError.notFound("task \(id) of the patient")
            }
            guard task.toStaffId == context.staffId || task.toUnitId == context.unitId || task.unitId == context.unitId else {
                throw StoreError.invalid("task \(id) is addressed to \(task.toStaffId?.rawValue ?? task.toUnitId?.rawValue ?? "")")
            }
            guard !task.isDone else { throw StoreError.invalid("task \(id) is already done") }
            let text = reply.map { CleanText.line($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            try db.execute(sql: "UPDATE patient_task SET done_at = ?, done_by = ?, reply = ? WHERE id = ?",
                           arguments: [seconds(clock.now), context.staffId.rawValue, text, id])
            return try Self.task(db, id)
        }
    }

    static func task(_ db: Database, _ id: Int64) throws -> PatientTask {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM patient_task WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("task \(id)")
        }
        return decodeTask(row)
    }

    static func decodeTask(_ row: Row) -> PatientTask {
        PatientTask(
            id: row["id"], patientId: PatientID(rawValue: row["patient_id"]), unitId: UnitID(rawValue: row["unit_id"]),
            createdBy: StaffID(rawValue: row["created_by"]),
            createdAt: Date(timeIntervalSince1970: TimeInterval(row["created_at"] as Int64)), text: row["text"],
            toStaffId: (row["to_staff_id"] as String?).map { StaffID(rawValue: $0) },
            toUnitId: (row["to_unit_id"] as String?).map { UnitID(rawValue: $0) },
            due: (row["due_on"] as String?).flatMap(LocalDate.init(iso:)),
            priority: TaskPriority(rawValue: row["priority"]) ?? .normal, reply: row["reply"],
            doneAt: (row["done_at"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) },
            doneBy: (row["done_by"] as String?).map { StaffID(rawValue: $0) })
    }
}
