import NaraDomain
import TerminalUI

/// The screen's forms as drafts: a name for each kind of form, and the way back from
/// that name to the same form on the open record.
extension ContinuityScreen {
    public func draft() -> ScreenDraft? {
        guard let form = state.form, form.hasInput else { return nil }
        return ScreenDraft(form: Self.draftName(form.kind), form.fields)
    }

    public mutating func restore(_ draft: ScreenDraft, _ context: ScreenContext) -> Bool {
        let env = environment(context)
        guard let facts = env.facts(state.filter) else { return false }
        let parts = draft.form.split(separator: ":").map(String.init)
        var form: ContinuityForm
        switch parts.first {
        case "assign-care-contact":
            state.tab = .contacts
            form = ContinuityForms.assign(.careContact, env)
        case "assign-named-physician":
            state.tab = .contacts
            form = ContinuityForms.assign(.namedPhysician, env)
        case "encounter":
            state.tab = .encounters
            form = ContinuityForms.encounter(env)
        case "plan":
            guard parts.count == 3, let id = RecordID(parts[1]) else { return false }
            state.tab = .plan
            form = ContinuityForms.plan(facts.plans.first { $0.id == id }, env)
        case "end":
            // Ending a contact is judged against the version it was read at, as when typed.
            guard parts.count == 3, let id = RecordID(parts[1]), let version = Int(parts[2]),
                  let contact = facts.contacts.first(where: { $0.id == id }) else { return false }
            state.tab = .contacts
            form = ContinuityForms.end(contact, staffName: facts.staffName(contact.staffId), env)
            form.kind = .end(contactId: id, version: version, role: contact.role,
                             staffName: facts.staffName(contact.staffId))
        case "annul-encounter":
            guard parts.count == 2, let id = RecordID(parts[1]),
                  let encounter = facts.encounters.first(where: { $0.id == id && $0.annulment == nil }) else { return false }
            state.tab = .encounters
            form = ContinuityForms.annul(encounter, facts, env)
        case "annul-contact":
            // Judged against the version it was read at, as when typed.
            guard parts.count == 3, let id = RecordID(parts[1]), let version = Int(parts[2]),
                  let contact = facts.contacts.first(where: { $0.id == id && $0.annulment == nil }) else { return false }
            state.tab = .contacts
            form = ContinuityForms.annul(contact, facts, env)
            if case .annul(_, let label) = form.kind { form.kind = .annul(.contact(id, version: version), label: label) }
        default:
            return false
        }
        draft.fill(&form.fields)
        ContinuityForms.refreshStaffHint(&form, env)
        state.form = form
        state.confirm = nil
        return true
    }

    static func draftName(_ kind: ContinuityFormKind) -> String {
        switch kind {
        case .assign(.careContact): return "assign-care-contact"
        case .assign(.namedPhysician): return "assign-named-physician"
        case .encounter: return "encounter"
        case .plan(let id, let version): return "plan:\(id):\(version)"
        case .end(let id, let version, _, _): return "end:\(id):\(version)"
        case .annul(.encounter(let id), _): return "annul-encounter:\(id)"
        case .annul(.contact(let id, let version), _): return "annul-contact:\(id):\(version)"
        }
    }
}
