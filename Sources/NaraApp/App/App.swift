import Foundation
import NaraDomain
import TerminalUI

/// The program without a terminal: events in, state changes, store calls, frames out.
/// The ncurses loop and the tests drive the same object, so what a test presses is what
/// a nurse presses.
public final class App {
    public internal(set) var state: AppState
    let store: any CareStore
    let clock: any NaraDomain.Clock
    let globalKeys: Keymap<AppAction>
    /// Box and chart glyphs, so screens draw ASCII where the terminal needs it.
    public var glyphs: Glyphs = .unicode
    /// Set by Ctrl-L; the runner repaints the whole terminal.
    public var redrawRequested = false

    public init(store: any CareStore, session: Session, language: Language, width: Int, height: Int,
                clock: any NaraDomain.Clock = SystemClock()) {
        self.store = store
        self.clock = clock
        // Read before any screen reads, so a commit made while they do is seen on the first tick.
        let watched = ChangeScope(unit: session.unit.id)
        let first = try? store.changeStamp(watched)
        let strings = language.strings
        state = AppState(session: session, strings: strings, width: width, height: height, now: clock.now,
                         timeZone: clock.timeZone)
        globalKeys = GlobalKeymap.make(strings)
        if let first { _ = changes.take(watched, first) }
        offerDraft()
    }

    public var shouldQuit: Bool { state.shouldQuit }

    /// Min dag for those whose roles read clinical information; search for the others
    /// (administration, log review, a secretary), who start by finding a patient.
    public static func startScreen(for staff: Staff) -> ScreenID {
        staff.rights.contains(.readClinical) ? .myDay : .search
    }

    /// Shows `screen` above search at the start, so search stays one key (F2, `/`, Esc) away.
    public func start(at screen: ScreenID) {
        guard screen != .search, state.overlay == nil else { return }
        go(screen)
    }

    var context: ScreenContext {
        // Writes about a record opened through emergency access carry its reason, so the
        // store can flag them when no relationship covers them.
        var session = state.session
        session.context.emergencyReason = state.patientEmergencyReason
        return ScreenContext(store: store, session: session, strings: state.strings, now: state.now,
                      today: state.today, bodyWidth: state.width, bodyHeight: state.bodyHeight,
                      patient: state.patient, glyphs: glyphs)
    }

    public func handle(_ events: [Event]) { events.forEach(handle) }

    public func handle(_ event: Event) {
        switch event {
        case .resize(let w, let h):
            state.width = w
            state.height = h
        case .tick:
            state.now = clock.now
            refreshIfOthersChanged()
            var top = state.top
            top.tick(context)
            state.top = top
        case .paste:
            if case .emergency(var access) = state.overlay {
                _ = access.handle(event)
                state.overlay = .emergency(access)
            } else if state.overlay == nil {
                _ = toScreen(event)
            }
        case .key(let key):
            route(key)
        }
    }

    private func route(_ key: Key) {
        if state.overlay != nil { return handleOverlay(key) }
        if key == .ctrl("c") { return dispatch(.interrupt) }
        // One key policy for every screen, form and dialog: the function keys are the
        // program's. F1 helps over the form, F10 quits, F2–F7 go, asking first about input.
        if case .function = key, let action = globalKeys.action(for: key) {
            if case .go(let id) = action, id != state.top.id, state.hasUnsavedInput {
                state.overlay = .leaveWithInput(selected: 2, then: action)
                return
            }
            return dispatch(action)
        }
        if state.top.capturesKeys || (state.textFieldHasFocus && key.isPrintable) {
            if toScreen(.key(key)) { return }
        }
        if let action = globalKeys.action(for: key), !(state.textFieldHasFocus && key.isPrintable) {
            // Esc belongs to the screen first: it may close a dialog or clear a filter; and
            // `/` filters a screen's list where it has one, and finds a patient elsewhere.
            if action == .back || key == .char("/"), toScreen(.key(key)) { return }
            return dispatch(action)
        }
        _ = toScreen(.key(key))
    }

    /// Gives an event to the screen on top and carries out what it asks.
    @discardableResult
    private func toScreen(_ event: Event) -> Bool {
        var screen = state.top
        let (handled, commands) = screen.handle(event, context)
        state.top = screen
        if handled { state.message = nil }
        commands.forEach(perform)
        return handled
    }

    func perform(_ command: ScreenCommand) {
        switch command {
        case .openPatient(let id): openRecord(id)
        case .openPatientOn(let id, let screen):
            openRecord(id)
            if state.patient?.patient.id == id && state.overlay == nil { go(screen) }
        case .openForm(let id, let form):
            go(id)
            var screen = state.top
            guard screen.id == id, screen.restore(form, context) else { break }
            state.top = screen
        case .reloadPatient:
            if let id = state.patient?.patient.id {
                openRecord(id, show: false, emergencyReason: state.patientEmergencyReason)
            }
        case .go(let screen): go(screen)
        case .back: back()
        case .message(let text, let isError): state.message = Message(text: text, kind: isError ? .error : .info)
        case .askConsent: askConsent()
        }
    }

