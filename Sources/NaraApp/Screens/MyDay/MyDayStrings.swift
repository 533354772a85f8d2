import NaraDomain

/// Min dag's words. A value or a function per word, so a missing translation does not compile.
struct MyDayStrings: Sendable {
    var tabDay: String, tabPatients: String
    /// A section's heading; the news heading takes when the user last looked (nil the first time).
    var section: @Sendable (MyDaySection) -> String
    /// A section's name in the counts on the tab line.
    var short: @Sendable (MyDaySection) -> String
    var callbackSlot: @Sendable (String) -> String
    var newsSince: @Sendable (String?) -> String
    var reading: String, nothingToday: String, noPatients: String
    var footerDay: String, footerPatients: String
    var columnRole: String, columnLast: String, columnNext: String, columnAlerts: String
    var role: @Sendable (ContactRole) -> String
    var channel: @Sendable (CareRequestChannel) -> String
    var problem: @Sendable (CareRequestProblem) -> String
    /// A 0 or 3 clock in a few characters: "0 i dag", "3: 2 d kvar", "0 ✓", "3 försenad 1 d".
    var clock: @Sendable (PrimaryCareGuarantee, GuaranteeStatus) -> String
    var priority: @Sendable (TaskPriority) -> String
    var due: @Sendable (LocalDate, Bool) -> String
    var toMe: String, toUnit: String
    var planned: @Sendable (LocalDate, LocalDate) -> String
    var news: @Sendable (PatientNews) -> String
    var helpOpen: String, helpTab: String, helpContact: String, helpAssess: String, helpNoAnswer: String
    var helpDone: String
    var helpTask: String, helpCareRequest: String, helpPlan: String, helpRefresh: String
    var helpTaskOpen: String, helpCareRequestOpen: String, helpPlanOpen: String
    var titleDone: String, titleTask: String, titleCareRequest: String, titlePlan: String
    var fieldReply: String, fieldText: String, fieldToStaff: String, fieldToUnit: String, fieldDue: String
    var fieldPriority: String, fieldChannel: String, fieldProblem: String, fieldReason: String
    var fieldCallback: String, fieldDate: String, fieldNote: String
    var hintToStaff: String, hintDue: String, hintPriority: String, hintChannel: String, hintProblem: String
    var hintCallback: String, hintDate: String
    var errRequired: String, errDate: String, errPriority: String, errChannel: String, errProblem: String
    var errSlot: String, errOneAddressee: String, errNoStaff: String, errNoUnit: String
    var errMany: @Sendable (String) -> String
    var formFooter: String
    var contactRecorded: String, assessmentRecorded: String, taskDone: String, taskSent: String
    var noAnswerRecorded: @Sendable (Int) -> String
    /// After the reason: how many calls back did not reach the patient.
    var unanswered: @Sendable (Int) -> String
    var requestRegistered: String
    var contactPlanned: @Sendable (LocalDate) -> String
    var selectRequest: String, selectTask: String, selectRow: String, openFirst: String

    static func of(_ language: Language) -> MyDayStrings { language == .sv ? sv : en }
}

