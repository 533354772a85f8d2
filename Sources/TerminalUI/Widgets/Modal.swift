/// A centred dialog over the screen: confirmations, conflicts, emergency access, and
/// forms (which draw themselves into `contentArea(in:)`). It clears what lies under it,
/// so the screen behind never shows through the text.
public struct Modal: Widget, Hashable, Sendable {
    public var title: String
    public var lines: [TextLine]
    public var buttons: [String]
    public var selectedButton: Int
    /// The preferred outer width; the screen may make it narrower.
    public var width: Int
    /// Rows reserved for content even when `lines` is shorter: the height of a form.
    public var minContentRows: Int
    public var glyphs: Glyphs

    public init(title: String, lines: [TextLine], buttons: [String] = [], selectedButton: Int = 0, width: Int = 60,
                minContentRows: Int = 0, glyphs: Glyphs = .unicode) {
        self.title = title
        self.lines = lines
        self.buttons = buttons
        self.selectedButton = selectedButton
        self.width = width
        self.minContentRows = minContentRows
        self.glyphs = glyphs
    }

    public init(title: String, text: String, buttons: [String] = [], selectedButton: Int = 0, width: Int = 60,
                glyphs: Glyphs = .unicode) {
        self.init(title: title, lines: [TextLine(text)], buttons: buttons, selectedButton: selectedButton,
                  width: width, glyphs: glyphs)
    }

    private var frame: Frame { Frame(title: title, glyphs: glyphs) }
    /// A blank row above the buttons keeps them apart from the text.
    private var buttonRows: Int { buttons.isEmpty ? 0 : 2 }

    /// The dialog's outer rectangle: as tall as its wrapped content, clamped to the screen.
    public func area(in screen: Rect) -> Rect {
        let w = min(max(0, width), screen.width)
        let textRows = Paragraph(lines).displayLines(width: max(0, w - 4)).count
        let h = 2 + max(textRows, minContentRows) + buttonRows
        return screen.centered(width: w, height: h)
    }

    /// Where the text (or a caller's form) goes: inside the border, one column of
    /// padding on each side, above the buttons.
    public func contentArea(in screen: Rect) -> Rect {
        let inner = frame.inner(area(in: screen))
        return inner.inset(left: 1, bottom: min(buttonRows, inner.height), right: 1)
    }

    public func render(in screen: Rect, buffer: inout Buffer) {
        let box = area(in: screen)
        guard !box.isEmpty else { return }
        buffer.fill(box)
        frame.render(in: box, buffer: &buffer)
        Paragraph(lines).render(in: contentArea(in: screen), buffer: &buffer)
        guard buttonRows > 0 else { return }
        let inner = frame.inner(box)
        guard !inner.isEmpty else { return }
        let row = inner.row(inner.height - 1)
        let labels = buttons.map { "[ " + $0 + " ]" }
        let total = labels.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * (labels.count - 1)
        var x = row.x + max(0, (row.width - total) / 2)
        for (i, label) in labels.enumerated() {
            let style: Style = i == selectedButton ? .role(.selection) : .text
            x += buffer.put(label, x: x, y: row.y, style: style, clip: row) + 2
        }
    }
}
