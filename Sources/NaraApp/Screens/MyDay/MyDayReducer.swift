import NaraDomain
import TerminalUI

enum MyDayReducer {
    /// `visibleRows` is how many rows the list shows: page moves go that far.
    static func reduce(_ state: inout MyDayState, _ action: MyDayAction, words: MyDayStrings, global: Strings,
                       visibleRows: Int = 15) -> [MyDayEffect] {
        let page = max(1, visibleRows)
        switch action {
        case .move(let move):
            if state.tab == .day {
                state.list.apply(move, count: state.rows.count, page: page)
            } else {
                state.patientList.apply(move, count: state.patients.count, page: page)
            }
        case .open:
            if let patient = state.selectedPatient { return [.openPatient(patient.id)] }
        case .switchTab:
            state.tab = state.tab == .day ? .patients : .day
            state.filter = ListFilter()
            state.applyFilter()
            return state.tab == .patients ? [.loadPatients] : [.load]
        case .contactMade, .assessed, .noAnswer:
            guard state.tab == .day, case .careRequest(let row)? = state.selectedItem else { return [.nothingSelected] }
            let (patient, id) = (row.patient.id, row.request.id)
            switch action {
            case .contactMade: return [.recordContact(patient, id: id)]
            case .assessed: return [.recordAssessment(patient, id: id)]
            default: return [.recordNoAnswer(patient, id: id)]
            }
        case .done:
            guard state.tab == .day, case .task(let row)? = state.selectedItem else { return [.nothingSelected] }
            state.form = MyDayForms.make(.completeTask(row.patient.id, taskId: row.task.id),
                                         label: label(row.patient, global), words)
        case .newTask(let open), .newCareRequest(let open), .plan(let open):
            // The selected row's patient, else (and for the capital key) the open record's.
            let selected = open ? nil : state.selectedPatient.map { MyDayPatient(id: $0.id, label: label($0, global)) }
            guard let patient = selected ?? state.openPatient else { return [.nothingSelected] }
            let kind: MyDayFormKind = switch action {
            case .newTask: .newTask(patient.id)
            case .newCareRequest: .newCareRequest(patient.id)
            default: .plannedContact(patient.id)
            }
            state.form = MyDayForms.make(kind, label: patient.label, words)
        case .form(let event):
            guard var form = state.form else { return [] }
            switch form.fields.handle(event) {
            case .cancel: state.form = nil
            case .submit:
                state.form = form
                return [.submit(form)]
            case .consumed, .ignored:
                state.form = form
            }
        case .formErrors(let errors):
            state.form?.fields.setErrors(errors)
        case .saved:
            state.form = nil
            return [state.tab == .day ? .load : .loadPatients]
        case .refresh:
            return [state.tab == .day ? .load : .loadPatients]
        case .back:
            if state.filter.isFiltering {
                state.filter.clear()
                refiltered(&state, page: page)
            }
        case .beginFilter:
            state.filter.begin()
        case .filter(let event):
            switch state.filter.handle(event) {
            case .changed, .cleared: refiltered(&state, page: page)
            case .kept, .ignored: break
            }
        case .loaded(let load):
            state.loaded = load.items
            state.hasLoaded = true
            refiltered(&state, page: page)
        case .loadedPatients(let rows):
            state.patientsLoaded = rows
            refiltered(&state, page: page)
        case .seen(let since):
            state.since = since
        }
        return []
    }

    static func label(_ p: PatientSummary, _ s: Strings) -> String {
        "\(p.name ?? s.protectedIdentity) \(p.identifier.display)"
    }

    /// The rows again after a read or a new filter, the selection kept on the same row
    /// (else the same patient) while it is still shown.
    private static func refiltered(_ state: inout MyDayState, page: Int) {
        let item = state.selectedItem
        let patient = state.selectedPatientRow?.patient.id
        state.applyFilter()
        let kept = item.flatMap { old in state.rows.firstIndex(of: old) ?? state.rows.firstIndex { $0.patient.id == old.patient.id } }
        state.list.select(kept ?? (state.list.selected ?? 0), count: state.rows.count)
        state.list.scrollToSelection(visibleRows: page, count: state.rows.count)
        let keptPatient = patient.flatMap { id in state.patients.firstIndex { $0.patient.id == id } }
        state.patientList.select(keptPatient ?? (state.patientList.selected ?? 0), count: state.patients.count)
        state.patientList.scrollToSelection(visibleRows: page, count: state.patients.count)
    }
}
