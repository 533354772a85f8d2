import TerminalUI

/// What the overview keeps between keys: only how far it is scrolled. Everything shown
/// comes from the open record, which the program owns, so a reload cannot leave the
/// screen showing stale copies.
public struct OverviewState: Sendable, Hashable {
    /// The first document row shown.
    public var scroll = 0
    /// `n`: the interpreter and next-of-kin form, while it is open.
    var details: OverviewDetailsForm?

    public init() {}
}

public enum OverviewAction: Sendable, Hashable {
    case scrollUp, scrollDown, pageUp, pageDown, top, bottom
    case openContinuity, openReferrals, reload, recordConsent
    /// `n`: open the interpreter and next-of-kin form.
    case editDetails
}

/// What the reducer asks the screen to do outside its own state.
public enum OverviewEffect: Sendable, Hashable {
    case go(ScreenID)
    case reload
    case askConsent
    case openDetails
}
