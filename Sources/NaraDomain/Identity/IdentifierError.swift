/// Why a text was not accepted as a person identifier.
///
/// Each case names one reason so that a nurse who typed the number can see what to fix;
/// `code` stays stable so the Swedish interface can translate it without parsing English.
public enum IdentifierError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    /// Digits (numeric forms) or characters (reserve forms) counted in the input.
    case length(found: Int)
    /// The characters that do not belong, each once, in the order they appear.
    case characters(String)
    /// The date as written (with the century when known), which is not a real birth date.
    case date(String)
    case checkDigit(expected: Int, found: Int)
    case unknownFormat
    /// The birth date is after today.
    case future
    /// A personnummer or samordningsnummer whose birth number (the three digits before
    /// the check digit) is 000: Skatteverket gives out 001–999 only.
    case birthNumber
    /// A national reserve number for an unknown birth date (`00…`) whose serial is not
    /// month 20–99 and day 40–59.
    case unknownBirthSerial

    public var code: String {
        switch self {
        case .empty: "empty"
        case .length: "length"
        case .characters: "characters"
        case .date: "date"
        case .checkDigit: "check_digit"
        case .unknownFormat: "unknown_format"
        case .future: "future"
        case .birthNumber: "birth_number"
        case .unknownBirthSerial: "unknown_birth_serial"
        }
    }

    public var description: String {
        switch self {
        case .empty:
            "The identifier is empty."
        case .length(let found):
            "The identifier has \(found) digits or characters; expected 10 or 12 digits, or 12 characters for a reserve number."
        case .characters(let text):
            "The identifier contains characters that are not allowed here: \"\(text)\"."
        case .date(let text):
            "\(text) is not a real birth date."
        case .checkDigit(let expected, let found):
            "The check digit is \(found), expected \(expected)."
        case .unknownFormat:
            "The text is not a personnummer, samordningsnummer or known reserve number."
        case .future:
            "The birth date is after today."
        case .birthNumber:
            "The birth number (the three digits before the check digit) is 000; it runs from 001 to 999."
        case .unknownBirthSerial:
            "A national reserve number for an unknown birth date (00) has month 20–99 and day 40–59 in its serial."
        }
    }
}
