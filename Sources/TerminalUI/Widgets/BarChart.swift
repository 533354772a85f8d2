/// Horizontal bars, one per row, labelled and followed by their value: a unit's
/// referrals by state, visits by profession. Horizontal because Swedish labels are long
/// and a terminal is wider than it is tall.
public struct BarChart: Widget, Hashable, Sendable {
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Int
    }

    public var bars: [Bar]
    public var style: Style
    public var labelStyle: Style
    public var valueStyle: Style
    public var glyphs: Glyphs

    public init(bars: [(label: String, value: Int)], style: Style = .role(.accent), labelStyle: Style = .text,
                valueStyle: Style = .text, glyphs: Glyphs = .unicode) {
        self.bars = bars.map { Bar(label: $0.label, value: $0.value) }
        self.style = style
        self.labelStyle = labelStyle
        self.valueStyle = valueStyle
        self.glyphs = glyphs
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty, !bars.isEmpty else { return }
        // Labels get at most half the width so a long one cannot squeeze out every bar.
        let labelWidth = min(bars.map { DisplayWidth.of($0.label) }.max() ?? 0, area.width / 2)
        let valueWidth = bars.map { String($0.value).count }.max() ?? 0
        let barX = area.x + labelWidth + (labelWidth > 0 ? 1 : 0)
        let room = max(0, area.maxX - barX - 1 - valueWidth)
        let top = max(1, bars.map(\.value).max() ?? 0)

        for (row, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + row
            if labelWidth > 0 {
                buffer.put(DisplayWidth.pad(bar.label, to: labelWidth), x: area.x, y: y, style: labelStyle, clip: area)
            }
            let eighths = (max(0, bar.value) * room * 8 + top / 2) / top
            var x = barX
            for _ in 0..<(eighths / 8) {
                x += buffer.put(glyphs.barFull, x: x, y: y, style: style, maxWidth: 1, clip: area)
            }
            let partial = glyphs.partialBlock(eighths % 8)
            if !partial.isEmpty { x += buffer.put(partial, x: x, y: y, style: style, maxWidth: 1, clip: area) }
            buffer.put(" " + String(bar.value), x: x, y: y, style: valueStyle, clip: area)
        }
    }
}
