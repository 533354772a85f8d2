import NaraDomain
import TerminalUI

public enum ReferralTab: Int, CaseIterable, Sendable {
    case inbox, outbox, patient
}

public enum ReferralSort: Sendable {
    /// The guarantee deadline first: what must be chased comes to the top.
    case deadline
    case sent
}

/// What the list shows. Kept in the state so switching tabs or reloading never resets it.
public struct ReferralFilter: Hashable, Sendable {
    /// Nil: every state (every open one unless `includeClosed`).
    public var state: ReferralState?
    public var priority: ReferralPriority?
    public var overdueOnly = false
    public var includeClosed = false

    public init() {}

    /// The states `f` cycles through: closed ones only when they can be on the list.
    func stateCycle() -> [ReferralState?] {
        [nil] + ReferralState.allCases.filter { includeClosed || $0.isOpen }.map { Optional($0) }
    }

    func admits(_ referral: Referral, today: LocalDate) -> Bool {
        if !includeClosed && referral.state.isClosed { return false }
        if let state, referral.state != state { return false }
        if let priority, referral.priority != priority { return false }
        if overdueOnly && !referral.isOverdue(today: today) { return false }
        return true
    }
}

/// A small form over the list: a new referral, or a step that needs data.
public struct ReferralForm: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case create(PatientID)
        /// `version` is what the step is based on; a newer one in the store is a conflict.
        case step(RecordID, version: Int, ReferralActionKind)
    }
    public var purpose: Purpose
    public var title: String
    public var fields: FormState
    /// Esc on a form with input asks first; this is that question, with "yes" selected or not.
    public var discarding: Bool? = nil
}

/// What takes the keys over the list while it is open.
public enum ReferralOverlay: Hashable, Sendable {
    /// Only the steps the user's unit may take now.
    case menu(RecordID, actions: [ReferralActionKind], list: ListState)
    /// A step without data, asked yes/no first.
    case confirm(RecordID, version: Int, ReferralActionKind, yesSelected: Bool)
    case form(ReferralForm)
}

public struct ReferralsState: Sendable {
    public var tab: ReferralTab = .inbox
    public var inbox: [ReferralListItem] = []
    public var outbox: [ReferralListItem] = []
    /// Nil when no patient is open.
    public var patientItems: [ReferralListItem]? = nil
    public var filter = ReferralFilter()
    /// `/`: narrows the rows by the patient's name or identifier.
    public var search = ListFilter()
    public var sort = ReferralSort.deadline
    public var list = ListState()
    public var overlay: ReferralOverlay?
    /// The referral under the open dialog changed (another session, or a refused save):
    /// what the colleague did, shown in the dialog beside the user's input.
    public var dialogNote: String?
    /// Reading a box failed: said instead of "Inga remisser.", never as an empty list.
    public var loadError: String?
    /// The whole body shows the selected referral; ↑/↓ scroll it.
    public var detailExpanded = false
    public var detailScroll = 0
    public var loaded = false
    /// Names looked up once: the history repeats the same few people.
    public var staffNames: [StaffID: String] = [:]
    public var units: [CareUnit] = []
    /// The unit the session acts for: it decides inbox, outbox and the other party.
    public var ownUnit: UnitID = UnitID("")
    /// What the user's roles allow: the step menu offers only steps they may take.
    public var rights: Set<Right> = Set(Right.allCases)

    public init() {}

    func items(_ tab: ReferralTab) -> [ReferralListItem] {
        switch tab {
        case .inbox: return inbox
        case .outbox: return outbox
        case .patient: return patientItems ?? []
        }
    }

    /// The rows of the current tab after filtering and sorting.
    public func rows(today: LocalDate) -> [ReferralListItem] {
        let shown = search.filter(items(tab).filter { filter.admits($0.referral, today: today) }) {
            "\($0.patient.name ?? "") \($0.patient.identifier.display)"
        }
        switch sort {
        case .deadline:
            return shown.sorted { a, b in
                let da = a.referral.daysLeft(today: today), db = b.referral.daysLeft(today: today)
                switch (da, db) {
                case let (x?, y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return Self.sentOrder(a.referral, b.referral)
                }
            }
        case .sent:
            return shown.sorted { Self.sentOrder($0.referral, $1.referral) }
        }
    }

    /// Oldest decision first; drafts (not sent) after, by when they were written.
    static func sentOrder(_ a: Referral, _ b: Referral) -> Bool {
        switch (a.sentOn, b.sentOn) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id
        }
    }

    public func selected(today: LocalDate) -> ReferralListItem? {
        let rows = rows(today: today)
        return list.selected.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
    }

    /// The unit on the other side of the referral from the user's unit.
    func otherUnit(_ r: Referral) -> (id: UnitID, incoming: Bool) {
        r.fromUnitId == ownUnit ? (r.toUnitId, false) : (r.fromUnitId, true)
    }

    func unitName(_ id: UnitID) -> String { units.first { $0.id == id }?.name ?? id.rawValue }

    func staffName(_ id: StaffID) -> String { staffNames[id] ?? id.rawValue }

    public var formHasInput: Bool {
        if case .form(let form) = overlay { return form.fields.hasInput }
        return false
    }
}

public enum ReferralsAction: Sendable {
    case nextTab, previousTab
    /// ↑/↓, PgUp/PgDn, g/G, Home/End: the moves every list shares.
    case move(ListMove)
    case cycleStateFilter, cyclePriorityFilter, toggleOverdue, toggleClosed, toggleSort
    case toggleDetail
    /// `/` starts the search line; every key goes to it until Enter or Esc.
    case beginSearch, search(Event), clearSearch
    case openMenu
    case menuUp, menuDown, menuChoose
    /// Esc: closes the confirmation, menu or form (asking first when a form has input).
    case close
    case confirmToggle, confirmYes, confirmNo
    case newReferral(PatientID)
    /// A key or paste for the open form.
    case form(Event)
    case loaded(inbox: [ReferralListItem], outbox: [ReferralListItem], patient: [ReferralListItem]?)
}

/// What the reducer asks the screen to do with the store.
public enum ReferralsEffect: Hashable, Sendable {
    /// Read the lists again (closed ones are fetched only when shown).
    case reload
    /// `task`: text of a task for the sending unit, written once the step is saved.
    case apply(RecordID, version: Int, ReferralAction, task: String? = nil)
    case create(NewReferral)
}
