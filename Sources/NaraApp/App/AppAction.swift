import NaraDomain

/// What the global keys ask the program to do.
public enum AppAction: Sendable, Equatable {
    case showHelp
    case go(ScreenID)
    case back
    case quit
    case interrupt
    case redraw
}

/// Work a screen's reducer asks for; the screen runs it against the store.
public enum Effect: Sendable {
    case searchPatients(String)
    case openRecord(PatientID)
    case redraw
}
