import NaraDomain

/// Every word the interface shows, in one table per language. A missing translation is
/// a compile error, not an English word in a Swedish screen.
public struct Strings: Sendable {
    public var language: Language
    public var product: String
    public var demoBanner: String
    // Screens
    public var searchTitle: String
    public var overviewTitle: String
    public var continuityTitle: String
    public var referralsTitle: String
    public var workListsTitle: String
    public var accessLogTitle: String
    public var myDayTitle: String
    public var helpTitle: String
    // Function-bar labels and help texts of global keys
    public var barHelp: String, helpHelp: String
    public var barSearch: String, helpSearch: String
    public var barOverview: String, helpOverview: String
    public var barContinuity: String, helpContinuity: String
    public var barReferrals: String, helpReferrals: String
    public var barWorkLists: String, helpWorkLists: String
    public var barAccessLog: String, helpAccessLog: String
    public var helpMyDay: String
    public var barQuit: String, helpQuit: String
    public var helpBack: String
    public var helpRedraw: String
    public var helpFindAnywhere: String
    // Lists
    public var helpMove: String, helpFirstLast: String, helpPage: String, helpOpen: String
    /// `/` on a list, and the count on its line: "3 av 40".
    public var helpFilter: String
    public var filterCount: @Sendable (Int, Int) -> String
    // Search
    public var searchPrompt: String
    public var searchPlaceholder: String
    public var searchHint: String
    public var searchNoResults: String
    public var columnIdentifier: String, columnName: String, columnAge: String
    public var columnListing: String
    public var protectedIdentity: String
    /// A deceased patient: "Avliden 2026-03-01", or without the day when it is unknown.
    public var deceased: @Sendable (LocalDate?) -> String
    /// A measurement's name ("Blodtryck") and a smoking status in words ("aldrig rökt").
    public var observationName: @Sendable (ObservationKind) -> String
    public var smokingStatus: @Sendable (SmokingStatus) -> String
    public var resultsCount: @Sendable (Int) -> String
    public var moreResults: @Sendable (Int) -> String
    // Quit and messages
    public var confirmQuitTitle: String
    public var leaveFormTitle: String
    public var confirmQuitUnsaved: String
    public var confirmQuitCtrlC: String
    public var keepDraftAndQuit: String, discardAndQuit: String, stay: String
    public var yes: String, no: String
    public var tooSmall: @Sendable (Int, Int) -> String
    public var helpFooter: String
    public var errorPrefix: String
    // Emergency access (nödåtkomst)
    public var emergencyTitle: String
    public var emergencyExists: @Sendable (String) -> String
    public var emergencyNoRelationship: String
    public var emergencyAsk: String
    public var emergencyReasonPrompt: String
    public var emergencyLogged: String
    public var emergencyReasonTooShort: String
    public var emergencyOpened: String
    public var accessDenied: String
    public var blockedNotice: String
    public var consentNeededNotice: String
    public var consentTitle: String
    public var consentRecorded: String
    public var consentRevoked: String
    public var everyOtherProvider: String
    public var revokeQuestion: @Sendable ([String]) -> String
    public var noConsentNeeded: String
    /// "Does the patient consent to you reading what X and Y documented?"
    public var consentQuestion: @Sendable ([String]) -> String
    // Drafts kept when a session ended without the user choosing, and cut input
    public var draftTitle: String
    /// When it was saved, whose record and which screen.
    public var draftOffer: @Sendable (String, String, String) -> String
    public var draftKept: String
    public var draftRestored: String
    public var draftNotRestored: String
    /// A paste or typing was cut at the field's limit of so many characters.
    public var fieldCut: @Sendable (Int) -> String
}

extension Strings {
    /// Numbers with the language's decimal mark: "0,42" in Swedish, "0.42" in English.
    public func decimal(_ value: Double, digits: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let whole = Int(rounded.magnitude)
        var fraction = Int(((rounded.magnitude - Double(whole)) * scale).rounded())
        var wholePart = whole
        if fraction >= Int(scale) { wholePart += 1; fraction -= Int(scale) }
        let sign = rounded < 0 && (wholePart > 0 || fraction > 0) ? "-" : ""
        guard digits > 0 else { return sign + String(wholePart) }
        var f = String(fraction)
        while f.count < digits { f = "0" + f }
        return sign + String(wholePart) + (language == .sv ? "," : ".") + f
    }
}
