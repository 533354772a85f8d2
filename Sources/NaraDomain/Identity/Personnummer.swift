extension PersonIdentifier {
    /// Personnummer and samordningsnummer: `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`,
    /// `YYYYMMDDNNNC`, `YYYYMMDD-NNNC`.
    static func parseNumeric(_ chars: [Character], today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        let offending = chars.filter { !$0.isASCIIDigitCharacter && $0 != "-" && $0 != "+" }
        guard offending.isEmpty else { throw .characters(uniqued(offending)) }
        let separators = chars.indices.filter { chars[$0] == "-" || chars[$0] == "+" }
        guard separators.count <= 1 else { throw .unknownFormat }
        let digits = chars.filter(\.isASCIIDigitCharacter)
        guard digits.count == 10 || digits.count == 12 else { throw .length(found: digits.count) }

        var separator: Character?
        if let index = separators.first {
            guard index == chars.count - 5 else { throw .unknownFormat }
            separator = chars[index]
            // The full year already says the age; a `+` there contradicts nothing useful
            // and is most likely a typo, so it is named rather than ignored.
            if digits.count == 12, separator == "+" { throw .characters("+") }
        }
        let year = digits.count == 12
            ? number(digits.prefix(4))
            : fullYear(twoDigit: number(digits.prefix(2)), plus: separator == "+", todayYear: today.year)
        return try numericIdentifier(year: year, tail: Array(digits.suffix(10)), today: today)
    }

    /// The century of a ten-digit number, following Skatteverket: the separator changes
    /// from `-` to `+` at the start of the calendar year in which the person turns 100.
    ///
    /// So with `-` (or none) the birth year is in (todayYear − 100, todayYear], and with
    /// `+` in (todayYear − 200, todayYear − 100]. Only years are compared, never the day:
    /// someone born 1926-12-30 writes `+` all through 2026, even before the birthday.
    /// A `-` number whose date falls later in the current year is therefore not read as
    /// 100 years older (that person would write `+`); it is rejected as `.future`.
    static func fullYear(twoDigit yy: Int, plus: Bool, todayYear: Int) -> Int {
        let back = ((todayYear - yy) % 100 + 100) % 100
        let mostRecent = todayYear - back
        return plus ? mostRecent - 100 : mostRecent
    }

    /// Validates `YYMMDDNNNC` under a known full year. The date is checked before the
    /// check digit so a transposed month or day is reported as a date, not as a typo.
    /// Years before 1800 are refused: no living or recorded person has them, and a wrong
    /// century digit should not slip through as an ancient birth.
    static func numericIdentifier(year: Int, tail: [Character], today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        let month = number(tail[2..<4])
        let writtenDay = number(tail[4..<6])
        let isCoordination = (61...91).contains(writtenDay)
        let day = writtenDay > 60 ? writtenDay - 60 : writtenDay
        guard year >= 1800, let birth = LocalDate(year: year, month: month, day: day) else {
            throw .date(dateText(year: year, month: month, day: day))
        }
        let expected = Luhn.checkDigit(tail[0..<9].map(\.asciiDigitValue))
        let found = tail[9].asciiDigitValue
        guard expected == found else { throw .checkDigit(expected: expected, found: found) }
        guard number(tail[6..<9]) != 0 else { throw .birthNumber }
        guard birth <= today else { throw .future }
        return PersonIdentifier(
            kind: isCoordination ? .samordningsnummer : .personnummer,
            value: LocalDate.pad(year, 4) + String(tail[2...]),
            birthDate: birth,
            sex: tail[8].asciiDigitValue.isMultiple(of: 2) ? .female : .male
        )
    }
}
