/// A key as the program understands it, whatever bytes the terminal sent.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case ctrl(Character)
    case alt(Character)
    case function(Int)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case insert, delete, backspace
    case enter, tab, backTab, escape

    /// How help and the function-key bar name the key: `F5`, `Ctrl-L`, `↑`, `Enter`.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c)
        case .function(let n): return "F\(n)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .insert: return "Ins"
        case .delete: return "Del"
        case .backspace: return "Backspace"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        }
    }

    /// Printable characters that a focused text field takes before any key binding.
    public var isPrintable: Bool {
        if case .char(let c) = self { return !c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
        return false
    }
}

/// Everything the loop reacts to.
public enum Event: Hashable, Sendable {
    case key(Key)
    /// Bracketed paste: the text arrives whole, so a pasted newline never submits a form.
    case paste(String)
    case resize(width: Int, height: Int)
    /// No input within the timeout: time to poll for other sessions' changes and the clock.
    case tick
}
