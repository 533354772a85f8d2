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

    public var code: String {
        switch self {
        case .empty: "empty"
        case .length: "length"
        case .characters: "characters"
        case .date: "date"
        case .checkDigit: "check_digit"
        case .unknownFormat: "unknown_format"
        case .future: "future"
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
        }
    }
}
