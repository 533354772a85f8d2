import TerminalUI

/// An open form's input as a screen hands it over when the session ends without the
/// user choosing, and takes it back at the next start. `form` names which form, in the
/// screen's own words; fields go by id, so a translated label changes nothing.
public struct ScreenDraft: Hashable, Sendable {
    public var form: String
    public var fields: [String: String]
    public var focus: Int

    public init(form: String, fields: [String: String], focus: Int) {
        self.form = form
        self.fields = fields
        self.focus = focus
    }

    /// The input of `state` under the name `form`.
    init(form: String, _ state: FormState) {
        self.init(form: form, fields: Dictionary(state.fields.map { ($0.id, $0.state.text) }) { a, _ in a },
                  focus: state.focus)
    }

    /// Puts the kept text back into a freshly opened form of the same kind.
    func fill(_ state: inout FormState) {
        for (id, text) in fields { state[id] = text }
        if state.fields.indices.contains(focus) { state.focus = focus }
    }
}
