/// Which kind of Swedish person identifier a value is. Never confuse a reserve number
/// with a personnummer: the kind is recorded when the value is parsed.
public enum IdentifierKind: String, CaseIterable, Sendable, Codable {
    case personnummer
    /// Samordningsnummer: a personnummer whose day is the birth day + 60.
    case samordningsnummer
    /// Inera's national reserve id (NRID), `XXYYMMDDNNGC`.
    case nationalReserve = "national_reserve"
    /// Region Örebro län's local reserve number, `(18|19|20|21)YYMMDD T [A-Z] [0-9] [A-J]`.
    case localReserveOrebro = "local_reserve_orebro"
}

/// A validated Swedish person identifier in its stored form: always 12 characters,
/// with the century for personnummer and samordningsnummer.
public struct PersonIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    public let kind: IdentifierKind
    /// The 12-character stored form (`191212121212`, `98240301AA06`).
    public let value: String
    /// Nil when a reserve number says the birth date is unknown.
    public let birthDate: LocalDate?
    public let sex: Sex

    public init(kind: IdentifierKind, value: String, birthDate: LocalDate?, sex: Sex) {
        self.kind = kind
        self.value = value
        self.birthDate = birthDate
        self.sex = sex
    }

    public var description: String { display }
}

extension PersonIdentifier {
    /// How the program shows the identifier: `YYYYMMDD-NNNN` for personnummer and
    /// samordningsnummer, a reserve number as its format writes it.
    public var display: String {
        switch kind {
        case .personnummer, .samordningsnummer:
            return String(value.prefix(8)) + "-" + String(value.suffix(4))
        case .nationalReserve, .localReserveOrebro:
            return value
        }
    }
}
