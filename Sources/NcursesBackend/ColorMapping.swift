import TerminalUI

/// Brings a theme's colours down to what the terminal has. A theme written for 256
/// colours still reads on a 16- or 8-colour terminal: each colour becomes the nearest
/// one there (by the xterm default palette), and bright colours on an 8-colour terminal
/// become the normal colour in bold, as terminals of that kind have always shown them.
struct ColorMapping {
    let capability: ColorCapability
    /// Whether -1 means "the terminal's own colour" (use_default_colors succeeded).
    let hasDefaultColors: Bool

    /// A curses colour number for a foreground, and whether bold must stand in for brightness.
    func foreground(_ color: Color) -> (number: Int32, bold: Bool) {
        let n = number(color, defaultColor: 7)
        if capability == .eight, n >= 8 { return (n - 8, true) }
        return (n, false)
    }

    func background(_ color: Color) -> Int32 {
        let n = number(color, defaultColor: 0)
        return capability == .eight && n >= 8 ? n - 8 : n
    }

    private func number(_ color: Color, defaultColor: Int32) -> Int32 {
        switch color {
        case .default:
            return hasDefaultColors ? -1 : defaultColor
        case .ansi(let n):
            return Int32(min(max(n, 0), 15))
        case .indexed(let n):
            let n = min(max(n, 0), 255)
            if capability == .extended256 || n < 16 { return Int32(n) }
            return Int32(Self.nearestOf16(n))
        }
    }

    /// xterm's default red, green, blue for a colour index 0–255.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return ansiPalette[index]
        case 16..<232:
            let i = index - 16
            let level = [0, 95, 135, 175, 215, 255]
            return (level[i / 36], level[(i / 6) % 6], level[i % 6])
        default:
            let v = 8 + 10 * (index - 232)
            return (v, v, v)
        }
    }

    static let ansiPalette: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func nearestOf16(_ index: Int) -> Int {
        let (r, g, b) = rgb(index)
        var best = 0
        var bestDistance = Int.max
        for (i, c) in ansiPalette.enumerated() {
            let d = (r - c.0) * (r - c.0) + (g - c.1) * (g - c.1) + (b - c.2) * (b - c.2)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }
}

/// Colour pairs allocated on first use: a theme needs a dozen or so of the thousands a
/// terminal offers, and pair 0 (the terminal's own colours) is fixed.
struct ColorPairCache {
    struct Key: Hashable { var foreground: Int32; var background: Int32 }

    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1
    let limit: Int32

    init(limit: Int32) { self.limit = limit }

    /// The pair for (fg, bg), or 0 when the terminal has run out of pairs.
    mutating func pair(foreground: Int32, background: Int32, allocate: (Int32, Int32, Int32) -> Bool) -> Int32 {
        if foreground == -1 && background == -1 { return 0 }
        let key = Key(foreground: foreground, background: background)
        if let existing = pairs[key] { return existing }
        guard next < limit, allocate(next, foreground, background) else { return 0 }
        pairs[key] = next
        next += 1
        return next - 1
    }

    mutating func removeAll() {
        pairs = [:]
        next = 1
    }
}
