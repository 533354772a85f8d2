/// The chapters of ICD-10 (WHO; ICD-10-SE keeps them), as code ranges: data, so a new
/// chapter is a row. Socialstyrelsen's "multisjuka äldre" counts diagnoses in three or
/// more chapters.
public enum ICD10Chapter {
    /// Chapter number and the first and last three-character category in it.
    public static let ranges: [(chapter: Int, first: String, last: String)] = [
        (1, "A00", "B99"), (2, "C00", "D48"), (3, "D50", "D89"), (4, "E00", "E90"), (5, "F00", "F99"),
        (6, "G00", "G99"), (7, "H00", "H59"), (8, "H60", "H95"), (9, "I00", "I99"), (10, "J00", "J99"),
        (11, "K00", "K93"), (12, "L00", "L99"), (13, "M00", "M99"), (14, "N00", "N99"), (15, "O00", "O99"),
        (16, "P00", "P96"), (17, "Q00", "Q99"), (18, "R00", "R99"), (19, "S00", "T98"), (20, "V01", "Y98"),
        (21, "Z00", "Z99"), (22, "U00", "U99"),
    ]

    /// The chapter of a code such as `E11.9` or `I50`; nil when no chapter holds it.
    public static func of(_ code: String) -> Int? {
        let category = String(code.uppercased().prefix(3))
        guard category.count == 3 else { return nil }
        return ranges.first { category >= $0.first && category <= $0.last }?.chapter
    }

    /// How many chapters the codes fall in.
    public static func count(_ codes: [String]) -> Int { Set(codes.compactMap(of)).count }
}
