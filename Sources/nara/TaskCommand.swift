import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

/// Uppgifter from the command line: tasks about a patient, addressed to a person or a unit.
struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Tasks (uppgifter) about a patient, addressed to a person or a unit.",
        discussion: """
            A task is written at the unit of --user, who needs a care relationship with the patient. It is \
            that unit's information: staff of another care provider see it only with the patient's consent, \
            and a block hides it as it hides the unit's other information. It is marked done by the person it \
            is addressed to, anyone at the unit it is addressed to, or the unit that wrote it. Every step is logged.
            """,
        subcommands: [Add.self, List.self, Done.self, Inbox.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a task about the patient.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("What is to be done.", valueName: "TEXT")) var text: String
        @Option(help: ArgumentHelp("Addressed to this staff member.", valueName: "STAFF")) var toStaff: String?
        @Option(help: ArgumentHelp("Addressed to this care unit.", valueName: "UNIT")) var toUnit: String?
        @Option(help: ArgumentHelp("The day it is due (YYYY-MM-DD).", valueName: "DATE")) var due: String?
        @Option(help: ArgumentHelp("urgent, normal or low.", valueName: "PRIORITY")) var priority: String = "normal"

        func validate() throws {
            guard (toStaff == nil) != (toUnit == nil) else { throw ValidationError("name either --to-staff or --to-unit") }
            if let due, LocalDate(iso: due) == nil { throw ValidationError("--due must be YYYY-MM-DD") }
            guard TaskPriority(rawValue: priority) != nil else {
                throw ValidationError("--priority must be urgent, normal or low")
            }
        }

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let task = try store.addTask(id, text: text, toStaff: toStaff.map { StaffID(rawValue: $0) },
                                             toUnit: toUnit.map { UnitID(rawValue: $0) },
                                             due: due.flatMap(LocalDate.init(iso:)),
                                             priority: TaskPriority(rawValue: priority)!, as: context)
                print("Task \(task.id) written to \(task.toStaffId?.rawValue ?? task.toUnitId?.rawValue ?? "")"
                      + (task.due.map { ", due \($0.iso)" } ?? "") + ".")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The patient's tasks, open ones first.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "FORMAT"))
        var format: WorklistCommand.Format = .table

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let (tasks, hidden) = try store.tasks(of: id, as: context)
                print(Self.render(tasks, hidden: hidden, format: format, today: SystemClock().today), terminator: "")
            }
        }

        static func render(_ tasks: [PatientTask], hidden: Int, format: WorklistCommand.Format,
                           today: LocalDate) -> String {
            let table = CommandTable(
                header: ["id", "priority", "due", "to", "from_unit", "created_by", "text", "state", "reply"],
                rows: tasks.map { t in
                    [String(t.id), t.priority.rawValue, t.due?.iso ?? "", t.toStaffId?.rawValue ?? t.toUnitId?.rawValue ?? "",
                     t.unitId.rawValue, t.createdBy.rawValue, t.text,
                     t.doneAt.map { "done " + WallClock.dateTime($0) + " " + (t.doneBy?.rawValue ?? "") }
                        ?? (t.isOverdue(today: today) ? "overdue" : "open"),
                     t.reply ?? ""]
                }, rightAligned: [0])
            switch format {
            case .csv: return table.csv()
            case .json: return table.json()
            case .table:
                let note = hidden > 0 ? "\(hidden) more not shown (another provider's without consent, or blocked)\n" : ""
                guard !tasks.isEmpty else { return "No tasks.\n" + note }
                return table.text() + note
            }
        }
    }

    struct Inbox: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open tasks addressed to --user or --user's unit, across patients.",
            discussion: "Open ones by due day, priority and age. Each patient printed is written to the access log.")
        @OptionGroup var list: ListOptions

        func run() throws {
            try reportingFailures {
                let (store, session) = try list.open()
                let rows = try store.openTasks(limit: 500, as: session.context)
                let today = SystemClock().today
                let table = CommandTable(
                    header: ["id", "priority", "due", "identifier", "name", "to", "created_by", "text", "state"],
                    rows: rows.map { row in
                        let (t, p) = (row.task, row.patient)
                        return [String(t.id), t.priority.rawValue, t.due?.iso ?? "", p.identifier.display,
                         p.name ?? "Skyddad identitet", t.toStaffId?.rawValue ?? t.toUnitId?.rawValue ?? "",
                         t.createdBy.rawValue, t.text, t.isOverdue(today: today) ? "overdue" : "open"]
                    }, rightAligned: [0])
                print(list.render(table, empty: "No open tasks."), terminator: "")
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a task done, with a reply.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("The task.", valueName: "N")) var id: Int64
        @Option(help: ArgumentHelp("The reply to the writer.", valueName: "TEXT")) var reply: String?

        func run() throws {
            try reportingFailures {
                let (store, context, patient) = try target.resolve()
                let task = try store.completeTask(patient, id: id, reply: reply, as: context)
                print("Task \(task.id) done.")
            }
        }
    }
}
