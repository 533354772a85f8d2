import NaraDomain

/// The referral screen's words in both languages. Kept beside the screen so the shared
/// table stays small and two screens never fight over one file.
struct ReferralsStrings: Sendable {
    var tabInbox: String, tabOutbox: String, tabPatient: String
    var colIdentifier: String, colName: String, colOtherUnit: String, colPriority: String
    var colState: String, colDeadline: String, colSent: String
    var noPatientOpen: String, noReferrals: String, noneMatch: String
    var filterAllOpen: String, filterAll: String, overdueOnly: String, withClosed: String
    var sortDeadline: String, sortSent: String
    var paused: String
    /// The list's clock while paused: the last day as the pause has moved it (MM-DD).
    var pausedDue: @Sendable (String) -> String
    /// "pausad 7 dagar: sista dag flyttad till …": why the deadline is later than the limit.
    var deadlineMoved: @Sendable (Int, String) -> String
    /// A patient-chosen pause's offered time, the patient told of the guarantee.
    var offered: @Sendable (String) -> String
    var daysLeft: @Sendable (Int) -> String
    var overdueDays: @Sendable (Int) -> String
    var met: @Sendable (String, Bool) -> String
    var count: @Sendable (Int) -> String
    // Detail
    var notForYourRole: String
    var detailTitle: String, question: String, priority: String, guarantee: String, from: String, to: String
    var sent: String, booked: String, seen: String, clock: String, pauses: String, reply: String, history: String
    var selfReferral: String, ongoing: String, noSelection: String, forwardedTo: String
    // Menu, forms, confirmations
    var menuTitle: String, noActions: String
    var newTitle: String, fieldUnit: String, fieldPriority: String, fieldQuestion: String
    var fieldReason: String, fieldDate: String, fieldReply: String, fieldPauseKind: String, fieldComment: String
    var hintUnit: String, hintPriority: String, hintDate: String, hintPauseKind: String, formFooter: String
    var errRequired: String, errNoUnit: String, errOwnUnit: String, errDate: String, errPriority: String
    var errPauseKind: String
    /// A patient-chosen pause: the time offered, and that the patient was told of the guarantee.
    var fieldOffered: String, fieldInformed: String, hintOffered: String, hintInformed: String, errInformed: String
    var errManyUnits: @Sendable (String) -> String
    var unitMatch: @Sendable (String) -> String
    var confirmTitle: String, discardTitle: String, discardText: String
    var confirmStep: @Sendable (String, String) -> String
    var needPatient: String
    var created: @Sendable (String) -> String
    var done: @Sendable (String, String) -> String
    var conflict: @Sendable (String, String) -> String
    var reloaded: String
    /// The referral changed under an open dialog: what the colleague did.
    var changedUnder: @Sendable (String) -> String
    // Keys
    var keymapTitle: String, helpTab: String, helpFirstLast: String, helpMenu: String, helpNew: String
    var helpFilterState: String, helpFilterPriority: String, helpOverdue: String, helpClosed: String
    var helpSort: String, helpReload: String, helpDetail: String

    static func of(_ language: Language) -> ReferralsStrings { language == .sv ? sv : en }

    func state(_ s: ReferralState) -> String { language.strings.referralState(s) }
    var language: Language

    func pause(_ k: PauseKind) -> String { k == .medical ? pauseMedical : pausePatient }
    var pausePatient: String, pauseMedical: String
}
