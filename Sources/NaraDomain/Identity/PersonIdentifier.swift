/// Which kind of Swedish person identifier a value is. Never confuse a reserve number
/// with a personnummer: the kind is recorded when the value is parsed.
///
/// The raw value is what the store keeps in `ident_kind`: `local_reserve_orebro` for
/// Region Örebro län as it always was, `local_reserve_<region>` for the other regions.
/// Codable as that text (the standard library's RawRepresentable coding).
public enum IdentifierKind: Hashable, Sendable, CaseIterable, RawRepresentable, Codable {
    case personnummer
    /// Samordningsnummer: a personnummer whose day is the birth day + 60.
    case samordningsnummer
    /// Inera's national reserve id (NRID), `XXYYMMDDNNGC`.
    case nationalReserve
    /// A region's own reserve number; `ReserveFormat.of(region)` says how it is written.
    case localReserve(ReserveRegion)

    public static let allCases: [IdentifierKind] =
        [.personnummer, .samordningsnummer, .nationalReserve] + ReserveRegion.allCases.map { .localReserve($0) }

    public init?(rawValue: String) {
        switch rawValue {
        case "personnummer": self = .personnummer
        case "samordningsnummer": self = .samordningsnummer
        case "national_reserve": self = .nationalReserve
        default:
            guard rawValue.hasPrefix(Self.localPrefix),
                  let region = ReserveRegion(rawValue: String(rawValue.dropFirst(Self.localPrefix.count)))
            else { return nil }
            self = .localReserve(region)
        }
    }

    public var rawValue: String {
        switch self {
        case .personnummer: "personnummer"
        case .samordningsnummer: "samordningsnummer"
        case .nationalReserve: "national_reserve"
        case .localReserve(let region): Self.localPrefix + region.rawValue
        }
    }

    private static let localPrefix = "local_reserve_"

    /// The region of a local reserve number; nil for the national kinds.
    public var region: ReserveRegion? {
        if case .localReserve(let region) = self { return region }
        return nil
    }
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
        case .nationalReserve:
            return value
        case .localReserve(let region):
            return ReserveFormat.of(region).written(value)
        }
    }
}
