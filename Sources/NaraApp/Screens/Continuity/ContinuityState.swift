import NaraDomain
import TerminalUI

/// The four parts of the screen; on 80×24 one at a time, as tabs.
public enum ContinuityTab: Int, CaseIterable, Sendable {
    case contacts, encounters, measures, plan
}

/// What a form saves: the form's fields are read back by id when Enter is pressed.
public enum ContinuityFormKind: Hashable, Sendable {
    case assign(ContactRole)
    case end(contactId: RecordID, version: Int, role: ContactRole, staffName: String)
    case encounter
    /// `id` 0 creates a plan; an update carries the version it was read at.
    case plan(id: RecordID, version: Int)
    /// Makulering of what `label` names; the label is fixed when the form opens, so the
    /// dialog never changes its subject.
    case annul(AnnulTarget, label: String)
}

/// What an annulment form annuls: an encounter, or a named contact at the version read.
public enum AnnulTarget: Hashable, Sendable {
    case encounter(RecordID)
    case contact(RecordID, version: Int)
}

/// An open form with its input; `mode` and `planned` of the encounter form are pickers
/// drawn as text fields, so the input lives in `fields` like any other.
public struct ContinuityForm: Hashable, Sendable {
    public var kind: ContinuityFormKind
    public var fields: FormState
    /// A store refusal (a conflict, a rule) shown above the fields; the input stays.
    public var error: String?
    /// The fields as the form opened, so defaults (today, the user) are not "input".
    var initial: [String]
    /// What the user typed in the staff field before picking with ←/→: the picker
    /// cycles among the staff it matches.
    var staffQuery = ""

    /// Something typed that closing would lose.
    public var hasInput: Bool { fields.fields.map(\.state.trimmed) != initial }
}

/// A question over the form: saving waits for the answer, discarding too.
public struct ContinuityConfirm: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case discard
        case end(reason: String)
        case annul(reason: String)
        case replace(NewCareContact)
    }
    public var kind: Kind
    public var text: String
    public var yesSelected = false
}

public struct ContinuityState: Sendable {
    public var tab: ContinuityTab = .contacts
    // The first row starts selected, so `e` and `p` act on what the nurse sees on top.
    public var contacts = ListState(selected: 0)
    public var encounters = ListState(selected: 0)
    public var plans = ListState(selected: 0)
    public var form: ContinuityForm?
    public var confirm: ContinuityConfirm?
    /// `/` on the contacts or encounters tab.
    public var filter = ListFilter()
    /// Which encounters the continuity figures count; `s` switches to all units and back.
    public var scope = ContinuityScope.default

    public init() {}

    public var hasDialog: Bool { form != nil }
}

public enum ContinuityAction: Sendable {
    case nextTab, previousTab
    /// ↑/↓, PgUp/PgDn, g/G, Home/End: the moves every list shares.
    case move(ListMove)
    case assignContact, assignPhysician, endContact, newEncounter, editPlan, annul, reload
    /// Continuity over the listing unit's encounters, or all units' on request.
    case toggleScope
    /// `/` starts the filter line; every key goes to it until Enter or Esc.
    case beginFilter, filter(Event), clearFilter
    /// A key or paste while a form or question is open.
    case dialog(Event)
    /// The store refused a save: keep the input, show why.
    case saveFailed(String)
    /// The store saved: close the form.
    case saved
}

/// Work the reducer asks the screen to do against the store.
public enum ContinuityEffect: Hashable, Sendable {
    case assign(NewCareContact)
    case end(contactId: RecordID, version: Int, day: LocalDate, reason: String, staffName: String, role: ContactRole)
    case recordEncounter(NewEncounter)
    case savePlan(CoordinatedPlan)
    case annul(AnnulTarget, reason: String, label: String)
    case reload
    case message(String, isError: Bool)
}
