import Foundation
import NaraDomain
import TerminalUI

/// The unit's proactive work lists (DOMAIN.md "Proactive work lists"): the lists with
/// their counts, Enter opens one, Enter on a patient opens the record.
public struct WorkListsScreen: ScreenModel {
    public var state = WorkListsState()
    public let id = ScreenID.workLists
    public var settings = WorkListSettings.default
    /// Counting every list reads thousands of patients' facts: it follows the frame.
    var countPending = false
    /// Others' commits make the counts again at most once in this long. A unit's staff
    /// commit every few seconds, and every session showing the lists would otherwise
    /// count them all again each time: on a region's database, the dearest read there
    /// is, many times a minute for each nurse. The open list itself is read again at once.
    public static let recountInterval: TimeInterval = 60
    var recounts = HeldRead(interval: recountInterval)

    public init() {}

    public func help(_ strings: Strings) -> HelpSection? { HelpSection(WorkListsKeymap.make(strings)) }

    /// While the filter or note line is typed into, every key is its own.
    public var capturesKeys: Bool { state.filter.isEditing || state.note != nil }
    public var textFieldHasFocus: Bool { capturesKeys }
    public var hasUnsavedInput: Bool { !(state.note?.text.isEmpty ?? true) }

    public mutating func handle(_ event: Event, _ context: ScreenContext) -> (handled: Bool, commands: [ScreenCommand]) {
        if state.note != nil { return (true, run(.note(event), context)) }
        if state.filter.isEditing { return (true, run(.filter(event), context)) }
        guard case .key(let key) = event, let action = WorkListsKeymap.make(context.strings).action(for: key) else {
            return (false, [])
        }
        // Esc on the list of lists is the program's: back to the previous screen.
        if case .back = action, state.open == nil { return (false, []) }
        // `/` on the list of lists is the program's: find a patient.
        if case .beginFilter = action, state.open == nil { return (false, []) }
        return (true, run(action, context))
    }

    /// A handled note being written, named by list and patient so it finds its row again.
    public func draft() -> ScreenDraft? {
        guard let note = state.note, !note.text.isEmpty, let patient = state.noteFor, let kind = state.open else {
            return nil
        }
        return ScreenDraft(form: "handled \(kind.rawValue) \(patient.rawValue)", fields: ["note": note.text], focus: 0)
    }

    /// Opens the list again (read and logged as any opening), finds the patient's row and
    /// puts the note back; false when the patient is no longer on the list.
    public mutating func restore(_ draft: ScreenDraft, _ context: ScreenContext) -> Bool {
        let parts = draft.form.split(separator: " ").map(String.init)
        guard parts.count == 3, parts[0] == "handled", let kind = WorkListKind(rawValue: parts[1]),
              let raw = Int64(parts[2]), let index = state.kinds.firstIndex(of: kind) else { return false }
        let rows = WorkListsView.visibleRows(bodyHeight: context.bodyHeight)
        _ = WorkListsReducer.reduce(&state, .back, visibleRows: rows)
        _ = WorkListsReducer.reduce(&state, .back, visibleRows: rows)
        state.lists.select(index, count: state.kinds.count)
        _ = run(.open, context)
        guard let row = state.rows.firstIndex(where: { $0.patient.id.rawValue == raw }) else { return false }
        state.patients.select(row, count: state.rows.count)
        state.patients.scrollToSelection(visibleRows: rows, count: state.rows.count)
        _ = WorkListsReducer.reduce(&state, .beginHandled, visibleRows: rows)
        state.note?.insert(draft.fields["note"] ?? "")
        return true
    }

    /// Counts are read after the screen's first frame and when others commit, never per frame.
    public mutating func appear(_ context: ScreenContext) -> [ScreenCommand] {
        if state.counts == nil { countPending = true }
        return []
    }

    /// A recount held back is made once `recountInterval` has passed since the last.
    public mutating func tick(_ context: ScreenContext) {
        if recounts.due(at: context.now) { countPending = true }
    }

    public var keepsStateWhenLeft: Bool { true }
    public var hasIdleWork: Bool { countPending }

