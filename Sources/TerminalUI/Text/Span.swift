/// A run of text in one style: a bold name inside a muted line, a red date in a table
/// cell. Widgets take styled lines rather than plain strings so screens decide the
/// look of each word and widgets only decide where it goes.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .text) {
        self.text = text
        self.style = style
    }

    public var width: Int { DisplayWidth.of(text) }
}

/// One line of styled text. Not called `Line` so it cannot clash with a screen's own
/// types or with `Buffer.line(_:)`.
public struct TextLine: Hashable, Sendable {
    public var spans: [Span]

    public init(_ spans: [Span]) { self.spans = spans }

    public init(_ text: String, _ style: Style = .text) { self.spans = [Span(text, style)] }

    public static let empty = TextLine([])

    /// Columns the whole line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The text without styles, for tests and for searching.
    public var text: String { spans.map(\.text).joined() }

    /// The longest prefix that fits in `columns`; a cut line ends in "…" in the style of
    /// the span that was cut, so the reader sees that something is missing.
    public func truncated(to columns: Int, ellipsis: Bool = true) -> TextLine {
        guard columns > 0 else { return .empty }
        if width <= columns { return self }
        let room = ellipsis ? columns - 1 : columns
        var out: [Span] = [], used = 0
        var lastStyle = spans.first?.style ?? .text
        outer: for span in spans {
            lastStyle = span.style
            var piece = ""
            for ch in span.text {
                let w = DisplayWidth.of(ch)
                if used + w > room {
                    if !piece.isEmpty { out.append(Span(piece, span.style)) }
                    break outer
                }
                piece.append(ch)
                used += w
            }
            if !piece.isEmpty { out.append(Span(piece, span.style)) }
        }
        if ellipsis { out.append(Span("…", lastStyle)) }
        return TextLine(out)
    }

    /// Gives plain spans (role `.text`) the role of `base`, keeping their attributes.
    /// A status bar or a tinted table row then looks whole, while spans that chose a
    /// role of their own (a warning inside the bar) keep it.
    public func tinted(_ base: Style) -> TextLine {
        TextLine(spans.map { span in
            span.style.role == .text ? Span(span.text, Style(base.role, base.attributes.union(span.style.attributes))) : span
        })
    }
}

extension Buffer {
    /// Writes a styled line from (x, y), each span in its own style, within `clip` and at
    /// most `maxWidth` columns; returns the columns used.
    @discardableResult
    public mutating func put(_ line: TextLine, x: Int, y: Int, maxWidth: Int? = nil, clip: Rect? = nil) -> Int {
        var used = 0
        for span in line.spans {
            let room = maxWidth.map { max(0, $0 - used) }
            if room == 0 { break }
            let w = put(span.text, x: x + used, y: y, style: span.style, maxWidth: room, clip: clip)
            used += w
            // A wide character that did not fit ends the line: nothing after it may
            // slide into its place.
            if w < span.width { break }
        }
        return used
    }

    /// Writes a line into the first row of `row`, cut with "…" to its width and placed
    /// by `alignment`. Nothing lands outside `row`.
    @discardableResult
    public mutating func put(_ line: TextLine, in row: Rect, alignment: Alignment = .left, ellipsis: Bool = true) -> Int {
        guard !row.isEmpty else { return 0 }
        let cut = line.truncated(to: row.width, ellipsis: ellipsis)
        let gap = max(0, row.width - cut.width)
        let dx: Int
        switch alignment {
        case .left: dx = 0
        case .right: dx = gap
        case .center: dx = gap / 2
        }
        return put(cut, x: row.x + dx, y: row.y, maxWidth: row.width - dx, clip: row)
    }
}
