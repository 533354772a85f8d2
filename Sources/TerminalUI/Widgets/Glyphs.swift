/// The characters widgets draw lines, blocks and markers with. Every widget takes a set
/// so a terminal without Unicode (TERM=vt100, a Windows SSH client with a bad font)
/// still gets a readable screen from the same code.
public struct Glyphs: Hashable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// ├: where a divider meets the left border.
    public var teeLeft: String
    /// ┤: where a divider meets the right border.
    public var teeRight: String
    /// Nine levels from empty (index 0, a space) to full (index 8).
    public var sparkBlocks: [String]
    public var barFull: String
    /// The last cell of a bar by eighths left over (index 0–7); "" draws nothing.
    public var barPartial: [String]
    public var scrollThumb: String
    public var scrollTrack: String
    public var sortAscending: String
    public var sortDescending: String
    /// A row someone has taken, and a row that is done.
    public var taken: String
    public var done: String

    public init(horizontal: String, vertical: String, topLeft: String, topRight: String, bottomLeft: String,
                bottomRight: String, teeLeft: String, teeRight: String, sparkBlocks: [String], barFull: String,
                barPartial: [String], scrollThumb: String, scrollTrack: String, sortAscending: String,
                sortDescending: String, taken: String = "*", done: String = "+") {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeLeft = teeLeft
        self.teeRight = teeRight
        self.sparkBlocks = sparkBlocks
        self.barFull = barFull
        self.barPartial = barPartial
        self.scrollThumb = scrollThumb
        self.scrollTrack = scrollTrack
        self.sortAscending = sortAscending
        self.sortDescending = sortDescending
        self.taken = taken
        self.done = done
    }

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeLeft: "├", teeRight: "┤",
        sparkBlocks: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        barFull: "█", barPartial: ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"],
        scrollThumb: "█", scrollTrack: "│", sortAscending: "▲", sortDescending: "▼", taken: "●", done: "✓")

    /// ASCII has no eighth blocks: a remainder of half a cell or more rounds up to a
    /// whole `#`, so bars are never shorter than their value suggests by more than half.
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeLeft: "+", teeRight: "+",
        sparkBlocks: [" ", ".", ":", "-", "=", "+", "*", "#", "%"],
        barFull: "#", barPartial: ["", "", "", "", "#", "#", "#", "#"],
        scrollThumb: "#", scrollTrack: "|", sortAscending: "^", sortDescending: "v")

    /// The spark block for `level` (clamped to 0–8).
    public func sparkBlock(_ level: Int) -> String {
        guard !sparkBlocks.isEmpty else { return " " }
        return sparkBlocks[min(max(0, level), sparkBlocks.count - 1)]
    }

    /// The partial block for `eighths` (0–7), or "" when the set has none.
    public func partialBlock(_ eighths: Int) -> String {
        guard eighths > 0, eighths < barPartial.count else { return "" }
        return barPartial[eighths]
    }
}
