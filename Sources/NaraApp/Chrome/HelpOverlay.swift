import TerminalUI

/// Help generated from the keymaps in force, so it lists exactly what the keys do.
struct HelpOverlay: Widget {
    var sections: [HelpSection]
    var strings: Strings
    var scroll: Int
    var glyphs: Glyphs

    var lines: [TextLine] {
        var out: [TextLine] = []
        for section in sections {
            if !out.isEmpty { out.append(TextLine("")) }
            out.append(TextLine(section.title, Style(.accent, .bold)))
            let keyWidth = section.rows.map { DisplayWidth.of($0.keys) }.max() ?? 0
            for row in section.rows {
                out.append(TextLine([Span(DisplayWidth.pad(row.keys, to: keyWidth + 2), Style(.functionKey, .bold)),
                                     Span(row.help)]))
            }
        }
        return out
    }

    func render(in area: Rect, buffer: inout Buffer) {
        let all = lines
        let width = min(area.width - 4, 70), height = min(area.height - 2, all.count + 4)
        let box = area.centered(width: width, height: height)
        guard !box.isEmpty else { return }
        buffer.fill(box)
        let frame = Frame(title: strings.helpTitle, glyphs: glyphs)
        frame.render(in: box, buffer: &buffer)
        let inner = frame.inner(box).inset(left: 1, right: 1)
        let rows = max(0, inner.height - 1)
        let first = min(scroll, max(0, all.count - rows))
        for (i, line) in all.dropFirst(first).prefix(rows).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + i, maxWidth: inner.width, clip: inner)
        }
        buffer.put(strings.helpFooter, x: inner.x, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width)
    }
}
