import Foundation
import NaraDomain
import TerminalUI

/// The program without a terminal: events in, state changes, effects run against the
/// store, frames out. The ncurses loop and the tests drive the same object, so what a
/// test presses is what a nurse presses.
public final class App {
    public private(set) var state: AppState
    let store: any CareStore
    let clock: any NaraDomain.Clock
    let globalKeys: Keymap<AppAction>

    public init(store: any CareStore, session: Session, language: Language, width: Int, height: Int,
                clock: any NaraDomain.Clock = SystemClock()) {
        self.store = store
        self.clock = clock
        let strings = language.strings
        state = AppState(session: session, strings: strings, width: width, height: height, now: clock.now,
                         timeZone: clock.timeZone)
        globalKeys = GlobalKeymap.make(strings)
    }

    public var shouldQuit: Bool { state.shouldQuit }

    /// The bindings of the screen on top, for help and the function-key bar.
    public var screenKeys: Keymap<AppAction>? {
        switch state.top {
        case .search: return SearchKeymap.make(state.strings)
        case .placeholder: return nil
        }
    }

    public func handle(_ event: Event) {
        switch event {
        case .resize(let w, let h):
            state.width = w
            state.height = h
        case .tick:
            state.now = clock.now
            refreshIfOthersChanged()
        case .paste(let text):
            guard state.overlay == nil, case .search = state.top else { return }
            reduceSearch(.paste(text))
        case .key(let key):
            route(key)
        }
    }

    public func handle(_ events: [Event]) { events.forEach(handle) }

    private func route(_ key: Key) {
        if state.overlay != nil { return handleOverlay(key) }
        if state.textFieldHasFocus && key.isPrintable {
            if case .char("/") = key, case .search = state.top {
                // "/" on the search screen starts a new search.
                return reduceSearch(.edit(.ctrl("u")))
            }
            return reduceSearch(.edit(key))
        }
        if let action = globalKeys.action(for: key) { return dispatch(action) }
        switch state.top {
        case .search:
            if let action = SearchKeymap.action(for: key) { return reduceSearch(action) }
            reduceSearch(.edit(key))
        case .placeholder:
            break
        }
    }

    func dispatch(_ action: AppAction) {
        state.message = nil
        switch action {
        case .showHelp: state.overlay = .help(scroll: 0)
        case .go(let screen): go(screen)
        case .back: back()
        case .quit:
            if state.hasUnsavedInput {
                state.overlay = .confirmQuit(text: state.strings.confirmQuitUnsaved, yesSelected: false)
            } else {
                state.shouldQuit = true
            }
        case .interrupt: state.overlay = .confirmQuit(text: state.strings.confirmQuitCtrlC, yesSelected: false)
        case .redraw: run(.redraw)
        case .search(let a): reduceSearch(a)
        }
    }

    private func go(_ screen: ScreenID) {
        if screen == .search {
            state.stack.removeSubrange(1...)
            return
        }
        if state.top.id == screen { return }
        state.stack.removeSubrange(1...)
        state.stack.append(.placeholder(screen))
    }

    private func back() {
        if state.stack.count > 1 {
            state.stack.removeLast()
        } else if case .search(let s) = state.top, !s.field.isEmpty {
            reduceSearch(.edit(.ctrl("u")))
            reduceSearch(.edit(.ctrl("k")))
        }
    }

    private func handleOverlay(_ key: Key) {
        switch state.overlay {
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
            switch key {
            case .left, .right, .tab, .backTab: state.overlay = .confirmQuit(text: text, yesSelected: !yes)
            case .char("j"), .char("J"), .char("y"), .char("Y"): state.shouldQuit = true
            case .char("n"), .char("N"), .escape: state.overlay = nil
            case .enter: if yes { state.shouldQuit = true } else { state.overlay = nil }
            case .ctrl("c"): state.shouldQuit = true
            default: break
            }
        case nil:
            break
        }
    }

    private func reduceSearch(_ action: SearchAction) {
        guard case .search(var s) = state.top else { return }
        let body = max(0, state.height - 3)
        let effects = SearchReducer.reduce(&s, action, visibleRows: SearchView.visibleRows(bodyHeight: body))
        state.top = .search(s)
        effects.forEach(run)
    }

    /// Runs an effect synchronously: the store answers in micro- to milliseconds, and a
    /// synchronous effect keeps tests free of waiting.
    func run(_ effect: Effect) {
        do {
            switch effect {
            case .searchPatients(let query):
                let rows = try store.searchPatients(query, limit: SearchState.limit)
                reduceSearch(.results(rows, query: query))
            case .openRecord(let id):
                state.patient = try store.openRecord(id, as: state.session.context)
                go(.overview)
            case .redraw:
                redrawRequested = true
            }
        } catch {
            state.message = Message(text: "\(state.strings.errorPrefix) \(error)", kind: .error)
        }
    }

    /// Set by Ctrl-L; the runner repaints the whole terminal and clears it.
    public var redrawRequested = false

    private func refreshIfOthersChanged() {
        guard (try? store.hasChanged()) == true else { return }
        if case .search(var s) = state.top, !s.searchedFor.isEmpty {
            let query = s.searchedFor
            s.searchedFor = ""
            state.top = .search(s)
            let selected = s.selected?.id
            run(.searchPatients(query))
            if let selected, case .search(var again) = state.top,
               let index = again.results.firstIndex(where: { $0.id == selected }) {
                again.list.select(index, count: again.results.count)
                state.top = .search(again)
            }
        }
    }
}
