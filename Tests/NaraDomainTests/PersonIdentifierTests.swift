import Testing
@testable import NaraDomain

private func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }
private let today = day(2026, 11, 23)

private func parse(_ text: String, on date: LocalDate = today) throws(IdentifierError) -> PersonIdentifier {
    try PersonIdentifier.parse(text, today: date)
}

private func reason(_ text: String, on date: LocalDate = today) -> IdentifierError? {
    do { _ = try parse(text, on: date); return nil } catch { return error }
}

@Suite struct WorkedExamples {
    @Test func twelveDigitsWithSeparator() throws {
        let id = try parse("19121212-1212")
        #expect(id.kind == .personnummer)
        #expect(id.value == "191212121212")
        #expect(id.display == "19121212-1212")
        #expect(id.birthDate == day(1912, 12, 12))
        #expect(id.sex == .male)
    }

    @Test func tenDigitsTakeCenturyFromSeparator() throws {
        #expect(try parse("121212-1212").birthDate == day(2012, 12, 12))
        #expect(try parse("1212121212").birthDate == day(2012, 12, 12))
        #expect(try parse("121212+1212").birthDate == day(1912, 12, 12))
        #expect(try parse("121212+1212").value == "191212121212")
    }

    @Test func ordinaryNumber() throws {
        let id = try parse("811228-9874")
        #expect(id.value == "198112289874")
        #expect(id.birthDate == day(1981, 12, 28))
        #expect(id.sex == .male)
        #expect(try parse("  198112289874\n") == id)
    }

    @Test func samordningsnummerKeepsDayPlusSixty() throws {
        let id = try parse("701072-2382")
        #expect(id.kind == .samordningsnummer)
        #expect(id.value == "197010722382")
        #expect(id.display == "19701072-2382")
        #expect(id.birthDate == day(1970, 10, 12))
        #expect(id.sex == .female)
    }

    @Test func nationalReserve() throws {
        let id = try parse("98240301AA06")
        #expect(id.kind == .nationalReserve)
        #expect(id.value == "98240301AA06")
        #expect(id.display == "98240301AA06")
        #expect(id.birthDate == day(2024, 3, 1))
        #expect(id.sex == .female)
        #expect(try parse("98240301aa06") == id)
        #expect(try parse("22240301AA15").birthDate == day(1924, 3, 1))
        #expect(try parse("22240301AA15").sex == .male)
    }

    @Test func nationalReserveWithUnknownBirthDate() throws {
        let id = try parse("00342145BZ31")
        #expect(id.kind == .nationalReserve)
        #expect(id.birthDate == nil)
        #expect(id.sex == .male)
    }

    @Test func orebroReserve() throws {
        let id = try parse("19850312TB3C")
        #expect(id.kind == .localReserve(.orebro))
        #expect(id.kind.rawValue == "local_reserve_orebro")
        #expect(id.value == "19850312TB3C")
        #expect(id.birthDate == day(1985, 3, 12))
        #expect(id.sex == .unknown)
        #expect(try parse("19850312tb3c") == id)
    }

    @Test func storedFormRederivesEverything() throws {
        for text in ["19121212-1212", "701072-2382", "98240301AA06", "00342145BZ31", "19850312TB3C", "991981000010", "19651207-01M1"] {
            let id = try parse(text)
            #expect(try PersonIdentifier(stored: id.value) == id)
        }
        #expect(throws: IdentifierError.length(found: 10)) { try PersonIdentifier(stored: "1212121212") }
        #expect(throws: IdentifierError.characters("-")) { try PersonIdentifier(stored: "19121212-121") }
        #expect(throws: IdentifierError.empty) { try PersonIdentifier(stored: "") }
    }

    @Test func luhnHelper() {
        #expect(PersonIdentifier.luhnCheckDigit("121212121") == 2)
        #expect(PersonIdentifier.luhnCheckDigit("811228987") == 4)
        #expect(PersonIdentifier.luhnCheckDigit("12345678") == nil)
        #expect(PersonIdentifier.luhnCheckDigit("12345678x") == nil)
        #expect(Luhn.checkDigit([7, 0, 1, 0, 7, 2, 2, 3, 8]) == 2)
    }
}

