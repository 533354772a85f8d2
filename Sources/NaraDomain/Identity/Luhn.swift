/// The mod-10 check digit of personnummer and samordningsnummer.
///
/// Doubling every other digit makes every single-digit typo change the sum mod 10,
/// which is why one wrong digit is always caught.
public enum Luhn {
    /// Check digit for the digits before it (weights 2,1,2,1… from the first digit).
    public static func checkDigit(_ digits: some Collection<Int>) -> Int {
        var sum = 0
        for (index, digit) in digits.enumerated() {
            let product = index.isMultiple(of: 2) ? digit * 2 : digit
            sum += product / 10 + product % 10
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