    func dispatch(_ action: AppAction) {
        state.message = nil
        switch action {
        case .showHelp: state.overlay = .help(scroll: 0)
        case .go(let screen):
            go(screen)
            offerKeptDraft()
        case .back: back()
        // F10 and Ctrl-C are one decision: with input in a form, keep it, throw it away or stay.
        case .quit, .interrupt:
            if state.hasUnsavedInput {
                state.overlay = .leaveWithInput(selected: 2, then: action)
            } else if action == .quit {
                state.shouldQuit = true
            } else {
                state.overlay = .confirmQuit(text: state.strings.confirmQuitCtrlC, yesSelected: false)
            }
        case .redraw: redrawRequested = true
        }
    }

    private func go(_ id: ScreenID) {
        if id == .search {
            leave(from: 1)
            return
        }
        if state.top.id == id { return }
        if let index = state.stack.firstIndex(where: { $0.id == id }) {
            leave(from: index + 1)
            return
        }
        if let kept = parked.removeValue(forKey: id) {
            state.stack.append(kept)
            return
        }
        var screen = ScreenFactory.make(id)
        let commands = screen.appear(context)
        state.stack.append(screen)
        commands.forEach(perform)
    }

    private func back() {
        if state.stack.count > 1 { leave(from: state.stack.count - 1) }
    }

    /// Screens left behind that are worth keeping (`keepsStateWhenLeft`).
    private var parked: [ScreenID: any ScreenModel] = [:]
    /// A form's input was kept as a draft when its screen was left: offered on return.
    var keptDraftThisSession = false
    /// Kept screens that others' commits may have made out of date.
    private var staleParked: Set<ScreenID> = []

    /// Takes the screens from `index` up off the stack, keeping those worth keeping.
    private func leave(from index: Int) {
        guard index < state.stack.count else { return }
        for screen in state.stack[index...] where screen.keepsStateWhenLeft && !screen.hasUnsavedInput {
            parked[screen.id] = screen
        }
        state.stack.removeSubrange(index...)
    }

    /// The screen on top has work it left for after the frame.
    public var hasIdleWork: Bool {
        state.overlay == nil && (state.top.hasIdleWork || staleParked.contains(state.top.id))
    }

    /// Does that work; the runner calls it when no key is waiting, then draws again.
    public func doIdleWork() {
        var screen = state.top
        if staleParked.remove(screen.id) != nil { screen.refresh(context) }
        let commands = screen.doIdleWork(context)
        state.top = screen
        commands.forEach(perform)
    }

    /// The change counters of the open record and the unit as last read, to tell
    /// whether a commit touched what this session shows.
    private var changes = ChangeWatch()

    /// Others' commits to the unit make the screens read again at once, and then at most
    /// once in this long. A unit's staff commit every few seconds; every session showing
    /// a unit's screen would otherwise read it again at each, which on a region's
    /// database is every session's queue and day many times a minute. A move of the open
    /// record is read at once.
    public static let unitRefreshInterval: TimeInterval = 10
    private var unitReads = HeldRead(interval: unitRefreshInterval)

    /// Opens a record through the store's door. Without a care relationship the door
    /// refuses and the two-step emergency access dialog takes over.
    func openRecord(_ id: PatientID, show: Bool = true, emergencyReason: String? = nil) {
        var context = state.session.context
        context.emergencyReason = emergencyReason
        do {
            // Read before the record, so a change committed in between is seen on the next tick.
            let stamp = try? store.changeStamp(ChangeScope(patient: id, unit: state.session.unit.id))
            state.patient = try store.openRecord(id, as: context)
            if let stamp { changes.opened(id, unit: state.session.unit.id, at: stamp) }
            state.patientEmergencyReason = emergencyReason
            if show {
                state.overlay = nil
                showOverview()
                if emergencyReason != nil { state.message = Message(text: state.strings.emergencyOpened, kind: .info) }
                if let hidden = state.patient?.hidden, hidden.blocked > 0 || !hidden.needingConsent.isEmpty {
                    state.message = Message(text: hidden.blocked > 0 ? state.strings.blockedNotice
                                                                     : state.strings.consentNeededNotice, kind: .error)
                }
            }
        } catch StoreError.emergencyAccessRequired {
            guard show else { return }
            let summary = try? store.patientSummary(id, as: state.session.context)
            let label = summary.map { ($0.name ?? state.strings.protectedIdentity) + " " + $0.identifier.display } ?? "\(id)"
            state.overlay = .emergency(EmergencyAccess(patient: id, label: label))
        } catch StoreError.accessDenied(.emergencyReasonRequired) {
            if case .emergency(var access) = state.overlay {
                access.error = state.strings.emergencyReasonTooShort
                state.overlay = .emergency(access)
            }
        } catch StoreError.accessDenied {
            state.overlay = nil
            state.message = Message(text: state.strings.accessDenied, kind: .error)
        } catch {
            state.message = Message(text: state.strings.describe(error), kind: .error)
        }
    }

