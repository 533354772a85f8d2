import Foundation
import NaraDomain
import TerminalUI

/// The screens of the program, each reached by its function key and digit.
public enum ScreenID: String, CaseIterable, Sendable {
    case search, overview, continuity, referrals, workLists
}

/// One screen on the stack with its own state.
public enum ScreenState: Sendable {
    case search(SearchState)
    /// A screen whose workflows are not built yet: it says what will be there.
    case placeholder(ScreenID)

    public var id: ScreenID {
        switch self {
        case .search: return .search
        case .placeholder(let id): return id
        }
    }
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
}

public struct AppState: Sendable {
    public var session: Session
    public var strings: Strings
    /// Never empty: the search screen is the bottom of the stack.
    public var stack: [ScreenState]
    public var overlay: Overlay?
    public var message: Message?
    public var width: Int
    public var height: Int
    public var now: Date
    public var timeZone: TimeZone
    /// The patient whose record is open, shown by the overview and continuity screens.
    public var patient: PatientRecord?
    public var shouldQuit = false

    public init(session: Session, strings: Strings, width: Int, height: Int, now: Date,
                timeZone: TimeZone = TimeZone(identifier: "Europe/Stockholm") ?? .current) {
        self.session = session
        self.strings = strings
        self.stack = [.search(SearchState())]
        self.width = width
        self.height = height
        self.now = now
        self.timeZone = timeZone
    }

    public var top: ScreenState {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    public var today: LocalDate { LocalDate(date: now, in: timeZone) }

    /// The smallest window the screens are designed for.
    public static let minimumWidth = 80, minimumHeight = 24
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// True when a text field has focus: printable keys go to it, not to key bindings.
    public var textFieldHasFocus: Bool {
        if overlay != nil { return false }
        if case .search = top { return true }
        return false
    }

    /// Input that would be lost by quitting. The search text is not a form: nothing is
    /// lost by leaving it.
    public var hasUnsavedInput: Bool { false }
}
