/// A box around a part of the screen, with an optional title set into the top border
/// (" Remisser "). Screens draw their content into `inner(_:)`, so the border never
/// has to be remembered by the content.
public struct Frame: Widget, Hashable, Sendable {
    public var title: String?
    public var borderStyle: Style
    public var titleStyle: Style
    public var glyphs: Glyphs

    public init(title: String? = nil, borderStyle: Style = .role(.border), titleStyle: Style = .role(.title),
                glyphs: Glyphs = .unicode) {
        self.title = title
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.glyphs = glyphs
    }

    /// The area inside the border. Empty when the box is too small to have an inside,
    /// so content drawn there simply disappears instead of overwriting the border.
    public func inner(_ area: Rect) -> Rect {
        guard area.width > 2, area.height > 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        return area.inset(1)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let right = area.maxX - 1, bottom = area.maxY - 1
        func put(_ s: String, _ x: Int, _ y: Int) { buffer.put(s, x: x, y: y, style: borderStyle, clip: area) }

        for x in area.x...right {
            put(glyphs.horizontal, x, area.y)
            if bottom > area.y { put(glyphs.horizontal, x, bottom) }
        }
        for y in area.y...bottom {
            put(glyphs.vertical, area.x, y)
            if right > area.x { put(glyphs.vertical, right, y) }
        }
        // Corners last: in a one-row or one-column box they win over the edges, so a
        // squeezed frame still reads as the corner of a box.
        put(glyphs.topLeft, area.x, area.y)
        if right > area.x { put(glyphs.topRight, right, area.y) }
        if bottom > area.y {
            put(glyphs.bottomLeft, area.x, bottom)
            if right > area.x { put(glyphs.bottomRight, right, bottom) }
        }

        // The title needs its two padding spaces and two columns: a lone "…" in a border
        // tells nobody anything.
        let room = area.width - 2
        if let title, !title.isEmpty, room >= 4 {
            let text = " " + DisplayWidth.truncate(title, to: room - 2) + " "
            buffer.put(text, x: area.x + 1, y: area.y, style: titleStyle, maxWidth: room, clip: area)
        }
    }
}
