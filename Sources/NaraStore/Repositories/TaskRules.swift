import Foundation
import GRDB
import NaraDomain

/// What a task may be and who may see or complete it, with the log rows' wording and the
/// reads of tasks: one owner for both stores, so a request refused on SQLite is refused
/// on PostgreSQL with the same error, in the same order, and logs the same row.
package enum TaskRules {
    /// The task's text on one line, refused when nothing is left of it.
    package static func text(_ text: String) throws -> String {
        let clean = CleanText.line(text).trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty else { throw StoreError.invalid("a task needs its text") }
        return clean
    }

    /// A task goes to one person or one unit, and is not due before today.
    package static func checkAddress(toStaff: StaffID?, toUnit: UnitID?, due: LocalDate?, today: LocalDate) throws {
        guard (toStaff == nil) != (toUnit == nil) else {
            throw StoreError.invalid("a task is addressed to one person or one unit")
        }
        if let due, due < today { throw StoreError.invalid("a task cannot be due before today") }
    }

    /// The log row of a new task names its addressee.
    package static func addDetail(toStaff: StaffID?, toUnit: UnitID?) -> String {
        "task to \(toStaff?.rawValue ?? toUnit?.rawValue ?? "")"
    }

    /// The log row of a completed task names it.
    package static func doneDetail(_ id: Int64) -> String { "task \(id) done" }

    /// The log row of the patient's tasks read.
    package static let tasksDetail = "tasks"

    /// The view of the open-task list, the detail of its log rows before the basis.
    package static let listView = "task list"

    /// The tasks the grant shows, in work order, and how many it hides: another
    /// provider's without the patient's consent, or blocked.
    package static func visible(_ all: [PatientTask], grant: AccessGrant) -> (tasks: [PatientTask], hidden: Int) {
        let shown = all.filter { grant.sees(.clinical, documentedAt: $0.unitId) }
        return (shown.sorted(by: PatientTask.workOrder), all.count - shown.count)
    }

    /// A task is completed by its addressee (the person, or anyone at the unit) or at the
    /// unit that wrote it, only when the user may see it, and once.
    package static func checkCompletion(_ task: PatientTask, id: Int64, patient: PatientID, grant: AccessGrant,
                                        context: AccessContext) throws {
        guard task.patientId == patient, grant.sees(.clinical, documentedAt: task.unitId) else {
            throw StoreError.notFound("task \(id) of the patient")
        }
        guard task.toStaffId == context.staffId || task.toUnitId == context.unitId || task.unitId == context.unitId else {
            throw StoreError.invalid("task \(id) is addressed to \(task.toStaffId?.rawValue ?? task.toUnitId?.rawValue ?? "")")
        }
        guard !task.isDone else { throw StoreError.invalid("task \(id) is already done") }
    }

    /// The task `id` from its row, read by the caller; refused when there is none.
    package static func task(_ row: Row?, _ id: Int64) throws -> PatientTask {
        guard let row else { throw StoreError.notFound("task \(id)") }
        return decode(row)
    }

    /// The patient's tasks, over `:patient`, as `task`.
    package static let patientPart = TaggedRead.Part("task", "SELECT * FROM patient_task WHERE patient_id = :patient")

    /// The task `id`, as `task`.
    package static func part(_ id: Int64) -> TaggedRead.Part {
        TaggedRead.Part("task", "SELECT * FROM patient_task WHERE id = \(id)")
    }

    /// A reply on one line; none when nothing is left of it.
    package static func reply(_ reply: String?) -> String? {
        reply.map { CleanText.line($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The open tasks shown of `all`: those the grants let the user see, in work order, at most `limit`.
    package static func shown(_ all: [PatientTask], grants: [Int64: AccessGrant], limit: Int) -> [PatientTask] {
        Array(all.filter { grants[$0.patientId.rawValue]?.sees(.clinical, documentedAt: $0.unitId) == true }
            .sorted(by: PatientTask.workOrder).prefix(limit))
    }

    /// The open tasks to the user (`:staff`) or the user's unit (`:unit`). Each address
    /// has its own index; with an OR between them SQLite walked all the region's open tasks.
    package static let openSQL = """
        SELECT * FROM patient_task WHERE done_at IS NULL AND to_staff_id = :staff
        UNION
        SELECT * FROM patient_task WHERE done_at IS NULL AND to_unit_id = :unit
        """

    /// The parts of the task list in one read: who asks, the open tasks, and their
    /// patients' policy facts and summaries, with `AccessFacts.values(…)`.
    package static let openParts: [TaggedRead.Part] = {
        let patients = "IN (SELECT patient_id FROM (\(openSQL)) AS open_task)"
        return [AccessFacts.subjectPart, TaggedRead.Part("open_task", openSQL)]
            + AccessFacts.manyPatients(patients) + SummaryQuery.parts(patients)
    }()

    /// The rows of the task list read by `openParts`, and the grants they were shown on;
    /// refused for an unknown or inactive user.
    package static func openRows(_ rows: [String: [Row]], context: AccessContext, limit: Int, today: LocalDate,
                                 now: Date) throws -> (rows: [TaskRow], grants: [Int64: AccessGrant]) {
        let subject = try AccessFacts.subject(rows, context: context)
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        let all = (rows["open_task"] ?? []).map(decode)
        var facts = Dictionary(uniqueKeysWithValues: Set(all.map(\.patientId.rawValue)).map { ($0, PatientAccessFacts()) })
        AccessFacts.assemble(rows, into: &facts)
        let grants = SQLiteStore.grants(subject, facts: facts, today: today, now: now)
        let byId = Dictionary(SummaryQuery.assemble(rows).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let list = shown(all, grants: grants, limit: limit)
        return (list.compactMap { t in byId[t.patientId].map { TaskRow(task: t, patient: $0) } }, grants)
    }

    package static func decode(_ row: Row) -> PatientTask {
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