    /// The overview of a patient just opened. Opened from a list (work lists, referrals),
    /// the list stays beneath it, so Esc goes back to the list and its place; opened from
    /// search, the patient's screens start afresh above it.
    private func showOverview() {
        if [.workLists, .referrals, .myDay].contains(state.top.id) {
            // The screens of the patient shown before go; the list stays.
            state.stack.removeAll { [.overview, .continuity].contains($0.id) }
            go(.overview)
        } else {
            leave(from: 1)
            go(.overview)
        }
    }

    private func handleOverlay(_ key: Key) {
        switch state.overlay {
        case .leaveWithInput(let selected, let then):
            func choose(_ choice: Int) {
                state.overlay = nil
                guard choice != 2 else { return }
                let kept = choice == 0 && sessionEnded()
                guard case .go(let id) = then else {
                    state.shouldQuit = true
                    return
                }
                // The form's screen goes with its input (kept in the store, or thrown away).
                if let i = state.stack.lastIndex(where: { $0.hasUnsavedInput }), i > 0 {
                    state.stack.removeSubrange(i...)
                }
                go(id)
                if kept {
                    keptDraftThisSession = true
                    state.message = Message(text: state.strings.draftKept, kind: .info)
                }
            }
            switch key {
            case .left, .backTab: state.overlay = .leaveWithInput(selected: (selected + 2) % 3, then: then)
            case .right, .tab: state.overlay = .leaveWithInput(selected: (selected + 1) % 3, then: then)
            case .char("u"), .char("U"), .char("d"), .char("D"), .ctrl("c"): choose(0)
            case .char("j"), .char("J"), .char("y"), .char("Y"): choose(1)
            case .char("n"), .char("N"), .escape: choose(2)
            case .enter: choose(selected)
            default: break
            }
        case .confirmConsent(let patient, let providers, let revoke, let text, let yes):
            switch YesNo.answer(key, yesSelected: yes) {
            case .toggle: state.overlay = .confirmConsent(patient, providers, revoke: revoke, text: text, yesSelected: !yes)
            case .yes: answerConsent(patient, providers, revoke: revoke)
            case .no: state.overlay = nil
            case .ignored: break
            }
        case .help(let scroll):
            switch key {
            case .escape, .function(1), .char("?"), .char("q"), .enter: state.overlay = nil
            case .down, .char("j"): state.overlay = .help(scroll: scroll + 1)
            case .up, .char("k"): state.overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown: state.overlay = .help(scroll: scroll + 10)
            case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
            default: break
            }
        case .confirmQuit(let text, let yes):
            // A second Ctrl-C is a yes: the way out of a program that asks.
            switch key == .ctrl("c") ? .yes : YesNo.answer(key, yesSelected: yes) {
            case .toggle: state.overlay = .confirmQuit(text: text, yesSelected: !yes)
            case .yes: state.shouldQuit = true
            case .no: state.overlay = nil
            case .ignored: break
            }
        case .restoreDraft(let draft, let text, let yes):
            switch YesNo.answer(key, yesSelected: yes) {
            case .toggle: state.overlay = .restoreDraft(draft, text: text, yesSelected: !yes)
            case .yes: restoreDraft(draft)
            case .no: discardDraft(draft)
            case .ignored: break
            }
        case .emergency(var access):
            switch access.handle(.key(key)) {
            case .stay: state.overlay = .emergency(access)
            case .cancel: state.overlay = nil
            case .open(let reason):
                if reason.count < AccessPolicy.minimumReasonLength {
                    access.error = state.strings.emergencyReasonTooShort
                    state.overlay = .emergency(access)
                } else {
                    state.overlay = .emergency(access)
                    openRecord(access.patient, emergencyReason: reason)
                }
            }
        case nil:
            break
        }
    }

    /// The nurse has left the session alone: the store gives back its caches.
    public func releaseMemory() {
        store.releaseMemory()
    }

    /// A commit touched the open record or the user's unit: the record is read again when
    /// it was the record, and every screen on the stack reads again what it shows, so a
    /// nurse sees a colleague's change within a tick. A commit about anything else (another
    /// unit's patient, a log row) makes the session read nothing but the two counters.
    private func refreshIfOthersChanged() {
        let scope = ChangeScope(patient: state.patient?.patient.id, unit: state.session.unit.id)
        guard let stamp = try? store.changeStamp(scope) else { return }
        let moved = changes.take(scope, stamp)
        if moved.record, let id = scope.patient {
            openRecord(id, show: false, emergencyReason: state.patientEmergencyReason)
        }
        let unitNow = moved.unit && unitReads.moved(at: state.now)
        guard moved.record || unitNow || unitReads.due(at: state.now) else { return }
        unitReads.read(at: state.now)
        let ctx = context
        for i in state.stack.indices {
            var screen = state.stack[i]
            screen.refresh(ctx)
            state.stack[i] = screen
        }
        // Kept screens read again only when they are shown again, after that frame.
        staleParked.formUnion(parked.keys)
    }
}
