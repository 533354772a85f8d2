import NaraDomain
import TerminalUI

enum SearchReducer {
    /// `visibleRows` is how many result rows the screen shows: page moves go that far,
    /// and the scroll offset follows the selection.
    static func reduce(_ state: inout SearchState, _ action: SearchAction, visibleRows: Int = 15) -> [Effect] {
        defer { state.list.scrollToSelection(visibleRows: visibleRows, count: state.results.count) }
        let count = state.results.count
        let page = visibleRows
        switch action {
        case .edit(let key):
            guard state.field.handle(key) else { return [] }
            return searchIfChanged(&state)
        case .paste(let text):
            state.field.insert(text)
            return searchIfChanged(&state)
        case .moveUp: state.list.moveUp(count: count)
        case .moveDown: state.list.moveDown(count: count)
        case .pageUp: state.list.pageUp(count: count, page: page)
        case .pageDown: state.list.pageDown(count: count, page: page)
        case .first: state.list.first(count: count)
        case .last: state.list.last(count: count)
        case .open:
            if let patient = state.selected { return [.openRecord(patient.id)] }
        case .results(let rows, let query):
            guard query == state.field.trimmed else { return [] }
            state.results = rows
            state.truncated = rows.count >= SearchState.limit
            state.list = ListState()
            state.list.select(rows.isEmpty ? nil : 0, count: rows.count)
        }
        return []
    }

    private static func searchIfChanged(_ state: inout SearchState) -> [Effect] {
        let query = state.field.trimmed
        guard query != state.searchedFor else { return [] }
        state.searchedFor = query
        if query.isEmpty {
            state.results = []
            state.list = ListState()
            state.truncated = false
            return []
        }
        return [.searchPatients(query)]
    }
}
