/// The whole screen in memory: every frame is drawn here first and then diffed against
/// the previous one, so only changed cells reach the terminal (ratatui's buffer).
public struct Buffer: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { area.contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if area.contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    public mutating func clear() { reset(to: .blank) }

    private mutating func reset(to cell: Cell) {
        for i in cells.indices { cells[i] = cell }
    }

    public mutating func resize(width: Int, height: Int) {
        self = Buffer(width: width, height: height)
    }

    /// Writes `text` from (x, y) within `clip` (the buffer by default), at most
    /// `maxWidth` columns; returns the columns used. Control characters, bidi overrides
    /// and isolates are dropped (`UnsafeScalars`), so no cell ever holds one whatever
    /// the text came from; wide characters that would straddle the edge are left out.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .text, maxWidth: Int? = nil,
                             clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY else { return 0 }
        let limit = min(bounds.maxX, maxWidth.map { x + max(0, $0) } ?? Int.max)
        var cx = x
        for ch in UnsafeScalars.removed(from: text) {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // A lone combining mark: it belongs to the previous cell. Other zero-width
                // characters (format characters such as a zero-width space) are dropped.
                if cx > x, cx - 1 >= bounds.x, ch.unicodeScalars.allSatisfy(Self.isMark) {
                    var prev = self[cx - 1, y]
                    if prev.isContinuation, cx - 2 >= bounds.x { prev = self[cx - 2, y] }
                    self[cx - 1, y].symbol = prev.symbol + String(ch)
                }
                continue
            }
            if cx + w > limit { break }
            if cx >= bounds.x {
                self[cx, y] = Cell(String(ch), style: style)
                if w == 2 { self[cx + 1, y] = Cell("", style: style, isContinuation: true) }
            }
            cx += w
        }
        return max(0, cx - x)
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Fills a rectangle with one symbol and style.
    public mutating func fill(_ rect: Rect, symbol: String = " ", style: Style = .text) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { self[x, y] = Cell(symbol, style: style) } }
    }

    /// Changes the style of a rectangle, keeping the text (a selection bar over a row).
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { self[x, y].style = style } }
    }

    /// The text of one row, continuation cells skipped.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var out = ""
        for x in 0..<width where !self[x, y].isContinuation { out += self[x, y].symbol }
        return out
    }

    public var lines: [String] { (0..<height).map(line) }
}
