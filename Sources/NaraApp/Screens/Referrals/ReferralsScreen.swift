import Foundation
import NaraDomain
import TerminalUI

/// Remisser: the unit's inbox and outbox and the open patient's referrals, with the
/// steps the user's unit may take. The reducer decides; this type talks to the store.
public struct ReferralsScreen: ScreenModel {
    public var state = ReferralsState()
    public let id = ScreenID.referrals

    public init() {}

    public var capturesKeys: Bool { state.overlay != nil || state.search.isEditing }
    public var textFieldHasFocus: Bool {
        if case .form(let form) = state.overlay { return form.discarding == nil }
        return false
    }
    public var hasUnsavedInput: Bool { state.formHasInput }

    public func help(_ strings: Strings) -> HelpSection? {
        HelpSection(ReferralsKeymap.make(strings, ReferralsStrings.of(strings.language)))
    }

    public mutating func handle(_ event: Event, _ context: ScreenContext) -> (handled: Bool, commands: [ScreenCommand]) {
        state.prepare(context)
        let s = ReferralsStrings.of(context.language)
        if state.overlay != nil {
            // Everything but Ctrl-C stays in the dialog, so a stray F-key cannot lose input.
            guard let action = overlayAction(event) else { return (true, []) }
            return (true, run(action, context))
        }
        if state.search.isEditing { return (true, run(.search(event), context)) }
        guard case .key(let key) = event else { return (false, []) }
        if state.detailExpanded, let scroll = detailScroll(key, context) {
            state.detailScroll = max(0, state.detailScroll + scroll)
            return (true, [])
        }
        if key == .escape {
            // Esc on a searched list shows every row again before it leaves the screen.
            if !state.detailExpanded && state.search.isFiltering { return (true, run(.clearSearch, context)) }
            guard state.detailExpanded else { return (false, []) }
            return (true, run(.close, context))
        }
        switch ReferralsKeymap.make(context.strings, s).action(for: key) {
        case .act(let action)?: return (true, run(action, context))
        case .newReferral?:
            guard let patient = context.patient?.patient.id else { return (true, [.message(s.needPatient, isError: true)]) }
            return (true, run(.newReferral(patient), context))
        case .reload?:
            state.reload(context)
            return (true, [.message(s.reloaded, isError: false)])
        case nil:
            return (false, [])
        }
    }

    private func overlayAction(_ event: Event) -> ReferralsAction? {
        let asking: Bool
        switch state.overlay {
        case .menu:
            switch event {
            case .key(.up), .key(.char("k")): return .menuUp
            case .key(.down), .key(.char("j")): return .menuDown
            case .key(.enter): return .menuChoose
            case .key(.escape): return .close
            default: return nil
            }
        case .confirm(_, _, _, let yes):
            asking = yes
        case .form(let form):
            guard let yes = form.discarding else { return .form(event) }
            asking = yes
        case nil:
            return nil
        }
        guard case .key(let key) = event else { return nil }
        switch YesNo.answer(key, yesSelected: asking) {
        case .toggle: return .confirmToggle
        case .yes: return .confirmYes
        case .no: return .confirmNo
        case .ignored: return nil
        }
    }

    private func detailScroll(_ key: Key, _ context: ScreenContext) -> Int? {
        switch key {
        case .up, .char("k"): return -1
        case .down, .char("j"): return 1
        case .pageUp: return -max(1, context.bodyHeight - 4)
        case .pageDown: return max(1, context.bodyHeight - 4)
        default: return nil
        }
    }

    private mutating func run(_ action: ReferralsAction, _ context: ScreenContext) -> [ScreenCommand] {
        let s = ReferralsStrings.of(context.language)
        let rows = ReferralsView.tableRows(width: context.bodyWidth, height: context.bodyHeight, state: state)
        var commands: [ScreenCommand] = []
        for effect in ReferralsReducer.reduce(&state, action, today: context.today, strings: s, visibleRows: rows) {
            switch effect {
            case .reload: state.reload(context)
            case .create(let new): commands += create(new, context, s)
            case .apply(let id, let version, let step, let task): commands += apply(id, version, step, task, context, s)
            }
        }
        if state.overlay == nil { state.dialogNote = nil }
        return commands
    }

