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
    public static func scalarKey(_ text: String) -> [UInt32] {
        key(text).unicodeScalars.map(\.value)
    }

    /// `items` in Swedish order of `text`, each key computed once.
    public static func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        items.map { (scalarKey(text($0)), $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .map(\.1)
    }
}
