import NaraDomain
import TerminalUI

/// Everything a key can ask the program to do.
public enum AppAction: Sendable {
    case showHelp
    case go(ScreenID)
    case back
    case quit
    case interrupt
    case redraw
    case search(SearchAction)
}

/// Work a reducer asks for; the app runs it against the store and feeds the result back.
public enum Effect: Sendable {
    case searchPatients(String)
    case openRecord(PatientID)
    case redraw
}