    public mutating func doIdleWork(_ context: ScreenContext) -> [ScreenCommand] {
        guard countPending else { return [] }
        countPending = false
        recounts.read(at: context.now)
        let result = Self.count(context, settings)
        let rows = WorkListsView.visibleRows(bodyHeight: context.bodyHeight)
        _ = WorkListsReducer.reduce(&state, .counted(result.counts), visibleRows: rows)
        return result.error.map { [.message($0, isError: true)] } ?? []
    }

    public mutating func refresh(_ context: ScreenContext) {
        let pending = countPending
        _ = run(.refresh, context)
        if !pending, countPending, !recounts.moved(at: context.now) { countPending = false }
    }

    public func render(in area: Rect, buffer: inout Buffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        let view = WorkListsView(state: state, settings: settings, strings: context.strings,
                                 unitName: context.session.unit.name, today: context.today, glyphs: context.glyphs)
        view.render(in: area, buffer: &buffer)
        return view.cursorPosition(in: area)
    }

    private mutating func run(_ action: WorkListsAction, _ context: ScreenContext) -> [ScreenCommand] {
        let rows = WorkListsView.visibleRows(bodyHeight: context.bodyHeight)
        var commands: [ScreenCommand] = []
        for effect in WorkListsReducer.reduce(&state, action, visibleRows: rows) {
            switch effect {
            case .count:
                countPending = true
            case .load(let kind, let logged):
                do {
                    // The store logs each patient shown, in the transaction that reads them.
                    let found = try context.store.workList(kind, unit: context.session.unit.id, settings: settings,
                                                           today: context.today, limit: WorkListsState.limit,
                                                           as: context.session.context)
                    _ = WorkListsReducer.reduce(&state, .loaded(kind, found), visibleRows: rows)
                } catch {
                    // Nothing is shown that was not logged.
                    if logged { _ = WorkListsReducer.reduce(&state, .back, visibleRows: rows) }
                    commands.append(.message(context.strings.describe(error), isError: true))
                }
            case .openPatient(let id):
                commands.append(.openPatient(id))
            case .openContacts(let id):
                commands.append(.openPatientOn(id, .continuity))
            case .openDayForm(let form, let id):
                commands.append(.openForm(.myDay, ScreenDraft(form: "\(form):\(id.rawValue)", fields: [:], focus: 0)))
            case .take(let kind, let patient):
                commands += claim(rows, context) {
                    let claim = try context.store.toggleWorkListClaim(kind, patient: patient, as: context.session.context)
                    let words = WorkListsClaimStrings.of(context.language)
                    return (.claimed(patient, claim), claim == nil ? words.givenBack : words.taken)
                }
            case .handled(let kind, let patient, let note):
                commands += claim(rows, context) {
                    let claim = try context.store.markWorkListHandled(kind, patient: patient, note: note,
                                                                      as: context.session.context)
                    return (.claimed(patient, claim), WorkListsClaimStrings.of(context.language).handledSaved)
                }
            }
        }
        return commands
    }

    /// A claim through the store; a refusal is shown and the note kept for another try.
    private mutating func claim(_ rows: Int, _ context: ScreenContext,
                                _ body: () throws -> (WorkListsAction, String)) -> [ScreenCommand] {
        do {
            let (action, message) = try body()
            _ = WorkListsReducer.reduce(&state, action, visibleRows: rows)
            return [.message(message, isError: false)]
        } catch {
            _ = WorkListsReducer.reduce(&state, .noteRefused, visibleRows: rows)
            return [.message(context.strings.describe(error), isError: true)]
        }
    }

    /// Every list for the user's unit. A list that fails is left out (shown as "–")
    /// and the first failure is reported; the others still count.
    static func count(_ context: ScreenContext, _ settings: WorkListSettings) -> Counted {
        do {
            return Counted(counts: try context.store.workListCounts(unit: context.session.unit.id, settings: settings,
                                                                    today: context.today, as: context.session.context),
                           error: nil)
        } catch {
            return Counted(counts: [:], error: "\(WorkListsStrings.of(context.language).countFailed) \(context.strings.describe(error, prefixed: false))")
        }
    }

    struct Counted: Sendable {
        var counts: [WorkListKind: Int]
        var error: String?
    }
}
