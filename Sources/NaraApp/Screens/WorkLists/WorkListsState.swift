import NaraDomain
import TerminalUI

/// The two levels of the screen: the unit's lists with their counts, and, once one is
/// opened, its patients. Counts are read when the screen opens and when others commit,
/// never while drawing, so a frame costs no queries.
public struct WorkListsState: Sendable {
    public var kinds: [WorkListKind] = WorkListKind.allCases
    /// Nil until counted; a kind missing from a counted map could not be counted.
    public var counts: [WorkListKind: Int]?
    public var lists = ListState(selected: 0)
    /// The list whose patients are shown, or nil on the list of lists.
    public var open: WorkListKind?
    /// The open list's patients as read; `rows` is what the filter keeps of them.
    public var loaded: [WorkListRow] = []
    public private(set) var rows: [WorkListRow] = []
    public var patients = ListState()
    /// `/` on the open list: narrows it by name or personnummer.
    public var filter = ListFilter()
    /// `h`: the note of a row being marked handled, and the patient it is for.
    public var note: TextFieldState?
    public var noteFor: PatientID?

    public init() {}

    public var selectedKind: WorkListKind? {
        lists.selected.flatMap { kinds.indices.contains($0) ? kinds[$0] : nil }
    }

    /// Sets the rows shown from what was read and the filter.
    public mutating func applyFilter() {
        rows = filter.filter(loaded) { "\($0.patient.name ?? "") \($0.patient.identifier.display)" }
    }

    /// What the count of the open list says: the rows nobody has handled.
    public var leftToDo: Int { loaded.count { $0.claim?.isHandled != true } }

    public var selectedRow: WorkListRow? {
        patients.selected.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
    }

    /// How many patients one query reads: more than a vårdcentral lists, so a count at
    /// the limit is shown as "at least".
    public static let limit = 20_000
}

public enum WorkListsAction: Sendable {
    /// ↑/↓, PgUp/PgDn, g/G, Home/End: the moves every list shares.
    case move(ListMove)
    /// Enter: opens the selected list, or the selected patient's record.
    case open
    /// Esc: closes the open list.
    case back
    /// `u`: counts again, and reads the open list again.
    case refresh
    case counted([WorkListKind: Int])
    case loaded(WorkListKind, [WorkListRow])
    /// `/`: type a filter; then every key or paste goes to it until Enter or Esc.
    case beginFilter
    case filter(Event)
    /// `t`: take the selected patient, or give back one's own.
    case take
    /// `h`: write a note and mark the selected row handled.
    case beginHandled
    case note(Event)
    /// `c`: the selected patient's contacts (continuity), to appoint or register.
    case contacts
    /// `T` and `N`: Min dag's task or care-request form about the selected patient.
    case newTask, newCareRequest
    /// A take, give-back or handled mark the store accepted.
    case claimed(PatientID, WorkListClaim?)
    /// The store refused the note: it stays, with the message shown by the screen.
    case noteRefused
}

/// Store work the reducer asks for; the screen runs it.
public enum WorkListsEffect: Sendable, Equatable {
    case count
    /// `logged`: the nurse opened the list, which is a look at patient data; a reload of
    /// a list already open is not a new look.
    case load(WorkListKind, logged: Bool)
    case openPatient(PatientID)
    case take(WorkListKind, PatientID)
    case handled(WorkListKind, PatientID, note: String)
    case openContacts(PatientID)
    /// Min dag's form of this name ("task", "request") about the patient.
    case openDayForm(String, PatientID)
}
