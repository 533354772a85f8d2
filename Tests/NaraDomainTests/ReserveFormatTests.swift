import Foundation
import Testing
@testable import NaraDomain

private let today = LocalDate(year: 2026, month: 11, day: 23)!
private func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }
private func parse(_ text: String) throws(IdentifierError) -> PersonIdentifier { try PersonIdentifier.parse(text, today: today) }
private func reason(_ text: String, as kind: IdentifierKind? = nil) -> IdentifierError? {
    do {
        if let kind { _ = try PersonIdentifier.parse(text, as: kind, today: today) } else { _ = try parse(text) }
        return nil
    } catch { return error }
}

/// Inera's national reserve id: the examples of Inera's NRID specification and of HL7
/// Sweden's base profiles, and the same ids with one character wrong.
@Suite struct NationalReserveIds {
    @Test(arguments: [
        ("98240301AA06", day(2024, 3, 1) as LocalDate?, Sex.female),
        ("22950606FH20", day(1995, 6, 6), .female),
        ("22950606-FH20", day(1995, 6, 6), .female),
        ("25780404KHD5", day(1978, 4, 4), .unknown),
        ("00342145BZ31", nil, .male),
        ("00749852BZK0", nil, .unknown),
    ])
    func publishedExamples(text: String, birth: LocalDate?, sex: Sex) throws {
        let id = try parse(text)
        #expect(id.kind == .nationalReserve)
        #expect(id.value == text.replacingOccurrences(of: "-", with: ""))
        #expect(id.birthDate == birth)
        #expect(id.sex == sex)
    }

    @Test(arguments: [
        ("98240301AA05", 6), ("98240301AA16", 4), ("22950606FH21", 0), ("25780404KHD4", 5),
        ("00342145BZ30", 1), ("00749852BZK9", 0), ("98240301AB06", 5),
    ])
    func oneCharacterWrongFailsTheCheckDigit(text: String, expected: Int) {
        #expect(reason(text) == .checkDigit(expected: expected, found: Int(String(text.last!))!))
    }

    /// A transposition of the letters changes the check digit too: the letters count
    /// with alternating weights.
    @Test func transposedLettersAreCaught() {
        #expect(reason("22950606HF20") != nil)
    }

    @Test func unknownBirthDateSerialHasMonth20To99AndDay40To59() throws {
        #expect(try parse("00242040AB12").birthDate == nil)
        #expect(reason("00241940AB15") == .unknownBirthSerial)
        #expect(reason("00242060AB17") == .unknownBirthSerial)
        #expect(reason("00242039AB15") == .unknownBirthSerial)
        #expect(reason("00000000AB12") == .unknownBirthSerial)
    }

    @Test func unknownSexIsAThirdLetter() throws {
        let id = try parse("98240301ABC7")
        #expect(id.sex == .unknown)
        #expect(id.birthDate == day(2024, 3, 1))
        #expect(reason("98240301ABI7") == .characters("I"))
    }

    /// 01–17 are reserved and 18–21 would be read as a personnummer's century: none of
    /// them is ever a national reserve id (17–21 begin the regional formats' years).
    @Test func seriesBelow22AreNeverNational() {
        for series in 1...16 {
            let text = LocalDate.pad(series, 2) + "240301AA06"
            #expect(reason(text) == .unknownFormat, "\(text)")
        }
        for series in 17...21 {
            let text = LocalDate.pad(series, 2) + "240301AA06"
            #expect((try? parse(text))?.kind != .nationalReserve, "\(text)")
        }
    }
}

/// Every region's published format, kept as data.
@Suite struct RegionalReserveIds {
    @Test func everyRegionHasOneEntryWithExamplesAndASystem() {
        #expect(Set(ReserveFormat.all.map(\.region)) == Set(ReserveRegion.allCases))
        #expect(ReserveFormat.all.count == ReserveRegion.allCases.count)
        for f in ReserveFormat.all {
            #expect(!f.examples.isEmpty, "\(f.name)")
            #expect(f.system.hasPrefix("urn:oid:") || f.system.hasPrefix("https://"), "\(f.name)")
        }
        #expect(Set(ReserveFormat.all.flatMap(\.systems)).count == ReserveFormat.all.flatMap(\.systems).count)
    }

    /// Each published example is that region's id when its system names the region, and
    /// read bare it is a reserve id of that region or of one publishing the same shape.
    @Test func publishedExamplesAreAccepted() throws {
        for f in ReserveFormat.all {
            for example in f.examples {
                let id = try PersonIdentifier.parse(example, as: .localReserve(f.region), today: today)
                #expect(id.kind == .localReserve(f.region), "\(example)")
                #expect(id.value.count == 12)
                #expect(try PersonIdentifier.parse(id.display, as: id.kind, today: today) == id)
                let bare = try parse(example)
                #expect(bare.kind == id.kind || bare.otherReserveRegions.contains(f.region), "\(example): \(bare.kind)")
            }
        }
    }

    @Test func stockholm() throws {
        let id = try parse("991981000010")
        #expect(id.kind == .localReserve(.stockholm))
        #expect(id.kind.rawValue == "local_reserve_stockholm")
        #expect(id.birthDate == nil)
        #expect(reason("991981000011") == .checkDigit(expected: 0, found: 1))
        #expect(reason("991981000100") == .checkDigit(expected: 1, found: 0))
    }

