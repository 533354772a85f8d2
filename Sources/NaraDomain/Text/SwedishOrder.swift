/// Sorting names as a Swedish reader expects: å, ä, ö are the last three letters of the
/// alphabet, in that order, after z. Unicode scalar order would put ä before å, and a
/// locale-aware compare depends on which locales the server has installed.
public enum SwedishOrder {
    public static func key(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            switch ch {
            case "å": out += "{1"
            case "ä", "æ": out += "{2"
            case "ö", "ø": out += "{3"
            case "é", "è", "ê", "ë": out += "e"
            case "ü": out += "y"
            default: out.append(ch)
            }
        }
        return out
    }

    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool { key(a) < key(b) }

    /// `key` as Unicode scalar values: the same order, compared as plain numbers.
    /// Comparing Swift strings normalises them on every comparison; a sort that
    /// builds string keys inside its comparator spent 90% of a name search there.
    /// Names are stored in NFC; text with combining marks takes the slow, exact path.
    public static func scalarKey(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count + 4)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? v + 32 : v)
            } else if (0x300..<0x370).contains(v) {
                return key(text).unicodeScalars.map(\.value)
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    switch lower.value {
                    case 0xE5: out += [0x7B, 0x31] // å
                    case 0xE4, 0xE6: out += [0x7B, 0x32] // ä æ
                    case 0xF6, 0xF8: out += [0x7B, 0x33] // ö ø
                    case 0xE8...0xEB: out.append(0x65) // é è ê ë
                    case 0xFC: out.append(0x79) // ü
                    default: out.append(lower.value)
                    }
                }
            }
        }
        return out
    }

    /// `items` in Swedish order of `text`, each key computed once.
    public static func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        items.map { (scalarKey(text($0)), $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .map(\.1)
    }
}
