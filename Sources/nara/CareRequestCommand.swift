import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

/// Vårdbegäran from the command line: the patient's contact with --user's unit, and the
/// contact and assessment that stop its two clocks.
struct CareRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "care-request",
        abstract: "A patient's care request (vårdbegäran) and the 0 and 3 guarantees it starts.",
        discussion: """
            A care request is the patient's contact with the unit of --user, a vårdcentral (phone, visit or \
            digital), about a new or worse problem. It starts two clocks that nothing pauses: contact the same day (0) and a \
            medical assessment by licensed staff within 3 days (3), counted in calendar days from the day of \
            the contact, the last day in time. "contacted" stops the first, "assessed" the second (and the \
            first, if it still runs). The request is a care relationship for the unit. Every step is logged.
            """,
        subcommands: [Add.self, Contacted.self, NoAnswer.self, Assessed.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register the patient's contact now.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("phone, visit or digital.", valueName: "CHANNEL")) var channel: String
        @Option(help: ArgumentHelp("new or worse.", valueName: "PROBLEM")) var problem: String = "new"
        @Option(help: ArgumentHelp("What the patient seeks care for.", valueName: "TEXT")) var reason: String
        @Option(help: ArgumentHelp("A requested callback window, e.g. 08:00-10:00.", valueName: "HH:MM-HH:MM"))
        var callback: String?

        func validate() throws {
            guard CareRequestChannel(rawValue: channel) != nil else {
                throw ValidationError("--channel must be phone, visit or digital")
            }
            guard CareRequestProblem(rawValue: problem) != nil else { throw ValidationError("--problem must be new or worse") }
            if let callback, CallbackSlot(text: callback) == nil {
                throw ValidationError("--callback must be a window such as 08:00-10:00")
            }
        }

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let r = try store.addCareRequest(id, channel: CareRequestChannel(rawValue: channel)!,
                                                 problem: CareRequestProblem(rawValue: problem)!, reason: reason,
                                                 callback: callback.flatMap(CallbackSlot.init(text:)), as: context)
                print("Care request \(r.id) registered at \(r.unitId): contact by "
                      + "\(r.clock(.contact).deadline.iso), assessment by \(r.clock(.assessment).deadline.iso).")
            }
        }
    }

    /// What "contacted" and "assessed" share: which request, and when.
    struct Step: ParsableArguments {
        @Option(help: ArgumentHelp("The care request; the patient's oldest open one at your unit when left out.",
                                   valueName: "N"))
        var id: Int64?
        @Option(help: ArgumentHelp("When (YYYY-MM-DD HH:MM); now when left out.", valueName: "TIME")) var at: String?

        func validate() throws {
            if let at, WallClock.parse(at) == nil { throw ValidationError("--at must be YYYY-MM-DD HH:MM") }
        }

        var time: Date? { at.flatMap { WallClock.parse($0) } }

        /// Records the step of `guarantee` and says whether it kept the limit.
        func record(_ guarantee: PrimaryCareGuarantee, _ target: BlockCommand.Target) throws {
            try reportingFailures {
                let (store, context, patient) = try target.resolve()
                let r = guarantee == .contact
                    ? try store.recordCareRequestContact(patient, id: id, at: time, as: context)
                    : try store.recordCareRequestAssessment(patient, id: id, at: time, as: context)
                let clock = r.clock(guarantee)
                let kept = clock.kept(today: clock.stoppedOn ?? clock.start) == true
                print("Care request \(r.id): \(guarantee == .contact ? "contacted" : "assessed") "
                      + (kept ? "within" : "after") + " the \(guarantee.limitDays)-day limit (\(clock.deadline.iso)).")
            }
        }
    }

    struct Contacted: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the unit's contact with the patient.")
        @OptionGroup var target: BlockCommand.Target
        @OptionGroup var step: Step

        func run() throws { try step.record(.contact, target) }
    }

    struct NoAnswer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "no-answer",
            abstract: "Record a call back that did not reach the patient; the clock runs on.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("The care request; the patient's oldest not yet contacted at your unit when left out.",
                                   valueName: "N"))
        var id: Int64?

        func run() throws {
            try reportingFailures {
                let (store, context, patient) = try target.resolve()
                let r = try store.recordUnansweredCallback(patient, id: id, as: context)
                print("Care request \(r.id): \(r.unanswered) unanswered call\(r.unanswered == 1 ? "" : "s"); "
                      + "contact due \(r.clock(.contact).deadline.iso).")
            }
        }
    }

    struct Assessed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the medical assessment, made by --user (licensed staff).")
        @OptionGroup var target: BlockCommand.Target
        @OptionGroup var step: Step

        func run() throws { try step.record(.assessment, target) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The open care requests of your unit, or its callback list.",
            discussion: """
                Open requests wait for their assessment; oldest first. --callbacks lists those with a requested \
                callback window that nobody has reached yet, ordered by the window, with the calls that went \
                unanswered. Each patient printed is written to the access log.
                """)
        @OptionGroup var list: ListOptions
        @Flag(help: "Only requests with a callback window not yet called back, ordered by it.") var callbacks = false

        func run() throws {
            try reportingFailures {
                let (store, session) = try list.open()
                let rows = try store.openCareRequests(callbacks: callbacks, limit: 500, as: session.context)
                let text = list.render(Self.table(rows, today: SystemClock().today), empty: "No open care requests.")
                print(text + (list.format == .table && !rows.isEmpty ? "\(rows.count) requests\n" : ""), terminator: "")
            }
        }

        static func table(_ rows: [CareRequestRow], today: LocalDate) -> CommandTable {
            func state(_ r: CareRequest, _ g: PrimaryCareGuarantee) -> String {
                switch r.clock(g).status(today: today) {
                case .met(let on, let within): return (within ? "kept " : "late ") + on.iso
                case .overdue(let days): return "overdue \(days)d"
                case .running(let left): return "due " + r.clock(g).deadline.iso + (left == 0 ? " (today)" : "")
                default: return ""
                }
            }
            return CommandTable(
                header: ["id", "registered", "identifier", "name", "channel", "problem", "callback", "unanswered",
                         "reason", "contact", "assessment"],
                rows: rows.map { row in
                    let r = row.request
                    return [String(r.id), WallClock.dateTime(r.registeredAt), row.patient.identifier.display,
                            row.patient.name ?? "Skyddad identitet", r.channel.rawValue, r.problem.rawValue,
                            r.callback?.text ?? "",
                            r.unansweredAt.map { "\(r.unanswered), last \(WallClock.time($0))" } ?? "",
                            r.reason, state(r, .contact), state(r, .assessment)]
                }, rightAligned: [0])
        }
    }
}