    @Test func vastraGotaland() throws {
        let id = try parse("19810829M071")
        #expect(id.kind == .localReserve(.vastraGotaland))
        #expect(id.birthDate == day(1981, 8, 29))
        #expect(id.sex == .male)
        #expect(try parse("19450829K088").sex == .female)
        #expect(try parse("19930829X802").sex == .unknown)
        let vgr = IdentifierKind.localReserve(.vastraGotaland)
        #expect(reason("19810829M070", as: vgr) == .checkDigit(expected: 1, found: 0))
        #expect(reason("19810829K071", as: vgr) == .checkDigit(expected: 5, found: 1))
        // Bare, a wrong VGR check digit is not read as VGR (Dalarna publishes a wider shape).
        #expect((try? parse("19810829M070"))?.kind != vgr)
        #expect(reason("19810829M051", as: vgr) == .characters("05"))
    }

    @Test func varmland() throws {
        let id = try parse("19810829SU3A")
        #expect(id.kind == .localReserve(.varmland))
        #expect(id.sex == .male)
        #expect(try parse("19810829SF2B").sex == .female)
        #expect(try parse("19810829SX0C").sex == .unknown)
        #expect(reason("19810829SU3V", as: .localReserve(.varmland)) == .characters("V"))
        #expect(reason("19810829SQ3A", as: .localReserve(.varmland)) == .characters("Q"))
    }

    @Test func ineraCarelinkAndHalland() throws {
        let carelink = try parse("198108320014")
        #expect(carelink.kind == .localReserve(.ineraCarelink))
        #expect(carelink.otherReserveRegions == [.halland])
        #expect(try PersonIdentifier.parse("201905355622", as: .localReserve(.halland), today: today).kind
                == .localReserve(.halland))
        #expect(reason("198108320015") == .checkDigit(expected: 4, found: 5))
        #expect(reason("201905355623", as: .localReserve(.halland)) == .checkDigit(expected: 2, found: 3))
        // Day 32–59 is no personnummer's day; day 31 stays a personnummer.
        #expect(try parse("198108310015").kind == .personnummer)
    }

    @Test func skaneShortFormGetsItsCentury() throws {
        let id = try parse("810829DA1B")
        #expect(id.kind == .localReserve(.skane))
        #expect(id.value == "19810829DA1B")
        #expect(id.birthDate == day(1981, 8, 29))
    }

    @Test func gavleborgIsWrittenWithItsHyphen() throws {
        let id = try parse("19651207-01M1")
        #expect(id.kind == .localReserve(.gavleborg))
        #expect(id.value == "1965120701M1")
        #expect(id.display == "19651207-01M1")
        #expect(id.sex == .male)
    }

    @Test func sharedShapesNameEveryRegion() throws {
        let blekinge = try parse("20200501-AA8A")
        #expect(blekinge.kind == .localReserve(.blekinge))
        #expect(blekinge.otherReserveRegions == [.sormland])
        let orebro = try parse("19810829TB1F")
        #expect(orebro.kind == .localReserve(.orebro))
        #expect(orebro.otherReserveRegions == [.blekinge, .sormland])
    }

    @Test func regionalDatesAreRealAndNotInTheFuture() {
        #expect(reason("19810229SU3A") == .date("1981-02-29"))
        #expect(reason("20270101SU3A") == .future)
        #expect(reason("20100132014R") == .date("2010-01-32"))
    }

    /// The stored kind's text: Örebro's as it always was, the others by region.
    @Test func storedKindsRoundTrip() {
        for kind in IdentifierKind.allCases {
            #expect(IdentifierKind(rawValue: kind.rawValue) == kind)
        }
        #expect(IdentifierKind(rawValue: "local_reserve_orebro") == .localReserve(.orebro))
        #expect(IdentifierKind(rawValue: "local_reserve_") == nil)
        #expect(IdentifierKind(rawValue: "reserve") == nil)
    }

    @Test func kindsAreCodableAsTheirStoredText() throws {
        let data = try JSONEncoder().encode([IdentifierKind.localReserve(.stockholm), .nationalReserve])
        #expect(String(decoding: data, as: UTF8.self) == #"["local_reserve_stockholm","national_reserve"]"#)
        #expect(try JSONDecoder().decode([IdentifierKind].self, from: data) == [.localReserve(.stockholm), .nationalReserve])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([IdentifierKind].self, from: Data(#"["x"]"#.utf8)) }
    }
}

/// Birth number 000 and the samordningsnummer, beside the reserve ids.
@Suite struct PersonnummerBoundaries {
    @Test func birthNumber000IsRefusedAnd001Accepted() throws {
        #expect(reason("121212-0008") == .birthNumber)
        #expect(reason("701072-0006") == .birthNumber)
        #expect(IdentifierError.birthNumber.description.contains("001"))
        #expect(try parse("121212-0016").kind == .personnummer)
    }

    @Test func samordningsnummerStaysApartFromPersonnummer() throws {
        let coordination = try parse("701072-2382")
        let person = try parse("701012-2385")
        #expect(coordination.kind == .samordningsnummer)
        #expect(person.kind == .personnummer)
        #expect(coordination.birthDate == person.birthDate)
        #expect(coordination.value != person.value)
        #expect(try PersonIdentifier(stored: coordination.value).kind == .samordningsnummer)
    }
}
