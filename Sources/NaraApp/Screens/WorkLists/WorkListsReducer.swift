import NaraDomain
import TerminalUI

enum WorkListsReducer {
    /// `visibleRows` is how many patient rows the open list shows: page moves go that
    /// far, and the scroll offset follows the selection.
    static func reduce(_ state: inout WorkListsState, _ action: WorkListsAction,
                       visibleRows: Int = 15) -> [WorkListsEffect] {
        let page = max(1, visibleRows)
        switch action {
        case .move(let move):
            if state.open == nil {
                state.lists.apply(move, count: state.kinds.count, page: state.kinds.count)
            } else {
                state.patients.apply(move, count: state.rows.count, page: page)
            }
        case .open:
            if state.open != nil {
                if let row = state.selectedRow { return [.openPatient(row.patient.id)] }
            } else if let kind = state.selectedKind {
                state.open = kind
                state.loaded = []
                state.filter = ListFilter()
                state.applyFilter()
                state.patients = ListState()
                return [.load(kind, logged: true)]
            }
        case .back:
            // Esc on a filtered list first shows the whole list again.
            if state.filter.isFiltering {
                state.filter.clear()
                return refiltered(&state, page: page)
            }
            state.open = nil
            state.loaded = []
            state.filter = ListFilter()
            state.applyFilter()
            state.patients = ListState()
        case .take:
            if let kind = state.open, let row = state.selectedRow { return [.take(kind, row.patient.id)] }
        case .beginHandled:
            if state.open != nil, let row = state.selectedRow {
                state.note = TextFieldState(maxLength: WorkListClaim.noteLimit)
                state.noteFor = row.patient.id
            }
        case .note(let event):
            return note(&state, event)
        case .noteRefused:
            break
        case .contacts:
            if state.open != nil, let row = state.selectedRow { return [.openContacts(row.patient.id)] }
        case .newTask:
            if state.open != nil, let row = state.selectedRow { return [.openDayForm("task", row.patient.id)] }
        case .newCareRequest:
            if state.open != nil, let row = state.selectedRow { return [.openDayForm("request", row.patient.id)] }
        case .claimed(let patient, let claim):
            if let i = state.loaded.firstIndex(where: { $0.patient.id == patient }) { state.loaded[i].claim = claim }
            state.loaded = WorkListClaim.ordered(state.loaded)
            if state.noteFor == patient {
                state.note = nil
                state.noteFor = nil
            }
            let left = state.leftToDo
            if let kind = state.open, state.counts != nil { state.counts?[kind] = left }
            // A row just handled goes down among the done ones; the cursor stays where it
            // was, on the next row to do, as one works down a list.
            guard claim?.isHandled == true, let at = state.patients.selected else { return refiltered(&state, page: page) }
            state.applyFilter()
            state.patients.select(at, count: state.rows.count)
            state.patients.scrollToSelection(visibleRows: page, count: state.rows.count)
        case .beginFilter:
            if state.open != nil { state.filter.begin() }
        case .filter(let event):
            switch state.filter.handle(event) {
            case .changed, .cleared: return refiltered(&state, page: page)
            case .kept, .ignored: break
            }
        case .refresh:
            return [.count] + (state.open.map { [.load($0, logged: false)] } ?? [])
        case .counted(let counts):
            state.counts = counts
        case .loaded(let kind, let rows):
            guard state.open == kind else { return [] }
            // A reload keeps the nurse on the patient she had selected, if still there.
            state.loaded = rows
            let left = state.leftToDo
            if state.counts != nil { state.counts?[kind] = left }
            return refiltered(&state, page: page)
        }
        return []
    }

    /// The note line takes every key: Enter asks the store, Esc gives up the note.
    private static func note(_ state: inout WorkListsState, _ event: Event) -> [WorkListsEffect] {
        guard var field = state.note, let patient = state.noteFor, let kind = state.open else { return [] }
        switch event {
        case .key(.enter):
            return [.handled(kind, patient, note: field.text)]
        case .key(.escape):
            state.note = nil
            state.noteFor = nil
        case .paste(let text):
            field.insert(text)
            state.note = field
        case .key(let key):
            _ = field.handle(key)
            state.note = field
        default:
            break
        }
        return []
    }

    /// The rows again after a load or a new filter, the selection kept on the same patient
    /// while it is still shown.
    private static func refiltered(_ state: inout WorkListsState, page: Int) -> [WorkListsEffect] {
        let old = state.selectedRow?.patient.id
        state.applyFilter()
        let kept = old.flatMap { id in state.rows.firstIndex { $0.patient.id == id } }
        state.patients.select(kept ?? (state.patients.selected ?? 0), count: state.rows.count)
        state.patients.scrollToSelection(visibleRows: page, count: state.rows.count)
        return []
    }

}
