import NaraDomain
import TerminalUI

enum ContinuityReducer {
    static func reduce(_ state: inout ContinuityState, _ action: ContinuityAction,
                       _ env: ContinuityEnvironment) -> [ContinuityEffect] {
        let facts = env.facts(state.filter)
        let s = env.strings
        switch action {
        case .nextTab, .previousTab:
            let n = ContinuityTab.allCases.count
            let step = { if case .nextTab = action { 1 } else { n - 1 } }()
            state.tab = ContinuityTab(rawValue: (state.tab.rawValue + step) % n) ?? .contacts
            // A filter belongs to the list it was typed on.
            if state.filter.isShown {
                state.filter.clear()
                refilter(&state, env)
            }

        case .move(let move):
            let count = facts?.count(state.tab) ?? 0, rows = env.visibleRows(state.tab)
            switch state.tab {
            case .contacts: state.contacts.apply(move, count: count, page: rows)
            case .encounters: state.encounters.apply(move, count: count, page: rows)
            case .plan: state.plans.apply(move, count: count, page: rows)
            case .measures: break
            }
        case .reload:
            return [.reload]
        case .toggleScope:
            state.scope = state.scope == .listingUnit ? .allUnits : .listingUnit
        case .beginFilter:
            guard state.tab == .contacts || state.tab == .encounters else { return [] }
            state.filter.begin()
        case .filter(let event):
            if state.filter.handle(event) != .ignored { refilter(&state, env) }
        case .clearFilter:
            state.filter.clear()
            refilter(&state, env)
        case .saveFailed(let text):
            state.confirm = nil
            state.form?.error = text
        case .saved:
            if let kind = state.form?.kind {
                switch kind {
                case .assign, .end: state.contacts = ListState(selected: 0)
                case .encounter: state.encounters = ListState(selected: 0)
                case .plan, .annul: break
                }
            }
            state.form = nil
            state.confirm = nil
        case .dialog(let event):
            return dialog(&state, event, env)
        case .assignContact, .assignPhysician, .endContact, .newEncounter, .editPlan, .annul:
            guard let facts else { return [.message(env.strings.noPatient, isError: true)] }
            return open(&state, action, facts, env, s)
        }
        return []
    }

    /// After the filter changed: the first matching row of each list is selected.
    private static func refilter(_ state: inout ContinuityState, _ env: ContinuityEnvironment) {
        let facts = env.facts(state.filter)
        state.contacts = ListState(selected: 0)
        state.contacts.clamp(count: facts?.count(.contacts) ?? 0)
        state.encounters = ListState(selected: 0)
        state.encounters.clamp(count: facts?.count(.encounters) ?? 0)
    }


    private static func open(_ state: inout ContinuityState, _ action: ContinuityAction, _ facts: ContinuityFacts,
                             _ env: ContinuityEnvironment, _ s: ContinuityStrings) -> [ContinuityEffect] {
        switch action {
        case .assignContact:
            state.tab = .contacts
            state.form = ContinuityForms.assign(.careContact, env)
        case .assignPhysician:
            state.tab = .contacts
            state.form = ContinuityForms.assign(.namedPhysician, env)
        case .endContact:
            state.tab = .contacts
            let index = state.contacts.selected ?? 0
            guard facts.contacts.indices.contains(index), facts.contacts[index].to == nil else {
                return [.message(s.selectActiveContact, isError: true)]
            }
            let contact = facts.contacts[index]
            state.form = ContinuityForms.end(contact, staffName: facts.staffName(contact.staffId), env)
        case .newEncounter:
            state.tab = .encounters
            state.form = ContinuityForms.encounter(env)
        case .annul:
            guard let form = annulForm(state, facts, env) else { return [.message(s.selectToAnnul, isError: true)] }
            state.form = form
        case .editPlan:
            let selected = state.tab == .plan ? state.plans.selected.flatMap { facts.plans.indices.contains($0) ? facts.plans[$0] : nil } : nil
            state.tab = .plan
            state.form = ContinuityForms.plan(selected ?? facts.plans.first { $0.isOpen }, env)
        default:
            break
        }
        state.confirm = nil
        return []
    }

    // MARK: - Forms and questions

