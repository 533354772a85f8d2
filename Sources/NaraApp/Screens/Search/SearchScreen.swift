import NaraDomain
import TerminalUI

/// The start screen as a `ScreenModel`: the reducer does the work, store searches run
/// right away (the store answers in milliseconds), Enter opens the record.
public struct SearchScreen: ScreenModel {
    public var state = SearchState()
    public let id = ScreenID.search

    public init() {}

    public var textFieldHasFocus: Bool { true }

    public func help(_ strings: Strings) -> HelpSection? { HelpSection(SearchKeymap.make(strings)) }

    public mutating func handle(_ event: Event, _ context: ScreenContext) -> (handled: Bool, commands: [ScreenCommand]) {
        let action: SearchAction
        switch event {
        case .paste(let text): action = .paste(text)
        case .key(.char("/")): action = .edit(.ctrl("u")) // "/" here starts a new search
        case .key(.escape):
            guard !state.field.isEmpty else { return (false, []) }
            state.field.clear()
            return (true, run(.edit(.ctrl("u")), context))
        case .key(let key):
            if let mapped = SearchKeymap.make(context.strings).action(for: key) {
                action = mapped
            } else {
                action = .edit(key)
            }
        default:
            return (false, [])
        }
        return (true, run(action, context))
    }

    private mutating func run(_ action: SearchAction, _ context: ScreenContext) -> [ScreenCommand] {
        let rows = SearchView.visibleRows(bodyHeight: context.bodyHeight)
        var commands: [ScreenCommand] = []
        for effect in SearchReducer.reduce(&state, action, visibleRows: rows) {
            switch effect {
            case .searchPatients(let query):
                do {
                    let found = try context.store.searchPatients(query, limit: SearchState.limit, as: context.session.context)
                    _ = SearchReducer.reduce(&state, .results(found, query: query), visibleRows: rows)
                } catch {
                    commands.append(.message(context.strings.describe(error), isError: true))
                }
            case .openRecord(let id):
                commands.append(.openPatient(id))
            case .redraw:
                break
            }
        }
        return commands
    }

    public mutating func refresh(_ context: ScreenContext) {
        guard !state.searchedFor.isEmpty else { return }
        let query = state.searchedFor
        let selected = state.selected?.id
        guard let found = try? context.store.searchPatients(query, limit: SearchState.limit, as: context.session.context) else { return }
        let rows = SearchView.visibleRows(bodyHeight: context.bodyHeight)
        _ = SearchReducer.reduce(&state, .results(found, query: query), visibleRows: rows)
        if let selected, let index = found.firstIndex(where: { $0.id == selected }) {
            state.list.select(index, count: found.count)
            state.list.scrollToSelection(visibleRows: rows, count: found.count)
        }
    }

    public func render(in area: Rect, buffer: inout Buffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        let view = SearchView(state: state, strings: context.strings, today: context.today,
                              glyphs: context.glyphs)
        view.render(in: area, buffer: &buffer)
        return view.cursorPosition(in: area)
    }
}
