import Foundation
import NaraDomain
import TerminalUI

/// Min dag, the start screen of clinical staff: the unit's care requests with their 0 and
/// 3 clocks, callbacks by slot, tasks to the user and the unit, the user's planned
/// follow-ups and what happened to the user's patients; Tab shows Mina patienter. Each
/// row acts with one key. Everything is read through the store's door, which logs each
/// patient shown.
public struct MyDayScreen: ScreenModel {
    public var state = MyDayState()
    public let id = ScreenID.myDay
    /// The first read follows the first frame, so the program shows at once.
    var loadPending = false

    public init() {}

    public func help(_ strings: Strings) -> HelpSection? { HelpSection(MyDayKeymap.make(strings)) }

    public var capturesKeys: Bool { state.filter.isEditing || state.form != nil }
    public var hasUnsavedInput: Bool { state.form?.fields.hasInput ?? false }
    public var keepsStateWhenLeft: Bool { true }

    public mutating func handle(_ event: Event, _ context: ScreenContext) -> (handled: Bool, commands: [ScreenCommand]) {
        state.openPatient = context.patient.map { record in
            let p = record.patient
            return MyDayPatient(id: p.id, label: "\(p.protectedIdentity ? context.strings.protectedIdentity : p.fullName) "
                                    + p.identifier.display)
        }
        if state.form != nil { return (true, run(.form(event), context)) }
        if state.filter.isEditing { return (true, run(.filter(event), context)) }
        guard case .key(let key) = event, let action = MyDayKeymap.make(context.strings).action(for: key) else {
            return (false, [])
        }
        // Esc without a filter is the program's: back to the screen before.
        if case .back = action, !state.filter.isFiltering { return (false, []) }
        return (true, run(action, context))
    }

    /// The first visit notes the time and reads the day after the frame; news is what came
    /// since the visit before.
    public mutating func appear(_ context: ScreenContext) -> [ScreenCommand] {
        let since = try? context.store.markDaySeen(as: context.session.context)
        _ = reduce(.seen(since ?? context.now.addingTimeInterval(-7 * 86_400)), context)
        loadPending = true
        return []
    }

    public var hasIdleWork: Bool { loadPending }

    public mutating func doIdleWork(_ context: ScreenContext) -> [ScreenCommand] {
        loadPending = false
        return run(.refresh, context)
    }

    /// Another session committed: read again, without a message if it fails.
    public mutating func refresh(_ context: ScreenContext) {
        _ = run(.refresh, context)
    }

    public func render(in area: Rect, buffer: inout Buffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        let view = MyDayView(state: state, words: MyDayStrings.of(context.language), strings: context.strings,
                             today: context.today, zone: .stockholm, glyphs: context.glyphs)
        view.render(in: area, buffer: &buffer)
        return view.cursorPosition(in: area)
    }

    private mutating func reduce(_ action: MyDayAction, _ context: ScreenContext) -> [MyDayEffect] {
        MyDayReducer.reduce(&state, action, words: MyDayStrings.of(context.language), global: context.strings,
                            visibleRows: MyDayView.visibleRows(bodyHeight: context.bodyHeight))
    }

    private mutating func run(_ action: MyDayAction, _ context: ScreenContext) -> [ScreenCommand] {
        let w = MyDayStrings.of(context.language)
        let store = context.store, who = context.session.context
        var commands: [ScreenCommand] = []
        func attempt(_ body: () throws -> Void) {
            do { try body() } catch { commands.append(.message(context.strings.describe(error), isError: true)) }
        }
        for effect in reduce(action, context) {
            switch effect {
            case .load:
                attempt {
                    // Each read logs the patients it shows, in its own transaction.
                    let load = MyDayLoad(
                        careRequests: try store.openCareRequests(callbacks: false, limit: MyDayState.limit, as: who),
                        tasks: try store.openTasks(limit: MyDayState.limit, as: who),
                        followUps: try store.plannedContacts(from: context.today.adding(days: -14),
                                                             limit: MyDayState.limit, as: who),
                        news: try store.patientNews(since: state.since ?? context.now.addingTimeInterval(-7 * 86_400),
                                                    limit: MyDayState.limit, as: who))
                    _ = reduce(.loaded(load), context)
                }
            case .loadPatients:
                attempt { _ = reduce(.loadedPatients(try store.myPatients(limit: 2_000, as: who)), context) }
            case .openPatient(let id):
                commands.append(.openPatient(id))
            case .recordContact(let patient, let id):
                attempt {
                    _ = try store.recordCareRequestContact(patient, id: id, at: nil, as: who)
                    commands.append(.message(w.contactRecorded, isError: false))
                    commands += run(.refresh, context)
                }
            case .recordAssessment(let patient, let id):
                attempt {
                    _ = try store.recordCareRequestAssessment(patient, id: id, at: nil, as: who)
                    commands.append(.message(w.assessmentRecorded, isError: false))
                    commands += run(.refresh, context)
                }
            case .recordNoAnswer(let patient, let id):
                attempt {
                    let request = try store.recordUnansweredCallback(patient, id: id, as: who)
                    commands.append(.message(w.noAnswerRecorded(request.unanswered), isError: false))
                    commands += run(.refresh, context)
                }
            case .submit(let form):
                attempt {
                    let units = try store.units(), staff = try store.staffList(unit: nil)
                    switch MyDayForms.check(form, units: units, staff: staff, today: context.today, w) {
                    case .failure(let errors):
                        _ = reduce(.formErrors(errors.byField), context)
                    case .success(let submission):
                        let message = try save(submission, store, who, w)
                        commands += run(.saved, context)
                        commands.append(.message(message, isError: false))
                    }
                }
            case .nothingSelected:
                let message = switch action {
                case .contactMade, .assessed, .noAnswer: w.selectRequest
                case .done: w.selectTask
                case .newTask(true), .newCareRequest(true), .plan(true): w.openFirst
                default: w.selectRow
                }
                commands.append(.message(message, isError: true))
            }
        }
        return commands
    }

    private func save(_ submission: MyDaySubmission, _ store: any CareStore, _ who: AccessContext,
                      _ w: MyDayStrings) throws -> String {
        switch submission {
        case let .completeTask(patient, id, reply):
            _ = try store.completeTask(patient, id: id, reply: reply, as: who)
            return w.taskDone
        case let .addTask(patient, text, toStaff, toUnit, due, priority):
            _ = try store.addTask(patient, text: text, toStaff: toStaff, toUnit: toUnit, due: due, priority: priority,
                                  as: who)
            return w.taskSent
        case let .addCareRequest(patient, channel, problem, reason, callback):
            _ = try store.addCareRequest(patient, channel: channel, problem: problem, reason: reason,
                                         callback: callback, as: who)
            return w.requestRegistered
        case let .plannedContact(patient, day, note):
            _ = try store.addPlannedContact(patient, on: day, note: note, as: who)
            return w.contactPlanned(day)
        }
    }
}