    private static func dialog(_ state: inout ContinuityState, _ event: Event,
                               _ env: ContinuityEnvironment) -> [ContinuityEffect] {
        guard var form = state.form else { return [] }
        if let confirm = state.confirm { return answer(&state, confirm, event, env) }
        defer { if state.form != nil { state.form = form } }
        if case .key(let key) = event, ContinuityForms.pick(key, in: &form, env) { return [] }
        // A picker holds one of its words: a paste into it is dropped like a typed letter.
        if case .paste = event, ContinuityForms.isPicker(form.fields) { return [] }
        switch form.fields.handle(event) {
        case .consumed:
            ContinuityForms.refreshStaffHint(&form, env)
            return []
        case .ignored:
            return []
        case .cancel:
            if form.hasInput {
                state.confirm = ContinuityConfirm(kind: .discard, text: env.strings.confirmDiscard)
            } else {
                state.form = nil
            }
            return []
        case .submit:
            return submit(&state, &form, env)
        }
    }

    private static func submit(_ state: inout ContinuityState, _ form: inout ContinuityForm,
                               _ env: ContinuityEnvironment) -> [ContinuityEffect] {
        guard let facts = env.facts(state.filter) else { return [.message(env.strings.noPatient, isError: true)] }
        let s = env.strings
        let patient = facts.record.patient.id
        func invalid(_ errors: [String: String]) -> [ContinuityEffect] {
            form.fields.setErrors(errors)
            return []
        }
        form.error = nil
        switch form.kind {
        case .assign(let role):
            switch ContinuityValidation.contact(form, role: role, patient: patient, env) {
            case .invalid(let errors): return invalid(errors)
            case .valid(let new):
                form.fields.setErrors([:])
                let previous = facts.contacts.first { $0.to == nil && $0.role == role && $0.unitId == new.unitId }
                guard let previous else { return [.assign(new)] }
                state.confirm = ContinuityConfirm(kind: .replace(new), text: s.confirmReplace(
                    env.staff(new.staffId)?.name ?? new.staffId.rawValue, facts.staffName(previous.staffId),
                    s.role(role), new.from.iso))
                return []
            }
        case .end(_, _, let role, let name):
            switch ContinuityValidation.endReason(form, env) {
            case .invalid(let errors): return invalid(errors)
            case .valid(let reason):
                form.fields.setErrors([:])
                state.confirm = ContinuityConfirm(kind: .end(reason: reason), text: s.confirmEnd(name, s.role(role)))
                return []
            }
        case .annul(_, let label):
            switch ContinuityValidation.endReason(form, env) {
            case .invalid(let errors): return invalid(errors)
            case .valid(let reason):
                form.fields.setErrors([:])
                state.confirm = ContinuityConfirm(kind: .annul(reason: reason), text: s.confirmAnnul(label))
                return []
            }
        case .encounter:
            switch ContinuityValidation.encounter(form, patient: patient, env) {
            case .invalid(let errors): return invalid(errors)
            case .valid(let new): return [.recordEncounter(new)]
            }
        case .plan(let id, let version):
            let existing = facts.record.plans.first { $0.id == id }
            switch ContinuityValidation.plan(form, id: id, version: version, patient: patient, existing: existing, env) {
            case .invalid(let errors): return invalid(errors)
            case .valid(let plan): return [.savePlan(plan)]
            }
        }
    }

    private static func answer(_ state: inout ContinuityState, _ confirm: ContinuityConfirm, _ event: Event,
                               _ env: ContinuityEnvironment) -> [ContinuityEffect] {
        guard case .key(let key) = event else { return [] }
        switch YesNo.answer(key, yesSelected: confirm.yesSelected) {
        case .toggle:
            state.confirm?.yesSelected.toggle()
            return []
        case .ignored: return []
        case .no:
            state.confirm = nil
            return []
        case .yes: state.confirm = nil
        }
        switch confirm.kind {
        case .discard:
            state.form = nil
            return []
        case .replace(let new):
            return [.assign(new)]
        case .end(let reason):
            guard case .end(let id, let version, let role, let name) = state.form?.kind else { return [] }
            return [.end(contactId: id, version: version, day: env.today, reason: reason, staffName: name, role: role)]
        case .annul(let reason):
            guard case .annul(let target, let label) = state.form?.kind else { return [] }
            return [.annul(target, reason: reason, label: label)]
        }
    }

    /// The selected row of the contacts or encounters tab, if it still stands.
    private static func annulForm(_ state: ContinuityState, _ facts: ContinuityFacts,
                                  _ env: ContinuityEnvironment) -> ContinuityForm? {
        switch state.tab {
        case .contacts:
            guard let i = state.contacts.selected, facts.contacts.indices.contains(i),
                  facts.contacts[i].annulment == nil else { return nil }
            return ContinuityForms.annul(facts.contacts[i], facts, env)
        case .encounters:
            guard let i = state.encounters.selected, facts.encounters.indices.contains(i),
                  facts.encounters[i].annulment == nil else { return nil }
            return ContinuityForms.annul(facts.encounters[i], facts, env)
        case .measures, .plan:
            return nil
        }
    }
}
