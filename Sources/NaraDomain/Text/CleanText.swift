import Foundation

/// Removes what must never reach a terminal from untrusted text: C0 controls (except
/// newline where a field allows it), DEL, C1 controls, and the bidi embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can make a name read
/// differently from what it is (TERMINAL.md, "Untrusted text").
///
/// Applied when data enters the store and again when it is rendered or exported.
public enum CleanText {
    public static func clean(_ text: String, allowNewlines: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        var changed = false
        for s in text.unicodeScalars {
            if isUnsafe(s, allowNewlines: allowNewlines) {
                changed = true
                // A tab or newline between words must not glue them together.
                if s == "\t" || s == "\n" || s == "\r" { scalars.append(" ") }
            } else {
                scalars.append(s)
            }
        }
        return changed ? String(scalars) : text
    }

    /// A single-line value: cleaned, runs of spaces collapsed, ends trimmed, NFC.
    public static func line(_ text: String) -> String {
        let cleaned = clean(text)
        var out = ""
        var lastWasSpace = true
        for ch in cleaned {
            if ch == " " {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(ch)
                lastWasSpace = false
            }
        }
        if out.last == " " { out.removeLast() }
        return out.precomposedStringWithCanonicalMapping
    }

    public static func isUnsafe(_ s: Unicode.Scalar, allowNewlines: Bool) -> Bool {
        switch s.value {
        case 0x0A: return !allowNewlines
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x200E, 0x200F, 0x061C: return true // direction marks
        default: return false
        }
    }
}
