/// Labelled text fields, one per row:
///
///     Personnummer:* [19121212-1212      ]
///     Namn:          [                   ]
///                    Namn måste fyllas i
///
/// Labels are padded by display width so the fields line up whatever the language;
/// `*` after the colon marks a required field. A field's error (or, without one, its
/// hint) takes the row below it, aligned with the field, so the message sits next to
/// what it is about. When the area is too short the rows scroll to keep the focused
/// field and its message in view.
public struct Form: Widget {
    public var state: FormState
    /// Columns for the label text before the colon; by default the widest label.
    public var labelWidth: Int?
    /// What to say under a field whose last edit was cut at its limit of n characters
    /// (in the screen's language); without it the hint stays.
    public var cutNotice: (@Sendable (Int) -> String)?

    public init(state: FormState, labelWidth: Int? = nil, cutNotice: (@Sendable (Int) -> String)? = nil) {
        self.state = state
        self.labelWidth = labelWidth
        self.cutNotice = cutNotice
    }

    /// Rows the form needs to show everything: a row per field, plus one under each field
    /// with an error, a hint or a cut notice.
    public static func height(for state: FormState) -> Int {
        state.fields.reduce(0) { $0 + 1 + (hasMessageRow($1) ? 1 : 0) }
    }

    private static func hasMessageRow(_ field: FormField) -> Bool {
        field.error != nil || !(field.hint ?? "").isEmpty || field.state.cutOff > 0
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let labelColumns = resolvedLabelWidth
        for row in rows(in: area) {
            let field = state.fields[row.field]
            let focused = row.field == state.focus
            switch row.kind {
            case .input:
                let labelStyle = focused ? Style(.text, .bold) : Style.text
                let label = DisplayWidth.pad(DisplayWidth.truncate(field.label, to: labelColumns) + ":",
                                             to: labelColumns + 1)
                buffer.put(label, x: area.x, y: row.y, style: labelStyle, clip: area)
                if field.required {
                    buffer.put("*", x: area.x + labelColumns + 1, y: row.y, style: .role(.accent), clip: area)
                }
                TextField(state: field.state, focused: focused).render(in: fieldRect(in: area, y: row.y), buffer: &buffer)
            case .message:
                guard let (text, style) = message(for: field) else { continue }
                let target = fieldRect(in: area, y: row.y)
                let rect = target.isEmpty ? area.row(row.y - area.y) : target
                buffer.put(DisplayWidth.truncate(text, to: rect.width), x: rect.x, y: rect.y, style: style, clip: rect)
            }
        }
    }

    /// The terminal cursor's place in the focused field; nil when that field is
    /// scrolled out of view or has no room.
    public func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        guard !area.isEmpty,
              let row = rows(in: area).first(where: { $0.field == state.focus && $0.kind == .input })
        else { return nil }
        let field = state.fields[row.field]
        return TextField(state: field.state, focused: true).cursorPosition(in: fieldRect(in: area, y: row.y))
    }

    // MARK: - Layout

    private enum RowKind { case input, message }
    private struct Row {
        var field: Int
        var kind: RowKind
        var y: Int
    }

    private var resolvedLabelWidth: Int {
        max(0, labelWidth ?? state.fields.map { DisplayWidth.of($0.label) }.max() ?? 0)
    }

    /// Label, colon, the required mark's column and a space come before the field.
    private func fieldRect(in area: Rect, y: Int) -> Rect {
        let offset = resolvedLabelWidth + 3
        return Rect(x: area.x + offset, y: y, width: area.width - offset, height: 1).intersection(area)
    }

    private func message(for field: FormField) -> (String, Style)? {
        if let error = field.error { return (error, .role(.danger)) }
        if field.state.cutOff > 0, let cutNotice, let limit = field.state.maxLength {
            return (cutNotice(limit), .role(.warning))
        }
        if let hint = field.hint, !hint.isEmpty { return (hint, .role(.muted)) }
        return nil
    }

    /// The rows that fit in `area`, scrolled so the focused field and its message show.
    private func rows(in area: Rect) -> [Row] {
        var all: [(field: Int, kind: RowKind)] = []
        for (i, field) in state.fields.enumerated() {
            all.append((i, .input))
            if Self.hasMessageRow(field) { all.append((i, .message)) }
        }
        // The field itself wins over its message when only one of them fits.
        let focusStart = all.firstIndex { $0.field == state.focus } ?? 0
        let focusEnd = (all.lastIndex { $0.field == state.focus } ?? 0) + 1
        let first = max(0, min(focusStart, focusEnd - area.height))
        return all[first..<min(all.count, first + area.height)].enumerated().map { offset, row in
            Row(field: row.field, kind: row.kind, y: area.y + offset)
        }
    }
}
