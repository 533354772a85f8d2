import NaraDomain
import TerminalUI

/// An open form's input, kept when the session ends without the user choosing, and put
/// back at the next start. The form's name carries whom it is about, which need not be
/// the open record's patient.
extension MyDayScreen {
    public func draft() -> ScreenDraft? {
        guard let form = state.form, form.fields.hasInput else { return nil }
        let name = switch form.kind {
        case .completeTask(let p, let task): "done:\(p.rawValue):\(task)"
        case .newTask(let p): "task:\(p.rawValue)"
        case .newCareRequest(let p): "request:\(p.rawValue)"
        case .plannedContact(let p): "plan:\(p.rawValue)"
        }
        return ScreenDraft(form: name, form.fields)
    }

    public mutating func restore(_ draft: ScreenDraft, _ context: ScreenContext) -> Bool {
        let parts = draft.form.split(separator: ":").map(String.init)
        guard parts.count >= 2, let raw = Int64(parts[1]) else { return false }
        let patient = PatientID(rawValue: raw)
        let kind: MyDayFormKind
        switch (parts[0], parts.count) {
        case ("done", 3): guard let task = Int64(parts[2]) else { return false }; kind = .completeTask(patient, taskId: task)
        case ("task", 2): kind = .newTask(patient)
        case ("request", 2): kind = .newCareRequest(patient)
        case ("plan", 2): kind = .plannedContact(patient)
        default: return false
        }
        // Whom the form is about, read through the door like any identification.
        guard let summary = try? context.store.patientSummary(patient, as: context.session.context) else { return false }
        var form = MyDayForms.make(kind, label: MyDayReducer.label(summary, context.strings),
                                   MyDayStrings.of(context.language))
        draft.fill(&form.fields)
        state.form = form
        return true
    }
}