@Suite struct RejectionReasons {
    @Test(arguments: [
        ("", IdentifierError.empty),
        ("   ", .empty),
        ("811228-987", .length(found: 9)),
        ("81122898740", .length(found: 11)),
        ("1912121212121", .length(found: 13)),
        ("98240301AA0", .length(found: 11)),
        ("811228-987A", .characters("A")),
        ("811228 9874", .characters(" ")),
        ("811228–9874", .characters("–")),
        ("19121212+1212", .characters("+")),
        ("98240301AI06", .characters("I")),
        ("98240301OQ06", .characters("OQ")),
        ("98240301AAX6", .checkDigit(expected: 2, found: 6)),
        ("19850312TBBC", .characters("B")),
        ("98240301AA07", .checkDigit(expected: 6, found: 7)),
        ("991981000011", .checkDigit(expected: 0, found: 1)),
        ("198108320015", .checkDigit(expected: 4, found: 5)),
        ("121212-0008", .birthNumber),
        ("19121212-0008", .birthNumber),
        ("00000000AB12", .unknownBirthSerial),
        ("19000229-1235", .date("1900-02-29")),
        ("900230-1233", .date("1990-02-30")),
        ("19901332-1234", .date("1990-13-32")),
        ("09121212-1212", .date("0912-12-12")),
        ("98240230AA06", .date("2024-02-30")),
        ("19850230TB3C", .date("1985-02-30")),
        ("811228-9875", .checkDigit(expected: 4, found: 5)),
        ("191212121213", .checkDigit(expected: 2, found: 3)),
        ("hello", .unknownFormat),
        ("8112-28-9874", .unknownFormat),
        ("81122-89874", .unknownFormat),
        ("05240301AA06", .unknownFormat),
        ("24240301AA06", .unknownFormat),
        ("99240301AA06", .unknownFormat),
        ("261124-1239", .future),
        ("20270101-1237", .future),
        ("98270101AA05", .future),
        ("21270101TB3C", .future),
    ])
    func reasonIsNamed(text: String, expected: IdentifierError) {
        #expect(reason(text) == expected)
    }

    @Test func everyCaseHasCodeAndSentence() {
        let all: [IdentifierError] = [.empty, .length(found: 11), .characters("A"), .date("1900-02-29"),
                                      .checkDigit(expected: 2, found: 4), .unknownFormat, .future, .birthNumber,
                                      .unknownBirthSerial]
        #expect(all.map(\.code) == ["empty", "length", "characters", "date", "check_digit", "unknown_format", "future",
                                    "birth_number", "unknown_birth_serial"])
        #expect(IdentifierError.checkDigit(expected: 2, found: 4).description.contains("check digit is 4, expected 2"))
        #expect(IdentifierError.date("1900-02-29").description.contains("1900-02-29"))
        #expect(IdentifierError.length(found: 11).description.contains("11"))
        #expect(IdentifierError.characters("AB").description.contains("\"AB\""))
        for error in all { #expect(error.description.hasSuffix(".")) }
    }
}

@Suite struct CenturyRule {
    @Test func dashMeansUnderOneHundredByCalendarYear() throws {
        #expect(try parse("261122-1231").birthDate == day(2026, 11, 22))
        #expect(try parse("270101-1237").birthDate == day(1927, 1, 1))
        #expect(try parse("251124-1230").birthDate == day(2025, 11, 24))
    }

    @Test func plusMeansOneHundredOrMore() throws {
        #expect(try parse("261124+1239").birthDate == day(1926, 11, 24))
        #expect(try parse("251124+1230").birthDate == day(1925, 11, 24))
        #expect(try parse("270101+1237").birthDate == day(1827, 1, 1))
    }

    /// The birthday later this year with `-` is not pushed back a century: that person
    /// turns 100 this year and would write `+`.
    @Test func laterThisYearWithDashIsFuture() throws {
        #expect(reason("261124-1239") == .future)
        #expect(reason("2611241239") == .future)
        #expect(try parse("261124-1239", on: day(2026, 11, 24)).birthDate == day(2026, 11, 24))
    }

    @Test func separatorSwitchesOnNewYearNotOnBirthday() throws {
        #expect(try parse("260101-1238", on: day(2025, 12, 31)).birthDate == day(1926, 1, 1))
        #expect(try parse("260101+1238", on: day(2026, 1, 1)).birthDate == day(1926, 1, 1))
        #expect(try parse("260101-1238", on: day(2026, 1, 1)).birthDate == day(2026, 1, 1))
        #expect(try parse("261124+1239", on: day(2027, 1, 1)).birthDate == day(1926, 11, 24))
        #expect(try parse("261124-1239", on: day(2027, 1, 1)).birthDate == day(2026, 11, 24))
    }
}

@Suite struct LeapDays {
    @Test func year2000HasFebruary29() throws {
        #expect(try parse("20000229-1235").birthDate == day(2000, 2, 29))
        #expect(try parse("000229-1235").birthDate == day(2000, 2, 29))
    }

    @Test func year1900HasNot() {
        #expect(reason("19000229-1235") == .date("1900-02-29"))
        #expect(reason("000229+1235") == .date("1900-02-29"))
        #expect(reason("000289+1235") == .date("1900-02-29"))
    }
}

@Suite struct SexFromNinthDigit {
    @Test(arguments: 0...9)
    func ninthDigit(_ digit: Int) throws {
        let nine = "81122898\(digit)"
        let check = try #require(PersonIdentifier.luhnCheckDigit(nine))
        let id = try parse("\(nine)\(check)")
        #expect(id.sex == (digit % 2 == 1 ? .male : .female))
    }

    @Test func nationalReserveSexDigit() throws {
        #expect(try parse("98240301AA14").sex == .male)
        #expect(try parse("98240301AA06").sex == .female)
    }
}
