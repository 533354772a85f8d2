/// Scalars that must never reach a terminal inside text (TERMINAL.md, "Untrusted text"):
/// C0 controls and DEL move the cursor or start escape sequences, C1 controls (U+0080–
/// U+009F, U+009B being a one-character CSI on some terminals) do the same, and the bidi
/// embeddings, overrides, isolates and direction marks make a name read differently
/// from what it is. The same set as the domain's `CleanText`, kept here because the
/// toolkit depends on nothing: every cell is checked once more as it is written, so text
/// that reached the store by another road (another tool, an import) is harmless too.
public enum UnsafeScalars {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// `text` without any of them; the same string when there were none.
    public static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(where: contains) else { return text }
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars where !contains(s) { scalars.append(s) }
        return String(scalars)
    }
}
