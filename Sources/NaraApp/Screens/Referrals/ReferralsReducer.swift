import NaraDomain
import TerminalUI

enum ReferralsReducer {
    /// `visibleRows` is how many table rows show: page moves go that far and the scroll
    /// offset follows the selection. The selection follows the referral, not the row, so
    /// filtering, sorting and reloading never jump to another patient.
    static func reduce(_ state: inout ReferralsState, _ action: ReferralsAction, today: LocalDate,
                       strings s: ReferralsStrings, visibleRows: Int = 10) -> [ReferralsEffect] {
        let before = state.selected(today: today)?.referral.id
        var effects: [ReferralsEffect] = []
        var keepSelection = true
        let count = state.rows(today: today).count
        switch action {
        case .nextTab, .previousTab:
            let all = ReferralTab.allCases
            let step = { if case .nextTab = action { 1 } else { all.count - 1 } }()
            state.tab = all[(state.tab.rawValue + step) % all.count]
            state.list = ListState()
            state.detailScroll = 0
            keepSelection = false
        case .move(let move):
            state.list.apply(move, count: count, page: visibleRows)
            state.detailScroll = 0
            keepSelection = false
        case .cycleStateFilter:
            let cycle = state.filter.stateCycle()
            let i = cycle.firstIndex { $0 == state.filter.state } ?? 0
            state.filter.state = cycle[(i + 1) % cycle.count]
        case .cyclePriorityFilter:
            let cycle: [ReferralPriority?] = [nil] + ReferralPriority.defaultScale.map { Optional($0) }
            let i = cycle.firstIndex { $0 == state.filter.priority } ?? 0
            state.filter.priority = cycle[(i + 1) % cycle.count]
        case .toggleOverdue: state.filter.overdueOnly.toggle()
        case .toggleClosed:
            state.filter.includeClosed.toggle()
            if let chosen = state.filter.state, chosen.isClosed, !state.filter.includeClosed { state.filter.state = nil }
            effects.append(.reload)
        case .toggleSort: state.sort = state.sort == .deadline ? .sent : .deadline
        case .beginSearch: state.search.begin()
        case .search(let event): _ = state.search.handle(event)
        case .clearSearch: state.search.clear()
        case .toggleDetail:
            state.detailExpanded.toggle()
            state.detailScroll = 0
        case .openMenu:
            guard let item = state.selected(today: today) else { break }
            let actions = item.referral.availableActions(for: state.ownUnit)
                .filter { state.rights.contains(.write($0.category)) }
            var list = ListState()
            list.select(0, count: actions.count)
            state.overlay = .menu(item.referral.id, actions: actions, list: list)
        case .menuUp, .menuDown:
            guard case .menu(let id, let actions, var list) = state.overlay else { break }
            if case .menuUp = action { list.moveUp(count: actions.count) } else { list.moveDown(count: actions.count) }
            state.overlay = .menu(id, actions: actions, list: list)
        case .menuChoose:
            guard case .menu(let id, let actions, let list) = state.overlay, let i = list.selected,
                  actions.indices.contains(i), let referral = find(id, in: state) else { break }
            let kind = actions[i]
            if ReferralForms.needsForm(kind) {
                state.overlay = .form(ReferralForms.step(kind, referral: referral, s))
            } else {
                state.overlay = .confirm(id, version: referral.version, kind, yesSelected: true)
            }
        case .close:
            closeOrAsk(&state)
        case .confirmToggle:
            switch state.overlay {
            case .confirm(let id, let version, let kind, let yes):
                state.overlay = .confirm(id, version: version, kind, yesSelected: !yes)
            case .form(var form) where form.discarding != nil:
                form.discarding?.toggle()
                state.overlay = .form(form)
            default: break
            }
        case .confirmYes:
            switch state.overlay {
            case .confirm(let id, let version, let kind, _):
                if let step = plainAction(kind) { effects.append(.apply(id, version: version, step)) }
            case .form(let form) where form.discarding != nil:
                state.overlay = nil
            default: break
            }
        case .confirmNo:
            switch state.overlay {
            case .confirm: state.overlay = nil
            case .form(var form) where form.discarding != nil:
                form.discarding = nil
                state.overlay = .form(form)
            default: break
            }
        case .newReferral(let patient):
            var form = ReferralForms.newReferral(s, patient: patient)
            ReferralForms.updateUnitHint(&form, units: state.units, ownUnit: state.ownUnit, s)
            state.overlay = .form(form)
        case .form(let event):
            guard case .form(var form) = state.overlay else { break }
            switch form.fields.handle(event) {
            case .consumed, .ignored:
                ReferralForms.updateUnitHint(&form, units: state.units, ownUnit: state.ownUnit, s)
                state.overlay = .form(form)
            case .cancel:
                closeOrAsk(&state)
            case .submit:
                effects += submit(&form, state: state, s)
                state.overlay = .form(form)
            }
        case .loaded(let inbox, let outbox, let patient):
            state.inbox = inbox
            state.outbox = outbox
            state.patientItems = patient
            state.loaded = true
        }
        let rows = state.rows(today: today)
        if keepSelection, let before, let index = rows.firstIndex(where: { $0.referral.id == before }) {
            state.list.select(index, count: rows.count)
        } else {
            state.list.select(state.list.selected ?? 0, count: rows.count)
        }
        state.list.scrollToSelection(visibleRows: visibleRows, count: rows.count)
        return effects
    }


    /// Esc: a discard question goes away, a form with input asks first, anything else closes.
    private static func closeOrAsk(_ state: inout ReferralsState) {
        switch state.overlay {
        case .form(var form):
            if form.discarding != nil {
                form.discarding = nil
                state.overlay = .form(form)
            } else if form.fields.hasInput {
                form.discarding = false
                state.overlay = .form(form)
            } else {
                state.overlay = nil
            }
        case .menu, .confirm:
            state.overlay = nil
        case nil:
            if state.detailExpanded { state.detailExpanded = false }
        }
    }

    private static func submit(_ form: inout ReferralForm, state: ReferralsState, _ s: ReferralsStrings) -> [ReferralsEffect] {
        switch form.purpose {
        case .create(let patient):
            switch ReferralForms.newReferral(form.fields, patient: patient, ownUnit: state.ownUnit,
                                             units: state.units, s) {
            case .success(let new):
                form.fields.setErrors([:])
                return [.create(new)]
            case .failure(let errors):
                form.fields.setErrors(errors.byField)
            }
        case .step(let id, let version, let kind):
            switch ReferralForms.action(kind, form.fields, units: state.units, referral: find(id, in: state), s) {
            case .success(let action):
                form.fields.setErrors([:])
                return [.apply(id, version: version, action, task: ReferralForms.task(form.fields))]
            case .failure(let errors):
                form.fields.setErrors(errors.byField)
            }
        }
        return []
    }

    static func plainAction(_ kind: ReferralActionKind) -> ReferralAction? {
        switch kind {
        case .send: return .send
        case .confirmReceipt: return .confirmReceipt
        case .accept: return .accept
        case .markSeen: return .markSeen
        case .acknowledgeReply: return .acknowledgeReply
        case .patientInformed: return .patientInformed
        case .resumeClock: return .resumeClock
        default: return nil
        }
    }

    /// The freshest copy of a referral among the lists (the patient tab may lag behind).
    static func find(_ id: RecordID, in state: ReferralsState) -> Referral? {
        (state.inbox + state.outbox + (state.patientItems ?? []))
            .map(\.referral).filter { $0.id == id }.max { $0.version < $1.version }
    }
}