    private mutating func create(_ new: NewReferral, _ context: ScreenContext, _ s: ReferralsStrings) -> [ScreenCommand] {
        do {
            let made = try context.store.createReferral(new, at: context.now, as: context.session.context)
            state.overlay = nil
            if state.tab == .inbox { state.tab = .outbox }
            state.reload(context, select: made.id)
            return [.reloadPatient, .message(s.created(state.unitName(made.toUnitId)), isError: false)]
        } catch {
            return [failure(error, context, s)]
        }
    }

    private mutating func apply(_ id: RecordID, _ version: Int, _ step: ReferralAction, _ task: String?,
                                _ context: ScreenContext, _ s: ReferralsStrings) -> [ScreenCommand] {
        do {
            let next = try context.store.applyReferral(id, step, expectedVersion: version, at: context.now,
                                                      comment: "", as: context.session.context)
            state.overlay = nil
            state.reload(context, select: id)
            let done = s.done(s.step(step.kind), s.state(next.state))
            var commands: [ScreenCommand] = [task.map { sendTask($0, about: next, done, context) }
                                             ?? .message(done, isError: false)]
            if next.patientId == context.patient?.patient.id { commands.insert(.reloadPatient, at: 0) }
            return commands
        } catch {
            let message = failure(error, context, s)
            if case StoreError.conflict = error {
                // The lists now show what the other user did; a retry is judged against it.
                state.reload(context, select: id)
                if case .form(var form) = state.overlay, case .step(_, _, let kind) = form.purpose,
                   let fresh = ReferralsReducer.find(id, in: state) {
                    form.purpose = .step(id, version: fresh.version, kind)
                    state.overlay = .form(form)
                    // The colleague's version beside the input, which is kept for a retry.
                    state.cacheNames(fresh.history.suffix(1).map(\.staffId), context)
                    state.dialogNote = state.colleagueNote(fresh, s)
                }
            }
            if case .confirm = state.overlay { state.overlay = nil }
            return [message]
        }
    }

    /// The task a reply or rejection left for the sending unit, written after the step was
    /// saved; the step stands whether or not the task can be written, and the message says which.
    private mutating func sendTask(_ text: String, about referral: Referral, _ done: String,
                                   _ context: ScreenContext) -> ScreenCommand {
        let t = ReferralTaskStrings.of(context.language)
        do {
            _ = try context.store.addTask(referral.patientId, text: text, toStaff: nil, toUnit: referral.fromUnitId,
                                          due: nil, priority: .normal, as: context.session.context)
            return .message(t.written(done, state.unitName(referral.fromUnitId)), isError: false)
        } catch {
            return .message(t.failed(done, context.strings.describe(error, prefixed: false)), isError: true)
        }
    }

    /// The store's and the domain's refusals in the user's words; the form stays as typed.
    private mutating func failure(_ error: any Error, _ context: ScreenContext, _ s: ReferralsStrings) -> ScreenCommand {
        switch error {
        case StoreError.conflict(let by, let at):
            state.cacheNames([by], context)
            return .message(s.conflict(state.staffName(by), WallClock.time(at)), isError: true)
        case let e as ReferralError:
            return .message(s.refusal(e), isError: true)
        default:
            return .message(context.strings.describe(error), isError: true)
        }
    }

    /// The boxes are read when the screen opens, so the first frame shows what is stored.
    public mutating func appear(_ context: ScreenContext) -> [ScreenCommand] {
        state.prepare(context)
        return []
    }

    /// The unit's queues are read once and kept while the nurse looks elsewhere.
    public var keepsStateWhenLeft: Bool { true }

    public mutating func refresh(_ context: ScreenContext) {
        state.prepare(context)
        state.reload(context, select: state.selected(today: context.today)?.referral.id)
        // A dialog never changes its subject: it stays on its referral and says what changed.
        if let (id, version) = state.dialogReferral, let fresh = ReferralsReducer.find(id, in: state),
           fresh.version != version {
            state.cacheNames(fresh.history.suffix(1).map(\.staffId), context)
            state.dialogNote = state.colleagueNote(fresh, ReferralsStrings.of(context.language))
        }
    }

    public func render(in area: Rect, buffer: inout Buffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        // Render never reads the store: the boxes were read on appear, on keys and on
        // refresh; only the open patient's referrals, which come with the record, follow here.
        var shown = state
        shown.syncPatient(context)
        let view = ReferralsView(state: shown, strings: ReferralsStrings.of(context.language), global: context.strings,
                                 today: context.today, glyphs: context.glyphs)
        view.render(in: area, buffer: &buffer)
        return view.cursorPosition(in: area)
    }
}
