/// A row of tab titles, ` Inkorg │ Utkorg `, with the current one marked. Titles that
/// do not fit are clipped at the edge: screens keep their tab lists short.
public struct Tabs: Widget, Hashable, Sendable {
    public var titles: [String]
    public var selected: Int
    public var style: Style
    public var selectedStyle: Style
    public var dividerStyle: Style
    public var glyphs: Glyphs

    public init(titles: [String], selected: Int, style: Style = .role(.muted),
                selectedStyle: Style = Style(.selection, .bold), dividerStyle: Style = .role(.border),
                glyphs: Glyphs = .unicode) {
        self.titles = titles
        self.selected = selected
        self.style = style
        self.selectedStyle = selectedStyle
        self.dividerStyle = dividerStyle
        self.glyphs = glyphs
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        var x = row.x
        for (i, title) in titles.enumerated() {
            if i > 0 {
                x += buffer.put(glyphs.vertical, x: x, y: row.y, style: dividerStyle, clip: row)
            }
            let text = " " + title + " "
            let width = DisplayWidth.of(text)
            buffer.put(text, x: x, y: row.y, style: i == selected ? selectedStyle : style, clip: row)
            x += width
            if x >= row.maxX { break }
        }
    }
}
