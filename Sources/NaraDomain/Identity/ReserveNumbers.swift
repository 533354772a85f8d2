extension PersonIdentifier {
    /// Reserve numbers, national or a region's. A bare text is read as the first format
    /// that accepts it (`ReserveFormat.all` in order); the national one never starts 17–21
    /// and the regional ones with a birth date always do, so the first two digits decide
    /// between them.
    static func parseReserve(_ raw: [Character], today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        let chars = try normalisedReserve(raw, formats: ReserveFormat.all, today: today)
        let lead = number(chars.prefix(2))
        if !chars.allSatisfy(\.isASCIIDigitCharacter), !(17...21).contains(lead) {
            return try parseNationalReserve(chars, series: lead, today: today)
        }
        return try parseLocal(chars, formats: ReserveFormat.all, today: today)
    }

    /// Reads a value as one region's reserve number, for when the FHIR system says which
    /// region issued it; any other kind is read as `parse(_:today:)` reads it.
    public static func parse(_ text: String, as kind: IdentifierKind, today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        guard let region = kind.region else { return try parse(text, today: today) }
        let raw = Array(text.trimmingEdgeWhitespace)
        guard !raw.isEmpty else { throw .empty }
        let formats = [ReserveFormat.of(region)]
        return try parseLocal(normalisedReserve(raw, formats: formats, today: today), formats: formats, today: today)
    }

    /// The other regions whose format also accepts this reserve number (Blekinge and
    /// Sörmland publish the same shape, and Örebro's is part of it).
    public var otherReserveRegions: [ReserveRegion] {
        guard case .localReserve(let own) = kind else { return [] }
        return ReserveFormat.all.filter { f in
            f.region != own && (try? Self.parseLocal(Array(value), formats: [f], today: Self.farFuture)) != nil
        }.map(\.region)
    }

    /// Upper case, without the `-` some regions write after the date, with the century
    /// added to a short (`YYMMDD…`) form where a format allows one.
    static func normalisedReserve(_ raw: [Character], formats: [ReserveFormat], today: LocalDate) throws(IdentifierError) -> [Character] {
        var chars = raw.map(\.asciiUppercased)
        if chars.count > 8, chars[8] == "-" { chars.remove(at: 8) }
        if chars.count == 10, formats.contains(where: \.shortYear), chars.prefix(6).allSatisfy(\.isASCIIDigitCharacter) {
            let year = fullYear(twoDigit: number(chars.prefix(2)), plus: false, todayYear: today.year)
            chars = Array(LocalDate.pad(year / 100, 2)) + chars
        }
        guard chars.count == 12 else { throw .length(found: chars.count) }
        return chars
    }

    /// Twelve digits that no personnummer can be: Region Stockholm's `99…`, Carelink's
    /// and Halland's day 32–59.
    static func isDigitReserve(_ chars: [Character]) -> Bool {
        chars.count == 12 && chars.allSatisfy(\.isASCIIDigitCharacter)
            && ReserveFormat.all.contains { $0.offending(chars).isEmpty }
    }

    /// The first format that accepts the value. When none does, the reason is the first
    /// format whose shape fitted (a date, a check digit), else the characters that keep
    /// the value from the format it comes closest to.
    static func parseLocal(_ chars: [Character], formats: [ReserveFormat], today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        var firstError: IdentifierError?
        var closest: [Character]?
        for format in formats {
            let offending = format.offending(chars)
            guard offending.isEmpty else {
                if closest == nil || offending.count < closest!.count { closest = offending }
                continue
            }
            do { return try format.identifier(chars, today: today) } catch {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        if let closest, closest.count < 4 { throw .characters(uniqued(closest)) }
        throw .unknownFormat
    }

    /// Letters Inera leaves out of NRID, presumably because they are read as digits or as
    /// each other (I/1, O/Q/0, V/W).
    static let nationalReserveLetters: Set<Character> = Set("ABCDEFGHJKLMNPRSTUXYZ")

    /// Inera's NRID `XXYYMMDDNNGC` (Nationellt reservidformat, Inera):
    /// - XX the birth century + 3, 6 … 78 (26 series), or 00 when the birth date is unknown;
    ///   then YYMMDD is a serial with MM 20–99 and DD 40–59;
    /// - NN two letters A–Z without I, O, Q, V, W;
    /// - G a digit, odd for men and even for women, or a third such letter for unknown sex;
    /// - C a Luhn check digit over the eleven characters before it, each letter counted as
    ///   its ASCII code (A = 65), the digits of every product added.
    ///
    /// The check-digit rule is Inera's specification as quoted in tbillas/SwedishIdentifier
    /// (NationalReserveNumberFormatter.cs); Inera's and HL7 Sweden's examples 98240301AA06,
    /// 22950606FH20, 25780404KHD5, 00342145BZ31 and 00749852BZK0 all satisfy it.
    static func parseNationalReserve(_ chars: [Character], series: Int, today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        var offending: [Character] = []
        for c in chars[8...9] where !nationalReserveLetters.contains(c) { offending.append(c) }
        if !chars[10].isASCIIDigitCharacter, !nationalReserveLetters.contains(chars[10]) { offending.append(chars[10]) }
        if !chars[11].isASCIIDigitCharacter { offending.append(chars[11]) }
        guard offending.isEmpty else { throw .characters(uniqued(offending)) }

        let sex: Sex = !chars[10].isASCIIDigitCharacter ? .unknown
            : chars[10].asciiDigitValue.isMultiple(of: 2) ? .female : .male
        var birth: LocalDate?
        if series == 0 {
            guard (20...99).contains(number(chars[4..<6])), (40...59).contains(number(chars[6..<8])) else {
                throw .unknownBirthSerial
            }
        } else {
            guard let century = nationalReserveCentury(series: series) else { throw .unknownFormat }
            birth = try reserveBirthDate(century: century, chars: chars)
        }
        let expected = Luhn.checkDigit(values: chars[0..<11].map { $0.isASCIIDigitCharacter ? $0.asciiDigitValue : Int($0.asciiValue ?? 0) })
        let found = chars[11].asciiDigitValue
        guard expected == found else { throw .checkDigit(expected: expected, found: found) }
        if let birth, birth > today { throw .future }
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

    /// `YYMMDD` at positions 3–8 under a known century; a real date or `.date`.
    static func reserveBirthDate(century: Int, chars: [Character]) throws(IdentifierError) -> LocalDate {
        let year = century * 100 + number(chars[2..<4])
        let month = number(chars[4..<6]), day = number(chars[6..<8])
        guard let birth = LocalDate(year: year, month: month, day: day) else {
            throw .date(dateText(year: year, month: month, day: day))
        }
        return birth
    }
}

extension ReserveFormat {
    /// Each stored position's allowed characters, parsed from the templates once.
    private static let slotsByRegion: [ReserveRegion: [Set<Character>]] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.region, slots(of: $0.template)) })

    private static func slots(of template: String) -> [Set<Character>] {
        var slots: [Set<Character>] = []
        var chars = template.makeIterator()
        while let c = chars.next() {
            switch c {
            case "#": slots.append(Set("0123456789"))
            case "[":
                var members: [Character] = []
                while let m = chars.next(), m != "]" { members.append(m) }
                var set = Set<Character>(), i = 0
                while i < members.count {
                    if i + 2 < members.count, members[i + 1] == "-",
                       let lo = members[i].asciiValue, let hi = members[i + 2].asciiValue {
                        for a in lo...hi { set.insert(Character(Unicode.Scalar(a))) }
                        i += 3
                    } else {
                        set.insert(members[i])
                        i += 1
                    }
                }
                slots.append(set)
            default: slots.append([c])
            }
        }
        precondition(slots.count == 12, "a reserve template describes 12 characters: \(template)")
        return slots
    }

    /// The characters of a 12-character value that do not fit this format's slots or
    /// numeric ranges; empty when the shape fits.
    func offending(_ chars: [Character]) -> [Character] {
        guard chars.count == 12 else { return chars }
        let slots = Self.slotsByRegion[region]!
        var out = chars.indices.filter { !slots[$0].contains(chars[$0]) }.map { chars[$0] }
        guard out.isEmpty else { return out }
        for r in ranges where !r.allowed.contains(PersonIdentifier.number(chars[r.at..<(r.at + r.length)])) {
            out += chars[r.at..<(r.at + r.length)]
        }
        return out
    }

    /// The identifier of a value whose shape fits: its date and check digit checked.
    func identifier(_ chars: [Character], today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        var birth: LocalDate?
        if case .leading = birthDate {
            let year = PersonIdentifier.number(chars[0..<4])
            guard (18...21).contains(year / 100) else {
                throw .date(PersonIdentifier.dateText(year: year, month: PersonIdentifier.number(chars[4..<6]),
                                                      day: PersonIdentifier.number(chars[6..<8])))
            }
            birth = try PersonIdentifier.reserveBirthDate(century: year / 100, chars: chars)
        }
        if case .luhn(let from, let letters) = check {
            let values = chars[from..<11].map { $0.isASCIIDigitCharacter ? $0.asciiDigitValue : letters[$0] ?? 0 }
            let expected = Luhn.checkDigit(values: values), found = chars[11].asciiDigitValue
            guard expected == found else { throw .checkDigit(expected: expected, found: found) }
        }
        if let birth, birth > today { throw .future }
        let sex: Sex = switch self.sex {
        case .unknown: .unknown
        case .letter(let at, let table): table[chars[at]] ?? .unknown
        case .digit(let at, let unknown):
            unknown.contains(chars[at]) ? .unknown : chars[at].asciiDigitValue.isMultiple(of: 2) ? .female : .male
        }
        return PersonIdentifier(kind: .localReserve(region), value: String(chars), birthDate: birth, sex: sex)
    }
}

extension Character {
    var isASCIIUppercaseLetter: Bool {
        guard let a = asciiValue else { return false }
        return (65...90).contains(a)
    }
}
