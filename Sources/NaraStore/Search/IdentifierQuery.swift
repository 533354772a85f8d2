import NaraDomain

/// What a typed search text means. Digits (with `-`, `+` or spaces) are an identifier or
/// its beginning; a reserve number is letters and digits starting with digits;
/// anything else is names.
enum IdentifierQuery: Equatable {
    /// 12 characters: the stored form.
    case exact(String)
    /// 10 digits typed without century: matches any century.
    case short(String)
    /// The beginning of a stored or short identifier.
    case prefix(String)
    case name([String])

    init(_ text: String) {
        let compact = text.filter { $0 != "-" && $0 != "+" && $0 != " " }.uppercased()
        let digitsOnly = !compact.isEmpty && compact.allSatisfy(\.isASCIIDigitCharacter)
        let startsWithDigits = compact.prefix(2).count == 2 && compact.prefix(2).allSatisfy(\.isASCIIDigitCharacter)
        let alphanumeric = compact.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        if digitsOnly {
            switch compact.count {
            case 12: self = .exact(compact)
            case 10 where !compact.hasPrefix("19") && !compact.hasPrefix("20"): self = .short(compact)
            case 13...: self = .exact(compact) // finds nothing, and says so
            default: self = .prefix(compact)
            }
        } else if startsWithDigits && alphanumeric && compact.count >= 4 {
            self = compact.count == 12 ? .exact(compact) : .prefix(compact)
        } else {
            self = .name(SearchFolding.words(text))
        }
    }
}
