/// A reason someone writes for a record (why a contact, why it ended): it must say
/// something, so "t" or "..." is not one (a stray key once saved a visit with the
/// reason "t"). One rule, read by the forms and the store alike.
public enum Reason {
    public static let minimumLetters = 3

    public static func isMeaningful(_ text: String) -> Bool {
        text.filter(\.isLetter).count >= minimumLetters
    }
}
