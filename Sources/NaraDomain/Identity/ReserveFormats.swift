/// A region whose own reserve numbers (lokala reservnummer) the program reads.
/// The raw value is the stored kind's suffix: `local_reserve_<raw value>`.
public enum ReserveRegion: String, CaseIterable, Sendable, Codable {
    case orebro
    case stockholm
    case vastraGotaland = "vastra_gotaland"
    case vastraGotalandGrid = "vastra_gotaland_grid"
    case varmland
    case ineraCarelink = "inera_carelink"
    case halland
    case skane
    case blekinge
    case vasternorrland
    case sormland
    case sormlandSerial = "sormland_serial"
    case vasterbotten
    case gavleborg
    case dalarna
}

/// One region's published reserve-number format, as data.
///
/// The formats, systems and examples are HL7 Sweden's base profiles (SEBasePatient's
/// identifier slices and their invariants, github.com/HL7Sweden/basprofiler-r4), which
/// follow Inera's list of local reserve ids ("Lokala reservidn"). Where a region says
/// how its check digit is computed, `check` holds it; the published examples satisfy it.
public struct ReserveFormat: Sendable {
    public let region: ReserveRegion
    public let name: String
    /// The FHIR identifier system written on export; HL7 Sweden's slice for the region.
    public let system: String
    /// Further systems read on import (an older OID, the program's own old URN).
    public let otherSystems: [String]
    /// The format as the region publishes it.
    public let pattern: String
    /// Published examples, as the region writes them.
    public let examples: [String]
    /// How the check digit is computed, in words; nil when the format has none.
    public let checkDigitRule: String?

    /// The 12 stored characters, one slot each: `#` a digit, `[…]` a set with ranges,
    /// anything else that character.
    let template: String
    let birthDate: BirthDate
    let sex: SexRule
    let check: CheckRule?
    /// Two-digit (or three-digit) fields that must lie in a range: first index, length, range.
    let ranges: [(at: Int, length: Int, allowed: ClosedRange<Int>)]
    /// Written with a `-` after the eighth character (the stored form has none).
    let hyphen: Bool
    /// Also written with a two-digit year (`YYMMDD…`, ten characters).
    let shortYear: Bool

    enum BirthDate {
        /// `YYYYMMDD` at the start is the birth date, its century 18–21.
        case leading
        /// The leading digits are not a birth date (a year, a placeholder day).
        case none
    }

    enum SexRule {
        case unknown
        /// A letter at the index: each listed letter's sex; others unknown.
        case letter(at: Int, [Character: Sex])
        /// A digit at the index, odd for men and even for women, except the listed digits.
        case digit(at: Int, unknown: Set<Character>)
    }

    enum CheckRule {
        /// Luhn over the characters from `from` up to the last one, letters counted as the
        /// table says.
        case luhn(from: Int, letters: [Character: Int])
    }
}

