import Testing
@testable import NaraDomain

private let today = LocalDate(year: 2026, month: 11, day: 23)!
private let earliest = LocalDate(year: 1900, month: 1, day: 1)!

private func pad(_ n: Int, _ width: Int) -> String { LocalDate.pad(n, width) }

private func randomBirth(_ rng: inout SplitMix64) -> LocalDate {
    LocalDate(dayNumber: Int.random(in: earliest.dayNumber...today.dayNumber, using: &rng))
}

/// A valid 12-digit personnummer (or samordningsnummer) for `birth`.
private func twelveDigits(_ birth: LocalDate, serial: Int, coordination: Bool) -> String {
    let c = birth.components
    let nine = pad(c.year % 100, 2) + pad(c.month, 2) + pad(c.day + (coordination ? 60 : 0), 2) + pad(serial, 3)
    return pad(c.year / 100, 2) + nine + String(PersonIdentifier.luhnCheckDigit(nine)!)
}

/// The ten-digit form with the separator Skatteverket would print today.
private func tenDigits(_ twelve: String, birthYear: Int) -> String {
    let digits = Array(twelve.dropFirst(2))
    let separator = today.year - birthYear >= 100 ? "+" : "-"
    return String(digits[0..<6]) + separator + String(digits[6...])
}

private let reserveLetters = Array("ABCDEFGHJKLMNPRSTUXYZ")
private let excludedLetters = Array("IOQVW")

@Suite struct GeneratedPersonnummer {
    @Test func validNumbersAreAcceptedAndRoundTrip() throws {
        var rng = SplitMix64(seed: 0x4E41_5241)
        for _ in 0..<3000 {
            let birth = randomBirth(&rng)
            let serial = Int.random(in: 1...999, using: &rng)
            let coordination = Bool.random(using: &rng)
            let text = twelveDigits(birth, serial: serial, coordination: coordination)
            let id = try PersonIdentifier.parse(text, today: today)
            #expect(id.value == text)
            #expect(id.kind == (coordination ? .samordningsnummer : .personnummer))
            #expect(id.birthDate == birth)
            #expect(id.sex == ((serial % 10) % 2 == 1 ? .male : .female))
            #expect(try PersonIdentifier.parse(id.display, today: today) == id)
            #expect(try PersonIdentifier.parse(tenDigits(text, birthYear: birth.year), today: today) == id)
            #expect(try PersonIdentifier(stored: id.value) == id)
        }
    }

    /// Luhn catches every single-digit substitution in YYMMDDNNNC; the century digits are
    /// outside the check, so changing them may give another person's valid number.
    @Test func everySingleDigitChangeIsRejectedOrIsAnotherCentury() throws {
        var rng = SplitMix64(seed: 0xC0FF_EE)
        var rejected = 0, otherCentury = 0
        for _ in 0..<500 {
            let birth = randomBirth(&rng)
            let text = twelveDigits(birth, serial: Int.random(in: 1...999, using: &rng),
                                    coordination: Bool.random(using: &rng))
            let original = Array(text)
            for position in 0..<12 {
                for digit in "0123456789" where digit != original[position] {
                    var changed = original
                    changed[position] = digit
                    let mutated = String(changed)
                    if position >= 2 {
                        #expect(throws: IdentifierError.self, "\(mutated) from \(text)") {
                            try PersonIdentifier.parse(mutated, today: today)
                        }
                        rejected += 1
                    } else if let id = try? PersonIdentifier.parse(mutated, today: today) {
                        #expect(id.value == mutated && id.value != text)
                        #expect(id.birthDate?.year != birth.year)
                        otherCentury += 1
                    }
                }
            }
        }
        #expect(rejected == 500 * 10 * 9)
        #expect(otherCentury > 0)
    }

    /// Whatever the digits, a ten-digit number lands in the century window its separator names.
    @Test func tenDigitCenturyWindow() throws {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let nine = (0..<9).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            let check = PersonIdentifier.luhnCheckDigit(nine)!
            let plus = Bool.random(using: &rng)
            let text = String(nine.prefix(6)) + (plus ? "+" : "-") + String(nine.dropFirst(6)) + String(check)
            guard let id = try? PersonIdentifier.parse(text, today: today), let year = id.birthDate?.year else { continue }
            if plus {
                #expect((today.year - 199)...(today.year - 100) ~= year, "\(text)")
            } else {
                #expect((today.year - 99)...today.year ~= year, "\(text)")
            }
        }
    }
}

