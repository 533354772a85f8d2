import Foundation

/// Närstående: a person the patient has named, with how they are related and a phone
/// number. What a nurse needs when the patient cannot answer, or before a discharge
/// planning meeting. A handful per patient at most, kept in the order given.
public struct NextOfKin: Hashable, Sendable, Codable {
    public var name: String
    /// In the words given: "dotter", "make", "god man".
    public var relation: String
    public var phone: String?

    public init(name: String, relation: String, phone: String? = nil) {
        self.name = name
        self.relation = relation
        self.phone = phone
    }

    /// The most a record keeps: more is an error in the source, not a family.
    public static let limit = 10

    /// "Anna Ek;dotter;070-123 45 67" as typed on the command line; the phone may be left out.
    public init?(text: String) {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
            .map { CleanText.line(String($0)) }
        guard (2...3).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(name: parts[0], relation: parts[1], phone: parts.count == 3 && !parts[2].isEmpty ? parts[2] : nil)
    }
}

/// Tolkbehov: the language an interpreter must speak, as a BCP 47 tag ("ar", "so",
/// "sgn-SE" for Swedish sign language). A value, so that a booking, an export and a
/// screen agree on which language is meant.
public struct InterpreterNeed: Hashable, Sendable, Codable {
    public var language: String

    /// Lower-case letters and digits in parts of 1–8, joined by "-": BCP 47's shape. The
    /// region part keeps its capitals ("sgn-SE").
    public init?(language: String) {
        let trimmed = language.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard !parts.isEmpty, trimmed.count <= 20,
              parts.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }),
              parts[0].count >= 2, parts[0].count <= 3, parts[0].allSatisfy(\.isLetter)
        else { return nil }
        self.language = parts.enumerated().map { i, p in i == 0 ? p.lowercased() : (p.count == 2 ? p.uppercased() : p.lowercased()) }
            .joined(separator: "-")
    }
}
