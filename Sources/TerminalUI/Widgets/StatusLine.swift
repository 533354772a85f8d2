/// One row with something on the left (where you are, what is selected) and something
/// on the right (clock, user, unit). The right side wins when room runs out: it holds
/// what must always be seen, such as who is logged in.
public struct StatusLine: Widget, Hashable, Sendable {
    public var left: TextLine
    public var right: TextLine
    public var style: Style

    public init(left: TextLine, right: TextLine = .empty, style: Style = .role(.statusBar)) {
        self.left = left
        self.right = right
        self.style = style
    }

    public init(left: String, right: String = "", style: Style = .role(.statusBar)) {
        self.init(left: TextLine(left), right: TextLine(right), style: style)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: style)
        let right = self.right.tinted(style).truncated(to: row.width)
        let rightWidth = right.width
        let gap = rightWidth > 0 ? 1 : 0
        let leftWidth = max(0, row.width - rightWidth - gap)
        buffer.put(left.tinted(style), in: Rect(x: row.x, y: row.y, width: leftWidth, height: 1))
        buffer.put(right, in: Rect(x: row.maxX - rightWidth, y: row.y, width: rightWidth, height: 1))
    }
}