extension MyDayStrings {
    static let en = MyDayStrings(
        tabDay: "The day", tabPatients: "My patients",
        section: { section in
            switch section {
            case .careRequests: return "Care requests to contact or assess"
            case .callbacks: return "Callbacks"
            case .tasks: return "Tasks to me and my unit"
            case .followUps: return "My planned follow-ups"
            case .news: return "My patients"
            }
        },
        short: { section in
            switch section {
            case .careRequests: return "Requests"
            case .callbacks: return "Calls"
            case .tasks: return "Tasks"
            case .followUps: return "Planned"
            case .news: return "News"
            }
        },
        callbackSlot: { "Callbacks \($0)" },
        newsSince: { since in since.map { "What happened to my patients since \($0)" }
            ?? "What happened to my patients in the last 7 days" },
        reading: "Reading…", nothingToday: "Nothing waiting for you right now.",
        noPatients: "You are named contact for no patient today.",
        footerDay: "Enter open · r reached · b assessed · d done · t task · n request · p plan",
        footerPatients: "Enter open · t task · n request · p plan · / filter · Tab the day",
        columnRole: "Role", columnLast: "Last", columnNext: "Planned", columnAlerts: "To act on",
        role: { $0 == .careContact ? "CC" : "GP" },
        channel: { channel in
            switch channel {
            case .phone: return "phone"
            case .visit: return "visit"
            case .digital: return "digital"
            }
        },
        problem: { $0 == .new ? "new" : "worse" },
        clock: { guarantee, status in
            let n = guarantee == .contact ? "0" : "3"
            switch status {
            case .met: return "\(n) ✓"
            case .overdue(let days): return "\(n) late \(days) d"
            case .running(let left): return left == 0 ? "\(n) today" : "\(n) \(left) d left"
            default: return n
            }
        },
        priority: { priority in
            switch priority {
            case .urgent: return "urgent"
            case .normal: return ""
            case .low: return "low"
            }
        },
        due: { day, overdue in overdue ? "overdue \(day.iso)" : "due \(day.iso)" },
        toMe: "to me", toUnit: "to the unit",
        planned: { day, today in day == today ? "today" : day.iso },
        news: { news in
            switch news {
            case let .admitted(ward, on): return "Admitted \(on.iso) at \(ward)"
            case let .readyForDischarge(ward, on): return "Ready for discharge \(on.iso) at \(ward)"
            case let .discharged(ward, on): return "Discharged \(on.iso) from \(ward)"
            case let .referralAnswered(id, unit): return "Referral \(id) answered by \(unit)"
            case let .referralRejected(id, unit): return "Referral \(id) rejected by \(unit)"
            case let .planFollowUpDue(id, on): return "Follow-up of the SIP (plan \(id)) due \(on.iso)"
            case let .taskDone(text, reply, by):
                return reply.map { "\(by) replied: \($0) (task: \(text))" } ?? "Task done by \(by): \(text)"
            case let .namedContactEnded(role, name, on):
                let what = role == .namedPhysician ? "Named GP" : "Named care contact"
                return "\(what) \(name) ended \(on.iso): a new one is needed"
            }
        },
        helpOpen: "Open the patient's overview", helpTab: "My day / My patients",
        helpContact: "Reached: contact made, stops the 0 clock",
        helpAssess: "Medical assessment made: stops the 3 clock",
        helpNoAnswer: "No answer: counted, the clock runs on",
        helpDone: "Mark the task done, with a reply", helpTask: "New task about the patient",
        helpCareRequest: "New care request for the patient", helpPlan: "Plan a contact on a later day",
        helpRefresh: "Read again",
        helpTaskOpen: "New task, patient whose record is open",
        helpCareRequestOpen: "New care request, patient whose record is open",
        helpPlanOpen: "Plan a contact, patient whose record is open",
        titleDone: "Task done", titleTask: "New task", titleCareRequest: "New care request",
        titlePlan: "Plan a contact",
        fieldReply: "Reply", fieldText: "Task", fieldToStaff: "To person", fieldToUnit: "To unit",
        fieldDue: "Due", fieldPriority: "Priority", fieldChannel: "Channel", fieldProblem: "Problem",
        fieldReason: "Reason", fieldCallback: "Call back", fieldDate: "Date", fieldNote: "Note",
        hintToStaff: "id or name; or a unit below", hintDue: "YYYY-MM-DD, or empty",
        hintPriority: "urgent, normal or low", hintChannel: "phone, visit or digital",
        hintProblem: "new or worse", hintCallback: "08:00-10:00, or empty", hintDate: "YYYY-MM-DD, today or later",
        errRequired: "Required", errDate: "A date as 2026-12-24, today or later",
        errPriority: "urgent, normal or low", errChannel: "phone, visit or digital", errProblem: "new or worse",
        errSlot: "A window as 08:00-10:00", errOneAddressee: "A person or a unit, one of them",
        errNoStaff: "No staff member by that name", errNoUnit: "No unit by that name",
        errMany: { "Which one? \($0)" },
        formFooter: "Enter next field, saves from the last · Esc cancels",
        contactRecorded: "Contact recorded: the 0 clock has stopped.",
        assessmentRecorded: "Assessment recorded: the 3 clock has stopped.",
        taskDone: "The task is done.", taskSent: "The task is sent.",
        noAnswerRecorded: { "No answer recorded (\($0) so far): the 0 clock runs on." },
        unanswered: { $0 == 1 ? "1 call unanswered" : "\($0) calls unanswered" },
        requestRegistered: "Care request registered: the 0 and 3 clocks run from now.",
        contactPlanned: { "Contact planned on \($0.iso)." },
        selectRequest: "Select a care request first.", selectTask: "Select a task first.",
        selectRow: "Select a row first.", openFirst: "Open a patient's record first (F2)."
    )
}
