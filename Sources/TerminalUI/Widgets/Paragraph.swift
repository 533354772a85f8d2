/// Text that flows: notes, referral reasons, help pages. Wrapping is by display width
/// so Swedish letters and CJK names break where the terminal really ends the line.
public struct Paragraph: Widget, Hashable, Sendable {
    public var lines: [TextLine]
    public var wrap: Bool
    public var alignment: Alignment
    /// Rows skipped at the top (after wrapping): the caller keeps it in its state.
    public var scroll: Int

    public init(_ lines: [TextLine], wrap: Bool = true, alignment: Alignment = .left, scroll: Int = 0) {
        // Explicit newlines inside spans start new lines, as they do in plain text.
        self.lines = lines.flatMap(Paragraph.splitNewlines)
        self.wrap = wrap
        self.alignment = alignment
        self.scroll = max(0, scroll)
    }

    public init(_ text: String, style: Style = .text, wrap: Bool = true, alignment: Alignment = .left, scroll: Int = 0) {
        self.init([TextLine(text, style)], wrap: wrap, alignment: alignment, scroll: scroll)
    }

    /// The lines as they will be drawn in `width` columns, before scrolling: what a
    /// caller needs to size a dialog or limit the scroll offset.
    public func displayLines(width: Int) -> [TextLine] {
        guard width > 0 else { return [] }
        if !wrap { return lines.map { $0.truncated(to: width) } }
        return lines.flatMap { Paragraph.wrap($0, width: width) }
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let shown = displayLines(width: area.width).dropFirst(scroll).prefix(area.height)
        for (row, line) in shown.enumerated() {
            buffer.put(line, in: area.row(row), alignment: alignment)
        }
    }

    /// Plain text wrapped to `width` columns.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return splitNewlines(TextLine(text)).flatMap { wrap($0, width: width) }.map(\.text)
    }

    /// Word wrap of one line without newlines: words move to the next line whole; a
    /// word longer than the width is broken, because a personnummer or a URL must still
    /// be shown in full. Spaces at a break are dropped; leading indentation is kept.
    public static func wrap(_ line: TextLine, width: Int) -> [TextLine] {
        guard width > 0 else { return [] }
        let chars = line.spans.flatMap { span in span.text.map { StyledCharacter(character: $0, style: span.style) } }
        var out: [[StyledCharacter]] = []
        var current: [StyledCharacter] = [], used = 0
        var spaces: [StyledCharacter] = []
        var word: [StyledCharacter] = []

        func flushWord() {
            guard !word.isEmpty else { return }
            let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.character) }
            if used + spaces.count + wordWidth <= width {
                current += spaces + word
                used += spaces.count + wordWidth
            } else if wordWidth <= width {
                if !current.isEmpty { out.append(current) }
                current = word
                used = wordWidth
            } else {
                // Too long for any line: start it on a fresh line and cut it in pieces.
                if !current.isEmpty { out.append(current) }
                current = []
                used = 0
                for ch in word {
                    let w = DisplayWidth.of(ch.character)
                    if used + w > width && !current.isEmpty {
                        out.append(current)
                        current = []
                        used = 0
                    }
                    current.append(ch)
                    used += w
                }
            }
            spaces = []
            word = []
        }

        for ch in chars {
            if ch.character == " " || ch.character == "\t" {
                flushWord()
                spaces.append(StyledCharacter(character: " ", style: ch.style))
            } else {
                word.append(ch)
            }
        }
        flushWord()
        out.append(current)
        return out.map(TextLine.init(characters:))
    }

    static func splitNewlines(_ line: TextLine) -> [TextLine] {
        var result: [TextLine] = [TextLine([])]
        for span in line.spans {
            var piece = ""
            for ch in span.text {
                if ch == "\n" || ch == "\r\n" || ch == "\r" {
                    if !piece.isEmpty { result[result.count - 1].spans.append(Span(piece, span.style)) }
                    piece = ""
                    result.append(TextLine([]))
                } else {
                    piece.append(ch)
                }
            }
            if !piece.isEmpty { result[result.count - 1].spans.append(Span(piece, span.style)) }
        }
        return result
    }
}

struct StyledCharacter {
    var character: Character
    var style: Style
}

extension TextLine {
    /// Regroups characters into spans of equal style.
    init(characters: [StyledCharacter]) {
        var spans: [Span] = []
        for ch in characters {
            if let last = spans.last, last.style == ch.style {
                spans[spans.count - 1].text.append(ch.character)
            } else {
                spans.append(Span(String(ch.character), ch.style))
            }
        }
        self.init(spans)
    }
}