extension ReserveFormat {
    /// Every format, in the order a text is tried against them: where two regions
    /// publish the same shape, the first one is what a bare text is read as (its system
    /// decides on import). Örebro comes first, as the program has always read that shape.
    public static let all: [ReserveFormat] = [
        ReserveFormat(
            region: .orebro, name: "Region Örebro län", system: "urn:oid:1.2.752.74.9.3",
            otherSystems: ["urn:nara:identifier:reservnummer:orebro"],
            pattern: "(18|19|20|21)YYMMDD T [A-Z] [0-9] [A-J]", examples: ["19810829TB1F"], checkDigitRule: nil,
            template: "########T[A-Z]#[A-J]", birthDate: .leading, sex: .unknown, check: nil, ranges: [],
            hyphen: false, shortYear: false),
        ReserveFormat(
            region: .stockholm, name: "Region Stockholm", system: "https://uid.regionstockholm.se/reservnummer",
            otherSystems: ["urn:oid:1.2.752.97.3.1.3"],
            pattern: "99yyyyNNNNNC", examples: ["991981000010"],
            checkDigitRule: "Luhn over positions 5–11 (the year's last two digits and the serial)",
            template: "99##########", birthDate: .none, sex: .unknown, check: .luhn(from: 4, letters: [:]), ranges: [],
            hyphen: false, shortYear: false),
        ReserveFormat(
            region: .vastraGotaland, name: "Västra Götalandsregionen (LRID)", system: "urn:oid:1.2.752.113.11.0.2.1.1.1",
            otherSystems: [],
            pattern: "yyyymmdd[KMX]ggC", examples: ["19810829M071"],
            checkDigitRule: "Luhn over positions 3–11, the letter counted K=5, M=7, X=8",
            template: "########[KMX]###", birthDate: .leading,
            sex: .letter(at: 8, ["K": .female, "M": .male, "X": .unknown]),
            check: .luhn(from: 2, letters: ["K": 5, "M": 7, "X": 8]), ranges: [(9, 2, 6...89)],
            hyphen: false, shortYear: false),
        ReserveFormat(
            region: .varmland, name: "Region Värmland", system: "urn:oid:1.2.752.74.9.2", otherSystems: [],
            pattern: "yyyymmdd S [FUXPL] N [A-Z but V, or 1-9]", examples: ["19810829SU3A"], checkDigitRule: nil,
            template: "########S[FUXPL]#[A-UW-Z1-9]", birthDate: .leading, sex: .digit(at: 10, unknown: ["0", "1"]),
            check: nil, ranges: [], hyphen: false, shortYear: false),
        ReserveFormat(
            region: .ineraCarelink, name: "Inera Carelink", system: "urn:oid:1.2.752.129.2.1.3.2", otherSystems: [],
            pattern: "yyyymm(32-59)NNNC", examples: ["198108320014"],
            checkDigitRule: "Luhn over positions 3–11, as in a personnummer",
            template: "############", birthDate: .none, sex: .unknown, check: .luhn(from: 2, letters: [:]),
            ranges: [(0, 2, 17...20), (4, 2, 1...12), (6, 2, 32...59)], hyphen: false, shortYear: false),
        ReserveFormat(
            region: .halland, name: "Region Halland", system: "urn:oid:1.2.752.74.9.6", otherSystems: [],
            pattern: "yyyymm(32-59)NNNC", examples: ["201905355622"],
            checkDigitRule: "Luhn over positions 3–11, as in a personnummer",
            template: "############", birthDate: .none, sex: .unknown, check: .luhn(from: 2, letters: [:]),
            ranges: [(0, 2, 17...20), (4, 2, 1...12), (6, 2, 32...59)], hyphen: false, shortYear: false),
        ReserveFormat(
            region: .skane, name: "Region Skåne", system: "urn:oid:1.2.752.219.1.10.10.1", otherSystems: [],
            pattern: "(yy|yyyy)mmdd [DEF] [A-Z] [01] [A-Z]", examples: ["810829DA1B"], checkDigitRule: nil,
            template: "########[DEF][A-Z][01][A-Z]", birthDate: .leading, sex: .unknown, check: nil, ranges: [],
            hyphen: false, shortYear: true),
        ReserveFormat(
            region: .blekinge, name: "Region Blekinge", system: "urn:oid:1.2.752.74.9.5", otherSystems: [],
            pattern: "yyyymmdd [A-Z][A-Z] [0-9] [A-Z]", examples: ["20200501-AA8A"], checkDigitRule: nil,
            template: "########[A-Z][A-Z]#[A-Z]", birthDate: .leading, sex: .unknown, check: nil, ranges: [],
            hyphen: false, shortYear: false),
        ReserveFormat(
            region: .vasternorrland, name: "Region Västernorrland", system: "urn:oid:1.2.752.269.1.1", otherSystems: [],
            pattern: "yyyymmdd NNN R", examples: ["20100101014R"], checkDigitRule: nil,
            template: "###########R", birthDate: .leading, sex: .unknown, check: nil, ranges: [],
            hyphen: false, shortYear: false),
        ReserveFormat(
            region: .sormland, name: "Region Sörmland", system: "urn:oid:1.2.752.266.1.1.1", otherSystems: [],
            pattern: "yyyymmdd [A-Z][A-Z] [0-9] [A-Z]", examples: ["19600606AA1G"], checkDigitRule: nil,
            template: "########[A-Z][A-Z]#[A-Z]", birthDate: .leading, sex: .unknown, check: nil, ranges: [],
            hyphen: false, shortYear: false),
        ReserveFormat(
            region: .sormlandSerial, name: "Region Sörmland (serial)", system: "urn:oid:1.2.752.266.1.1.2",
            otherSystems: [],
            pattern: "(18500101|18600101) [MNKP] NNN (001-999)", examples: ["18500101N123"], checkDigitRule: nil,
            template: "18[56]00101[MNKP]###", birthDate: .none, sex: .unknown, check: nil, ranges: [(9, 3, 1...999)],
            hyphen: false, shortYear: false),
        ReserveFormat(
            region: .vasterbotten, name: "Region Västerbotten", system: "urn:oid:1.2.752.74.9.7", otherSystems: [],
            pattern: "yyyymmdd [REKA] NNN", examples: ["19890715R910"], checkDigitRule: nil,
            template: "########[REKA]###", birthDate: .leading, sex: .unknown, check: nil, ranges: [],
            hyphen: false, shortYear: false),
        ReserveFormat(
            region: .gavleborg, name: "Region Gävleborg", system: "urn:oid:1.2.752.74.9.9", otherSystems: [],
            pattern: "yyyymmdd-NN[MKX]N", examples: ["19651207-01M1"], checkDigitRule: nil,
            template: "##########[MKX]#", birthDate: .leading,
            sex: .letter(at: 10, ["K": .female, "M": .male, "X": .unknown]), check: nil, ranges: [],
            hyphen: true, shortYear: false),
        ReserveFormat(
            region: .dalarna, name: "Region Dalarna", system: "urn:oid:1.2.752.74.9.8", otherSystems: [],
            pattern: "yyyymmdd [A-Z] NNN", examples: ["19010105Y202"], checkDigitRule: nil,
            template: "########[A-Z]###", birthDate: .leading, sex: .unknown, check: nil, ranges: [],
            hyphen: false, shortYear: false),
        ReserveFormat(
            region: .vastraGotalandGrid, name: "Västra Götalandsregionen (GRID)", system: "urn:oid:1.2.752.113.11.0.2.1.1.4",
            otherSystems: [],
            pattern: "NNNNNNNN [A-F H J-N P R-Y] NNN", examples: ["17001111A912"], checkDigitRule: nil,
            template: "########[A-FHJ-NPR-Y]###", birthDate: .none, sex: .unknown, check: nil, ranges: [],
            hyphen: false, shortYear: false),
    ]

    /// The format of a region.
    public static func of(_ region: ReserveRegion) -> ReserveFormat {
        all.first { $0.region == region }!
    }

    /// Every system this format is read from.
    public var systems: [String] { [system] + otherSystems }

    /// The stored value as the region writes it.
    func written(_ value: String) -> String {
        hyphen ? String(value.prefix(8)) + "-" + String(value.dropFirst(8)) : value
    }
}
