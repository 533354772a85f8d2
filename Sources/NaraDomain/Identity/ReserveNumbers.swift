extension PersonIdentifier {
    /// Reserve numbers: 8 digits then letters. Örebro's local ids always start with the
    /// century 18–21 and the national ones never do, so the first two digits decide.
    static func parseReserve(_ raw: [Character], today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        let chars = raw.map(\.asciiUppercased)
        guard chars.count == 12 else { throw .length(found: chars.count) }
        let lead = number(chars.prefix(2))
        if (18...21).contains(lead) {
            return try parseOrebro(chars, century: lead, today: today)
        }
        return try parseNationalReserve(chars, series: lead, today: today)
    }

    /// Letters Inera leaves out of NRID, presumably because they are read as digits or as
    /// each other (I/1, O/Q/0, V/W).
    static let nationalReserveLetters: Set<Character> = Set("ABCDEFGHJKLMNPRSTUXYZ")

    /// Inera's NRID `XXYYMMDDNNGC`. The check digit C is accepted as any digit: its
    /// algorithm is in Inera's specification, which the program does not have.
    static func parseNationalReserve(_ chars: [Character], series: Int, today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        var offending: [Character] = []
        for c in chars[8...9] where !nationalReserveLetters.contains(c) { offending.append(c) }
        for c in chars[10...11] where !c.isASCIIDigitCharacter { offending.append(c) }
        guard offending.isEmpty else { throw .characters(uniqued(offending)) }

        let sex: Sex = chars[10].asciiDigitValue.isMultiple(of: 2) ? .female : .male
        if series == 0 {
            return PersonIdentifier(kind: .nationalReserve, value: String(chars), birthDate: nil, sex: sex)
        }
        guard let century = nationalReserveCentury(series: series) else { throw .unknownFormat }
        let birth = try reserveBirthDate(century: century, chars: chars, today: today)
        return PersonIdentifier(kind: .nationalReserve, value: String(chars), birthDate: birth, sex: sex)
    }

    /// XX = century + 3·k for k = 1…26: 19 gives 22, 25 … 97 and 20 gives 23, 26 … 98, so
    /// XX mod 3 tells the century and multiples of 3 (and 01–21, 99) are never issued.
    static func nationalReserveCentury(series: Int) -> Int? {
        guard (22...98).contains(series) else { return nil }
        switch series % 3 {
        case 1: return 19
        case 2: return 20
        default: return nil
        }
    }

    /// Region Örebro län: `(18|19|20|21)YYMMDD T [A-Z] [0-9] [A-J]`. Sex is not encoded.
    static func parseOrebro(_ chars: [Character], century: Int, today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        var offending: [Character] = []
        if chars[8] != "T" { offending.append(chars[8]) }
        if !chars[9].isASCIIUppercaseLetter { offending.append(chars[9]) }
        if !chars[10].isASCIIDigitCharacter { offending.append(chars[10]) }
        if !(65...74).contains(chars[11].asciiValue ?? 0) { offending.append(chars[11]) }  // A–J
        guard offending.isEmpty else { throw .characters(uniqued(offending)) }
        let birth = try reserveBirthDate(century: century, chars: chars, today: today)
        return PersonIdentifier(kind: .localReserveOrebro, value: String(chars), birthDate: birth, sex: .unknown)
    }

    private static func reserveBirthDate(century: Int, chars: [Character], today: LocalDate) throws(IdentifierError) -> LocalDate {
        let year = century * 100 + number(chars[2..<4])
        let month = number(chars[4..<6]), day = number(chars[6..<8])
        guard let birth = LocalDate(year: year, month: month, day: day) else {
            throw .date(dateText(year: year, month: month, day: day))
        }
        guard birth <= today else { throw .future }
        return birth
    }
}

extension Character {
    var isASCIIUppercaseLetter: Bool {
        guard let a = asciiValue else { return false }
        return (65...90).contains(a)
    }
}
