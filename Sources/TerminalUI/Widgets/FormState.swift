/// One labelled input of a form. `id` is how the screen reads the value back, so labels
/// can be translated without touching the code that saves.
public struct FormField: Hashable, Sendable {
    public var id: String
    public var label: String
    public var state: TextFieldState
    /// A validation message for the current text; shown under the field.
    public var error: String?
    public var required: Bool
    /// A short help line ("ÅÅÅÅMMDD-NNNN") shown under the field while there is no error.
    public var hint: String?

    public init(id: String, label: String, state: TextFieldState = TextFieldState(), error: String? = nil,
                required: Bool = false, hint: String? = nil) {
        self.id = id
        self.label = label
        self.state = state
        self.error = error
        self.required = required
        self.hint = hint
    }

    public var text: String { state.text }
}

/// What a form did with an event, for the screen to act on.
public enum FormOutcome: Hashable, Sendable {
    /// The form used the event (moved focus, edited a field).
    case consumed
    /// Enter on the last field: the screen validates and saves.
    case submit
    /// Escape: the screen asks before discarding when `hasInput`.
    case cancel
    /// Not for the form (a function key, a tick): the screen's keymap may use it.
    case ignored
}

/// The fields of a form and which one has focus. Validation belongs to the screen (it
/// knows what a personnummer is); the form only carries the messages back to the
/// fields with `setErrors`.
public struct FormState: Hashable, Sendable {
    public var fields: [FormField]
    public var focus: Int

    public init(fields: [FormField]) {
        self.fields = fields
        self.focus = 0
    }

    /// The text of the field with this id; "" when there is none, and setting an
    /// unknown id does nothing, so a renamed field cannot crash a screen.
    public subscript(id: String) -> String {
        get { fields.first { $0.id == id }?.state.text ?? "" }
        set {
            guard let i = fields.firstIndex(where: { $0.id == id }) else { return }
            fields[i].state = TextFieldState(newValue, maxLength: fields[i].state.maxLength)
        }
    }

    /// Whether anything worth keeping has been typed: Escape on such a form should ask
    /// before throwing it away. Fields holding only spaces do not count.
    public var hasInput: Bool { fields.contains { !$0.state.trimmed.isEmpty } }

    public var firstErrorField: Int? { fields.firstIndex { $0.error != nil } }

    /// Sets a message on each field named in `errors` and clears all others, so stale
    /// messages from the previous attempt disappear. Focus moves to the first field
    /// with an error, where the nurse has to type next.
    public mutating func setErrors(_ errors: [String: String]) {
        for i in fields.indices { fields[i].error = errors[fields[i].id] }
        focusFirstError()
    }

    /// Moves focus to the first field with an error; false when there is none.
    @discardableResult
    public mutating func focusFirstError() -> Bool {
        guard let i = firstErrorField else { return false }
        focus = i
        return true
    }

    /// Tab and Down go forward, Shift-Tab and Up back, both wrapping around. Enter moves
    /// to the next field and submits only from the last one, so a form is filled top to
    /// bottom with Enter as on paper. A paste goes into the focused field and never
    /// submits, even when it holds newlines. Escape cancels. Other keys edit the
    /// focused field; what it does not take is `.ignored`.
    public mutating func handle(_ event: Event) -> FormOutcome {
        switch event {
        case .key(.escape):
            return .cancel
        case .key(.tab), .key(.down):
            moveFocus(by: 1)
            return .consumed
        case .key(.backTab), .key(.up):
            moveFocus(by: -1)
            return .consumed
        case .key(.enter):
            if fields.isEmpty || focus >= fields.count - 1 { return .submit }
            focus += 1
            return .consumed
        case .paste(let text):
            guard fields.indices.contains(focus) else { return .ignored }
            edit { state -> Bool in
                state.insert(text)
                return true
            }
            return .consumed
        case .key(let key):
            guard fields.indices.contains(focus) else { return .ignored }
            return edit { $0.handle(key) } ? .consumed : .ignored
        case .resize, .tick:
            return .ignored
        }
    }

    private mutating func moveFocus(by step: Int) {
        guard !fields.isEmpty else { return }
        let n = fields.count
        focus = ((focus + step) % n + n) % n
    }

    /// Edits the focused field; an error message goes away once the text it was about
    /// changes, so the nurse is not told off for what has already been corrected.
    @discardableResult
    private mutating func edit(_ change: (inout TextFieldState) -> Bool) -> Bool {
        let before = fields[focus].state.text
        let used = change(&fields[focus].state)
        if fields[focus].state.text != before { fields[focus].error = nil }
        return used
    }
}
