/// The mod-10 check digit of personnummer and samordningsnummer.
///
/// Doubling every other digit makes every single-digit typo change the sum mod 10,
/// which is why one wrong digit is always caught.
public enum Luhn {
    /// Check digit for the digits before it (weights 2,1,2,1… leftwards from the digit next
    /// to the check digit; for the nine digits of a personnummer, from the first one too).
    public static func checkDigit(_ digits: some Collection<Int>) -> Int {
        checkDigit(values: Array(digits))
    }

    /// Check digit for values that may be larger than one digit (a reserve number's
    /// letters counted as a number): the value next to the check digit is doubled, then
    /// every other one leftwards, and the decimal digits of every product are added.
    public static func checkDigit(values: [Int]) -> Int {
        var sum = 0
        for (index, value) in values.reversed().enumerated() {
            var product = index.isMultiple(of: 2) ? value * 2 : value
            while product > 0 {
                sum += product % 10
                product /= 10
            }
        }
        return (10 - sum % 10) % 10
    }
}

extension PersonIdentifier {
    /// Check digit for the nine digits `YYMMDDNNN`; nil unless exactly nine ASCII digits,
    /// so a caller cannot get a plausible digit for garbage.
    public static func luhnCheckDigit(_ nineDigits: some Collection<Character>) -> Int? {
        guard nineDigits.count == 9, nineDigits.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        return Luhn.checkDigit(nineDigits.map(\.asciiDigitValue))
    }
}

extension Character {
    /// 0–9 for an ASCII digit; callers check `isASCIIDigitCharacter` first.
    var asciiDigitValue: Int { Int(asciiValue ?? 48) - 48 }
}
