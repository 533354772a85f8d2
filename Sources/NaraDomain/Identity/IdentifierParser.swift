extension PersonIdentifier {
    /// Reads an identifier as a person would type it and records which format it matched.
    ///
    /// `today` decides the century of a ten-digit personnummer and rejects birth dates
    /// that have not happened yet; it is an argument so the rule can be tested on both
    /// sides of a birthday.
    ///
    /// The shape is chosen before anything is validated, so the error names the most
    /// specific reason: eight digits followed by a letter can only be a reserve number, as
    /// can twelve digits no personnummer has (`99…`, a day 32–59); anything else with a
    /// digit in it is read as a personnummer or samordningsnummer.
    public static func parse(_ text: String, today: LocalDate) throws(IdentifierError) -> PersonIdentifier {
        let chars = Array(text.trimmingEdgeWhitespace)
        guard !chars.isEmpty else { throw .empty }
        if looksLikeReserve(chars) || isDigitReserve(chars) { return try parseReserve(chars, today: today) }
        guard chars.contains(where: \.isASCIIDigitCharacter) else { throw .unknownFormat }
        return try parseNumeric(chars, today: today)
    }

    /// Re-reads a value already in the stored 12-character form (rows loaded from the
    /// store). The stored value has its century, so no "today" is needed; the far-future
    /// day only switches off the `.future` check.
    public init(stored: String) throws(IdentifierError) {
        let chars = Array(stored)
        guard !chars.isEmpty else { throw .empty }
        guard chars.count == 12 else { throw .length(found: chars.count) }
        let offending = chars.filter { !($0.isASCIIDigitCharacter || $0.isASCIILetter) }
        guard offending.isEmpty else { throw .characters(Self.uniqued(offending)) }
        self = try Self.parse(stored, today: Self.farFuture)
    }

    static let farFuture = LocalDate(dayNumber: LocalDate.days(fromYear: 9999, month: 12, day: 31))

    /// Eight digits and then a letter anywhere (`19651207-01M1`, `20100101014R`), or
    /// Region Skåne's short form, six digits and a letter (`810829DA1B`).
    private static func looksLikeReserve(_ chars: [Character]) -> Bool {
        let lead = chars.prefix(while: \.isASCIIDigitCharacter).count
        if lead >= 8 { return chars.dropFirst(8).contains(where: \.isLetter) }
        return lead == 6 && chars.count == 10 && chars[6].isLetter
    }
}

/// Shared pieces of the personnummer and reserve-number readers.
extension PersonIdentifier {
    /// The value of consecutive ASCII digits; callers have checked they are digits.
    static func number(_ chars: some Collection<Character>) -> Int {
        chars.reduce(0) { $0 * 10 + $1.asciiDigitValue }
    }

    static func uniqued(_ chars: [Character]) -> String {
        var seen: Set<Character> = []
        return String(chars.filter { seen.insert($0).inserted })
    }

    /// The date as written, for error messages; not necessarily a real date.
    static func dateText(year: Int, month: Int, day: Int) -> String {
        LocalDate.pad(year, 4) + "-" + LocalDate.pad(month, 2) + "-" + LocalDate.pad(day, 2)
    }
}

extension String {
    /// Copy-pasted numbers often carry spaces or a newline at the ends; inner spaces are
    /// left for the parser to reject.
    var trimmingEdgeWhitespace: Substring {
        let start = drop(while: \.isWhitespace)
        var end = start.endIndex
        while end > start.startIndex, start[start.index(before: end)].isWhitespace {
            end = start.index(before: end)
        }
        return start[start.startIndex..<end]
    }
}

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }

    /// Only a–z change: full Unicode uppercasing can change the length ("ß" → "SS").
    var asciiUppercased: Character {
        guard let a = asciiValue, (97...122).contains(a) else { return self }
        return Character(Unicode.Scalar(a - 32))
    }
}
