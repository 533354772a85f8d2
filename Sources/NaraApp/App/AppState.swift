import Foundation
import NaraDomain
import TerminalUI

/// The screens of the program, each reached by its function key and digit.
public enum ScreenID: String, CaseIterable, Sendable {
    case search, overview, continuity, referrals, workLists, accessLog, myDay
}

/// A line under the screen: a confirmation, or an error the user must see.
public struct Message: Hashable, Sendable {
    public enum Kind: Sendable { case info, error }
    public var text: String
    public var kind: Kind
}

/// Things drawn over the screen that take the keys while they are open.
public enum Overlay: Sendable {
    case help(scroll: Int)
    case confirmQuit(text: String, yesSelected: Bool)
    /// Leaving a form with input (quitting, or another screen's F-key): keep it as a draft
    /// (0), throw it away (1), or stay (2); `then` is what happens after 0 or 1.
    case leaveWithInput(selected: Int, then: AppAction)
    case emergency(EmergencyAccess)
    /// At start: a draft kept from a session that ended mid-form, offered back.
    case restoreDraft(FormDraft, text: String, yesSelected: Bool)
    /// The patient consents to the user's provider reading these providers' information,
    /// or (`revoke`) takes that consent back.
    case confirmConsent(PatientID, [ProviderID], revoke: Bool, text: String, yesSelected: Bool)
}

public struct AppState: Sendable {
    public var session: Session
    public var strings: Strings
    /// Never empty: the search screen is the bottom of the stack.
    public var stack: [any ScreenModel]
    public var overlay: Overlay?
    public var message: Message?
    public var width: Int
    public var height: Int
    public var now: Date
    public var timeZone: ClockZone
    /// The patient whose record is open, shown by the overview and continuity screens.
    public var patient: PatientRecord?
    /// Set when the open record was opened through emergency access: reading it again
    /// (after others' changes) needs the same stated reason.
    public var patientEmergencyReason: String?
    public var shouldQuit = false

    public init(session: Session, strings: Strings, width: Int, height: Int, now: Date,
                timeZone: ClockZone = .stockholm) {
        self.session = session
        self.strings = strings
        self.stack = [SearchScreen()]
        self.width = width
        self.height = height
        self.now = now
        self.timeZone = timeZone
    }

    public var top: any ScreenModel {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    public var today: LocalDate { LocalDate(date: now, in: timeZone) }

    /// The smallest window the screens are designed for.
    public static let minimumWidth = 80, minimumHeight = 24
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The rows between the top bar and the message line.
    public var bodyHeight: Int { max(0, height - 3) }

    /// True when a text field has focus: printable keys go to it, not to key bindings.
    public var textFieldHasFocus: Bool { overlay == nil && (top.textFieldHasFocus || top.capturesKeys) }

    /// Input that quitting would lose, on any screen of the stack.
    public var hasUnsavedInput: Bool { stack.contains { $0.hasUnsavedInput } }
}
