import TerminalUI

/// The colour spellings a theme file accepts.
///
/// ANSI names stay ANSI colours so that a 16-colour terminal shows exactly what was
/// named; numbers and `#rrggbb` are xterm-256 colours that a smaller terminal maps down.
enum ColourName {
    static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    static let usage = "use default, an ANSI name, 0–255 or #rrggbb"

    /// Nil when the spelling is not a colour; numbers are checked by the caller, which
    /// can say "out of range" rather than "unknown".
    static func colour(named text: String) -> Color? {
        let name = text.lowercased()
        if name == "default" { return .default }
        if let index = ansiNames.firstIndex(of: name) { return .ansi(index) }
        if let rgb = hexRGB(name) { return .indexed(XtermPalette.nearest(red: rgb.red, green: rgb.green, blue: rgb.blue)) }
        return nil
    }

    static func hexRGB(_ text: String) -> (red: Int, green: Int, blue: Int)? {
        guard text.hasPrefix("#") else { return nil }
        let digits = text.dropFirst()
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = Int(digits, radix: 16) else { return nil }
        return (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
    }
}

/// The xterm-256 palette above the 16 system colours, which terminals rarely redefine,
/// unlike 0–15: that is what makes a `#rrggbb` in a theme come out the same everywhere.
public enum XtermPalette {
    /// The six channel levels of the 6×6×6 cube at 16–231.
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of colour 16–255.
    public static func rgb(_ index: Int) -> (red: Int, green: Int, blue: Int) {
        precondition((16...255).contains(index), "only 16–255 have a fixed colour")
        if index >= 232 {
            let grey = 8 + (index - 232) * 10
            return (grey, grey, grey)
        }
        let cube = index - 16
        return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
    }

    /// The colour in 16–255 closest to the given one; greys land on the 232–255 ramp
    /// when it is closer than the cube's few greys.
    public static func nearest(red: Int, green: Int, blue: Int) -> Int {
        func distance(_ index: Int) -> Int {
            let candidate = rgb(index)
            let dr = candidate.red - red, dg = candidate.green - green, db = candidate.blue - blue
            return dr * dr + dg * dg + db * db
        }
        return (16...255).min { distance($0) < distance($1) }!
    }
}
