import NaraDomain
import TerminalUI

enum WorkListsReducer {
    /// `visibleRows` is how many patient rows the open list shows: page moves go that
    /// far, and the scroll offset follows the selection.
    static func reduce(_ state: inout WorkListsState, _ action: WorkListsAction,
                       visibleRows: Int = 15) -> [WorkListsEffect] {
        let page = max(1, visibleRows)
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            if state.open == nil {
                move(&state.lists, action, count: state.kinds.count, page: page)
                state.lists.scrollToSelection(visibleRows: state.kinds.count, count: state.kinds.count)
            } else {
                move(&state.patients, action, count: state.rows.count, page: page)
                state.patients.scrollToSelection(visibleRows: page, count: state.rows.count)
            }
        case .open:
            if state.open != nil {
                if let row = state.selectedRow { return [.openPatient(row.patient.id)] }
            } else if let kind = state.selectedKind {
                state.open = kind
                state.rows = []
                state.patients = ListState()
                return [.load(kind, logged: true)]
            }
        case .back:
            state.open = nil
            state.rows = []
            state.patients = ListState()
        case .refresh:
            return [.count] + (state.open.map { [.load($0, logged: false)] } ?? [])
        case .counted(let counts):
            state.counts = counts
        case .loaded(let kind, let rows):
            guard state.open == kind else { return [] }
            // A reload keeps the nurse on the patient she had selected, if still there.
            let kept = state.selectedRow.flatMap { old in rows.firstIndex { $0.patient.id == old.patient.id } }
            state.rows = rows
            state.patients.select(kept ?? (state.patients.selected ?? 0), count: rows.count)
            state.patients.scrollToSelection(visibleRows: page, count: rows.count)
            if state.counts != nil { state.counts?[kind] = rows.count }
        }
        return []
    }

    private static func move(_ list: inout ListState, _ action: WorkListsAction, count: Int, page: Int) {
        switch action {
        case .moveUp: list.moveUp(count: count)
        case .moveDown: list.moveDown(count: count)
        case .pageUp: list.pageUp(count: count, page: page)
        case .pageDown: list.pageDown(count: count, page: page)
        case .first: list.first(count: count)
        case .last: list.last(count: count)
        default: break
        }
    }
}
