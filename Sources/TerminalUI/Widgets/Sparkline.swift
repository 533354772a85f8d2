/// A row of blocks showing a series at a glance: referrals per week, visits per month.
///
/// Scaled to the largest value. Zeros draw the lowest block (▁) when something in the
/// series is above zero, so a week without referrals reads as a low week, not as a gap
/// in the data; an all-zero series draws spaces, as there is nothing to compare with.
/// Negative values count as zero.
///
/// A trend (HbA1c, blood pressure) is `fromMinimum`: scaled from the lowest value shown
/// to the highest, since 52 against 58 is the story and zero is far below both.
public struct Sparkline: Widget, Hashable, Sendable {
    public var values: [Int]
    public var style: Style
    public var glyphs: Glyphs
    public var fromMinimum: Bool

    public init(values: [Int], style: Style = .role(.accent), glyphs: Glyphs = .unicode, fromMinimum: Bool = false) {
        self.values = values
        self.style = style
        self.glyphs = glyphs
        self.fromMinimum = fromMinimum
    }

    /// Block levels (0–8) for the values that fit in `width`: the most recent ones.
    public func levels(width: Int) -> [Int] {
        guard width > 0 else { return [] }
        let shown = values.suffix(width).map { max(0, $0) }
        if fromMinimum, let low = shown.min(), let high = shown.max() {
            // Level 1 to 8 between the lowest and the highest; a flat series sits in the middle.
            guard high > low else { return shown.map { _ in 4 } }
            return shown.map { 1 + (($0 - low) * 7 + (high - low) / 2) / (high - low) }
        }
        let top = shown.max() ?? 0
        guard top > 0 else { return shown.map { _ in 0 } }
        return shown.map { value in max(1, min(8, (value * 8 + top / 2) / top)) }
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        for (i, level) in levels(width: area.width).enumerated() {
            buffer.put(glyphs.sparkBlock(level), x: area.x + i, y: area.y, style: style, maxWidth: 1, clip: area)
        }
    }
}