@Suite struct GeneratedReserveNumbers {
    @Test func nationalReserveIds() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let unknownBirth = Int.random(in: 0..<10, using: &rng) == 0
            let unknownSex = Int.random(in: 0..<10, using: &rng) == 0
            let birth = randomBirth(&rng)
            let c = birth.components
            let series = unknownBirth ? 0 : c.year / 100 + 3 * Int.random(in: 1...26, using: &rng)
            let date = unknownBirth
                ? pad(Int.random(in: 0...99, using: &rng), 2) + pad(Int.random(in: 20...99, using: &rng), 2)
                    + pad(Int.random(in: 40...59, using: &rng), 2)
                : pad(c.year % 100, 2) + pad(c.month, 2) + pad(c.day, 2)
            let letters = String([reserveLetters.randomElement(using: &rng)!, reserveLetters.randomElement(using: &rng)!])
            let sexDigit = Int.random(in: 0...9, using: &rng)
            let g = unknownSex ? String(reserveLetters.randomElement(using: &rng)!) : String(sexDigit)
            let body = pad(series, 2) + date + letters + g
            let text = body + String(Luhn.checkDigit(values: body.map { $0.isNumber ? Int(String($0))! : Int($0.asciiValue!) }))
            let id = try PersonIdentifier.parse(text, today: today)
            #expect(id.kind == .nationalReserve)
            #expect(id.value == text)
            #expect(id.birthDate == (unknownBirth ? nil : birth))
            #expect(id.sex == (unknownSex ? .unknown : sexDigit % 2 == 1 ? .male : .female))
            #expect(try PersonIdentifier.parse(text.lowercased(), today: today) == id)
            #expect(try PersonIdentifier.parse(id.display, today: today) == id)
            #expect(try PersonIdentifier(stored: id.value) == id)

            var bad = Array(text)
            let excluded = excludedLetters.randomElement(using: &rng)!
            bad[Int.random(in: 8...9, using: &rng)] = excluded
            #expect(throws: IdentifierError.characters(String(excluded))) {
                try PersonIdentifier.parse(String(bad), today: today)
            }
        }
    }

    @Test func orebroReserveIds() throws {
        var rng = SplitMix64(seed: 19)
        let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), aToJ = Array("ABCDEFGHIJ")
        for _ in 0..<2000 {
            let birth = randomBirth(&rng)
            let c = birth.components
            let text = pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + "T"
                + String(upper.randomElement(using: &rng)!) + String(Int.random(in: 0...9, using: &rng))
                + String(aToJ.randomElement(using: &rng)!)
            let id = try PersonIdentifier.parse(text, today: today)
            #expect(id.kind == .localReserve(.orebro))
            #expect(id.value == text)
            #expect(id.birthDate == birth)
            #expect(id.sex == .unknown)
            #expect(try PersonIdentifier.parse(text.lowercased(), today: today) == id)
            #expect(try PersonIdentifier(stored: id.value) == id)
        }
    }
}

@Suite struct GeneratedJunk {
    /// Random text never crashes the parser, and whatever it accepts is self-consistent:
    /// the kind matches the shape and the stored value reads back to the same identifier.
    @Test func acceptedTextIsConsistent() throws {
        var rng = SplitMix64(seed: 2026)
        let alphabet = Array("0123456789012345678901234567890123456789-+ ATBCIaz")
        var accepted = 0
        for _ in 0..<30000 {
            let length = Int.random(in: 0...14, using: &rng)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
            guard let id = try? PersonIdentifier.parse(text, today: today) else { continue }
            accepted += 1
            #expect(id.value.count == 12)
            #expect(try PersonIdentifier(stored: id.value) == id)
            #expect(try PersonIdentifier.parse(id.display, today: today) == id)
            let lead = Int(id.value.prefix(2))!
            switch id.kind {
            case .personnummer, .samordningsnummer:
                #expect(id.value.allSatisfy { $0.isASCIIDigitCharacter })
            case .nationalReserve:
                #expect(!(18...21).contains(lead))
            case .localReserve:
                #expect((17...21).contains(lead) || lead == 99)
            }
        }
        #expect(accepted > 0)
    }

    @Test func errorsAlwaysHaveACode() {
        var rng = SplitMix64(seed: 99)
        let alphabet = Array("0123456789-+ AIOTx")
        let codes: Set<String> = ["empty", "length", "characters", "date", "check_digit", "unknown_format", "future",
                                   "birth_number", "unknown_birth_serial"]
        for _ in 0..<5000 {
            let text = String((0..<Int.random(in: 0...14, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            do { _ = try PersonIdentifier.parse(text, today: today) } catch {
                #expect(codes.contains(error.code))
                #expect(!error.description.isEmpty)
            }
        }
    }

    /// Valid numbers with random bytes changed, inserted or cut, and any Unicode at all:
    /// never a crash, and every rejection names its reason.
    @Test func mutatedValidNumbersAndArbitraryUnicode() {
        var rng = SplitMix64(seed: 7)
        let extras: [Character] = ["\u{1B}", "\u{202E}", "\u{9B}", "\u{0}", "ö", "😀", "٣", "１", "\u{301}", "\n", "-", "+"]
        let valid = Array("19121212-1212")
        for _ in 0..<5000 {
            var chars = valid
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0...chars.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where at < chars.count: chars[at] = extras.randomElement(using: &rng)!
                case 1 where at < chars.count: chars.remove(at: at)
                default: chars.insert(extras.randomElement(using: &rng)!, at: at)
                }
            }
            do { _ = try PersonIdentifier.parse(String(chars), today: today) } catch {
                #expect(!error.description.isEmpty)
            }
        }
        let long = String(repeating: "1", count: 100_000)
        #expect(throws: IdentifierError.self) { try PersonIdentifier.parse(long, today: today) }
    }
}
