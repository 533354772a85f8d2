/// A one-line text input. The whole row is painted in the input style so an empty
/// field is still visible as a place to type. Text wider than the field scrolls by
/// display width so that the cursor is always on screen; a "…" at either end says that
/// part of the text is out of view.
///
/// The scroll position is derived from the cursor alone (the cursor stays at the right
/// edge once the text before it no longer fits), so the field needs no scroll state of
/// its own and a redraw from the same state always looks the same.
public struct TextField: Widget {
    public var state: TextFieldState
    public var focused: Bool
    public var placeholder: String
    public var style: Style
    public var focusedStyle: Style
    public var placeholderStyle: Style

    public init(state: TextFieldState, focused: Bool, placeholder: String = "",
                style: Style = .role(.input), focusedStyle: Style = .role(.inputFocused),
                placeholderStyle: Style = .role(.muted)) {
        self.state = state
        self.focused = focused
        self.placeholder = placeholder
        self.style = style
        self.focusedStyle = focusedStyle
        self.placeholderStyle = placeholderStyle
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        let fieldStyle = focused ? focusedStyle : style
        buffer.fill(row, style: fieldStyle)
        if state.text.isEmpty {
            if !focused && !placeholder.isEmpty {
                buffer.put(DisplayWidth.truncate(TextFieldState.singleLine(placeholder), to: row.width),
                           x: row.x, y: row.y, style: placeholderStyle, clip: row)
            }
            return
        }
        let view = Viewport(state: state, width: row.width)
        buffer.put(String(view.visible), x: row.x + view.startColumn, y: row.y, style: fieldStyle, clip: row)
        if view.leftMarker { buffer.put("…", x: row.x, y: row.y, style: fieldStyle, clip: row) }
        if view.rightMarker { buffer.put("…", x: row.maxX - 1, y: row.y, style: fieldStyle, clip: row) }
    }

    /// Where the terminal cursor goes: the backend shows it there, so typing feels like
    /// typing into the field. Nil when the field is not focused or has no room.
    public func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        let row = area.row(0)
        guard focused, !row.isEmpty else { return nil }
        let view = Viewport(state: state, width: row.width)
        return (row.x + view.cursorColumn, row.y)
    }
}

/// Which part of the text fits in `width` columns with the cursor in view.
struct Viewport {
    /// The characters drawn, from column `startColumn` of the field.
    var visible: [Character] = []
    var startColumn = 0
    /// "…" in the first column: text is scrolled out to the left.
    var leftMarker = false
    /// "…" in the last column: text goes on past the right edge.
    var rightMarker = false
    /// The cursor's column relative to the field's left edge.
    var cursorColumn = 0

    init(state: TextFieldState, width: Int) {
        guard width > 0 else { return }
        let chars = Array(TextFieldState.singleLine(state.text))
        let widths = chars.map(DisplayWidth.of)
        let cursor = Swift.min(Swift.max(0, state.cursor), chars.count)
        let before = widths[..<cursor].reduce(0, +)
        let total = widths.reduce(0, +)
        // The cursor needs a column of its own after the text before it.
        if before + 1 <= width {
            cursorColumn = before
            var used = 0, i = 0
            while i < chars.count, used + widths[i] <= width {
                used += widths[i]
                i += 1
            }
            visible = Array(chars[..<i])
            rightMarker = used < total && before + 1 < width
            return
        }
        // The cursor is pinned to the last column and the text before it fills leftwards
        // behind a "…"; the character under the cursor shows when it fits in one column.
        cursorColumn = width - 1
        leftMarker = width > 1
        let room = width - 1 - (leftMarker ? 1 : 0)
        var used = 0, i = cursor
        while i > 0, used + widths[i - 1] <= room {
            used += widths[i - 1]
            i -= 1
        }
        // A wide character that did not fit leaves a blank, so the cursor stays on the edge.
        startColumn = (leftMarker ? 1 : 0) + room - used
        visible = Array(chars[i..<cursor])
        if cursor < chars.count, widths[cursor] <= 1 { visible.append(chars[cursor]) }
    }
}
