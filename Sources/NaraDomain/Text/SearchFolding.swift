import Foundation

/// How names are matched in search, decided on purpose: Swedish treats å, ä and ö as
/// letters of their own, so "Öb" finds Öberg and not Oberg, and "ar" does not find Åre.
/// Case is folded. Other accents fold to their base letter (é → e, ü → u), and the
/// Danish/Norwegian letters fold to their Swedish twins (ø → ö, æ → ä), so that
/// "Sørensen" is found by "sör" as a Swedish nurse would type it.
///
/// Both the stored search text and the typed query go through this function, and the
/// full-text index keeps diacritics (`remove_diacritics 0`), so the two always agree.
public enum SearchFolding {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch s.value {
            case 0x0300...0x036F:
                // A combining mark: keep the two that make å, ä, ö; drop the rest.
                if s.value == 0x030A || s.value == 0x0308, let last = out.last,
                   last == "a" || (last == "o" && s.value == 0x0308) {
                    out.append(s)
                }
            case 0x00F8: out.append(contentsOf: "ö".decomposedStringWithCanonicalMapping.unicodeScalars)
            case 0x00E6: out.append(contentsOf: "ä".decomposedStringWithCanonicalMapping.unicodeScalars)
            default:
                if s.properties.isAlphabetic || s.properties.numericType != nil {
                    out.append(s)
                } else {
                    // Hyphens and apostrophes split names into words ("Lund-Öberg").
                    if out.last != " " { out.append(" ") }
                }
            }
        }
        return String(out).precomposedStringWithCanonicalMapping
            .split(separator: " ").joined(separator: " ")
    }

    /// The words of a query, folded, for a prefix match on each.
    public static func words(_ query: String) -> [String] {
        fold(query).split(separator: " ").map(String.init)
    }
}
