import Foundation
import NaraDomain
import TerminalUI

/// What a screen works with while it handles a key or draws: the store (through the
/// domain's protocol, so the access log is written by the store's door), who is using
/// the program, the language, and the day.
public struct ScreenContext {
    public let store: any CareStore
    public let session: Session
    public let strings: Strings
    public let now: Date
    public let today: LocalDate
    /// The screen's own area: the whole window less the top bar, message line and key bar.
    public let bodyWidth: Int
    public let bodyHeight: Int
    /// The record opened last, shared by the overview and the continuity screen.
    public let patient: PatientRecord?
    /// Box lines and chart blocks: Unicode, or ASCII on terminals that cannot show them.
    public let glyphs: Glyphs

    public var language: Language { strings.language }
}

/// What a screen asks of the program after an event.
public enum ScreenCommand: Sendable {
    /// Open a patient's record through the store's door and show the overview.
    case openPatient(PatientID)
    /// Open a patient's record and, when it opened, go on to one of its screens.
    case openPatientOn(PatientID, ScreenID)
    /// Go to a screen and open one of its forms, as a kept draft is put back: a work
    /// list's row asks Min dag for its task form about the row's patient.
    case openForm(ScreenID, ScreenDraft)
    /// The open record changed (a save): read it again.
    case reloadPatient
    case go(ScreenID)
    case back
    case message(String, isError: Bool)
    /// Ask whether the patient consents to reading the open record's other providers' information.
    case askConsent
}

/// One screen: its state, how it reacts to events, how it draws, and the keys it offers
/// (for help). A folder under Screens/ holds each, so adding a screen never touches
/// another one.
public protocol ScreenModel: Sendable {
    var id: ScreenID { get }
    /// Printable keys go to the screen first (a text field has focus).
    var textFieldHasFocus: Bool { get }
    /// Every key goes to the screen first (a form or dialog is open); only Ctrl-C does not.
    var capturesKeys: Bool { get }
    /// Input that quitting would lose.
    var hasUnsavedInput: Bool { get }
    /// The screen's keys, for the help overlay.
    func help(_ strings: Strings) -> HelpSection?
    /// Handles an event; returns whether it was used, and what the program should do.
    mutating func handle(_ event: Event, _ context: ScreenContext) -> (handled: Bool, commands: [ScreenCommand])
    /// The screen has just been put on top of the stack: read what it shows.
    mutating func appear(_ context: ScreenContext) -> [ScreenCommand]
    /// Another session committed: read again what is shown.
    mutating func refresh(_ context: ScreenContext)
    /// A second has passed with the screen on top: the time to do what it put off (a
    /// read held back so that it is not made again on every commit of others).
    mutating func tick(_ context: ScreenContext)
    /// Draws into `area` and returns where the terminal cursor belongs, if anywhere.
    func render(in area: Rect, buffer: inout Buffer, _ context: ScreenContext) -> (x: Int, y: Int)?
    /// The open form's input, kept when the session ends without the user choosing.
    func draft() -> ScreenDraft?
    /// Opens the form a draft came from and puts its input back; false when that form
    /// cannot be opened now (the record it belongs to is not open).
    mutating func restore(_ draft: ScreenDraft, _ context: ScreenContext) -> Bool
    /// Kept when the nurse leaves it, and shown as it was when she comes back, so that a
    /// screen that reads much (a unit's queues, its work lists) is read once, not on
    /// every visit. Refreshed like the stack when others commit.
    var keepsStateWhenLeft: Bool { get }
    /// Work that may follow the frame: the program draws first, then does it when no
    /// key is waiting, then draws again.
    var hasIdleWork: Bool { get }
    mutating func doIdleWork(_ context: ScreenContext) -> [ScreenCommand]
}

extension ScreenModel {
    public var textFieldHasFocus: Bool { false }
    public var capturesKeys: Bool { false }
    public var hasUnsavedInput: Bool { false }
    public mutating func appear(_ context: ScreenContext) -> [ScreenCommand] { [] }
    public mutating func refresh(_ context: ScreenContext) {}
    public mutating func tick(_ context: ScreenContext) {}
    public func draft() -> ScreenDraft? { nil }
    public mutating func restore(_ draft: ScreenDraft, _ context: ScreenContext) -> Bool { false }
    public var keepsStateWhenLeft: Bool { false }
    public var hasIdleWork: Bool { false }
    public mutating func doIdleWork(_ context: ScreenContext) -> [ScreenCommand] { [] }
}

/// A titled list of keys and what they do, drawn by the help overlay.
public struct HelpSection: Sendable {
    public var title: String
    public var rows: [(keys: String, help: String)]

    public init(title: String, rows: [(keys: String, help: String)]) {
        self.title = title
        self.rows = rows
    }

    /// Help straight from a keymap, so it lists what the keys really do. Neighbouring
    /// bindings with the same help share a row: "↑/↓  Flytta markeringen".
    public init<A>(_ keymap: Keymap<A>) {
        var rows: [(keys: String, help: String)] = []
        for binding in keymap.bindings {
            if let last = rows.last, last.help == binding.help {
                rows[rows.count - 1].keys += "/" + binding.keyNames
            } else {
                rows.append((binding.keyNames, binding.help))
            }
        }
        self.init(title: keymap.title, rows: rows)
    }
}
