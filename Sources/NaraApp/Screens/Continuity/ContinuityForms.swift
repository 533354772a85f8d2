import NaraDomain
import TerminalUI

/// The forms of the screen: how each starts, and the pickers inside them. Field ids
/// are what the validation reads back, so labels can be translated freely.
enum ContinuityForms {
    /// The staff field starts at the user when the user may be chosen, the most common case.
    static func assign(_ role: ContactRole, _ env: ContinuityEnvironment) -> ContinuityForm {
        let s = env.strings
        let kind: ContinuityFormKind = role == .careContact ? .assign(.careContact) : .assign(.namedPhysician)
        let me = candidates(kind, env).contains { $0.id == env.user.id } ? env.user.id.rawValue : ""
        var form = make(kind, [
            FormField(id: "staff", label: s.fieldStaff, state: TextFieldState(me, maxLength: 64), required: true,
                      hint: s.hintStaffPick),
            FormField(id: "reason", label: s.fieldReason, state: TextFieldState(maxLength: 500), required: true),
            FormField(id: "from", label: s.fieldFrom, state: TextFieldState(env.today.iso, maxLength: 10),
                      required: true, hint: s.hintDate),
        ])
        refreshStaffHint(&form, env)
        return form
    }

    /// Who may be chosen: a named care contact meets patients, a named GP is a physician;
    /// both work at the unit and still work there.
    static func candidates(_ kind: ContinuityFormKind, _ env: ContinuityEnvironment) -> [Staff] {
        let active = env.unitStaff().filter(\.active)
        switch kind {
        case .assign(.namedPhysician): return active.filter { $0.profession == .physician }
        case .assign(.careContact), .encounter: return active.filter(\.isClinician)
        default: return active
        }
    }

    /// The candidates whose login or a name word begins with `query` (å, ä, ö kept), or
    /// all of them when nobody does.
    static func narrowed(_ staff: [Staff], by query: String) -> [Staff] {
        let q = SearchFolding.fold(query.trimmingSpaces)
        guard !q.isEmpty else { return staff }
        let matching = staff.filter { s in
            s.id.rawValue.hasPrefix(q) || SearchFolding.fold(s.name).split(separator: " ").contains { $0.hasPrefix(q) }
        }
        return matching.isEmpty ? staff : matching
    }

    static func end(_ contact: CareContact, staffName: String, _ env: ContinuityEnvironment) -> ContinuityForm {
        make(.end(contactId: contact.id, version: contact.version, role: contact.role, staffName: staffName), [
            FormField(id: "reason", label: env.strings.fieldEndReason, state: TextFieldState(maxLength: 500),
                      required: true),
        ])
    }

    static func annul(_ contact: CareContact, _ facts: ContinuityFacts, _ env: ContinuityEnvironment) -> ContinuityForm {
        let label = "\(env.strings.role(contact.role).lowercased()) \(facts.staffName(contact.staffId)) \(contact.from.iso)"
        return annulForm(.annul(.contact(contact.id, version: contact.version), label: label), env)
    }

    static func annul(_ encounter: Encounter, _ facts: ContinuityFacts, _ env: ContinuityEnvironment) -> ContinuityForm {
        let s = env.strings
        let label = "\(s.mode(encounter.mode).lowercased()) \(WallClock.dateTime(encounter.at)) \(facts.staffName(encounter.staffId))"
        return annulForm(.annul(.encounter(encounter.id), label: label), env)
    }

    private static func annulForm(_ kind: ContinuityFormKind, _ env: ContinuityEnvironment) -> ContinuityForm {
        make(kind, [
            FormField(id: "reason", label: env.strings.fieldAnnulReason, state: TextFieldState(maxLength: 500),
                      required: true),
        ])
    }

    static func encounter(_ env: ContinuityEnvironment) -> ContinuityForm {
        let s = env.strings
        var form = make(.encounter, [
            FormField(id: "at", label: s.fieldDateTime, state: TextFieldState(WallClock.dateTime(env.now), maxLength: 16),
                      required: true, hint: s.hintDateTime),
            FormField(id: "mode", label: s.fieldMode, state: TextFieldState(s.mode(.visit), maxLength: 20), required: true,
                      hint: s.hintMode),
            FormField(id: "planned", label: s.fieldPlanned, state: TextFieldState(s.yes, maxLength: 20), required: true,
                      hint: s.hintPlanned),
            FormField(id: "staff", label: s.fieldStaff, state: TextFieldState(env.user.id.rawValue, maxLength: 64),
                      required: true, hint: s.hintStaffPick),
            FormField(id: "reason", label: s.fieldReason, state: TextFieldState(maxLength: 500), required: true),
        ])
        refreshStaffHint(&form, env)
        return form
    }

    static func plan(_ existing: CoordinatedPlan?, _ env: ContinuityEnvironment) -> ContinuityForm {
        let s = env.strings
        // Units by name, as the nurse types them; an id the directory does not know stays an id.
        let names = Dictionary(env.units().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let name = { (id: UnitID) in names[id] ?? id.rawValue }
        let participants = existing?.participants.map { name($0.unitId) }.joined(separator: ", ") ?? ""
        return make(.plan(id: existing?.id ?? 0, version: existing?.version ?? 0), [
            FormField(id: "goal", label: s.fieldGoal, state: TextFieldState(existing?.goal ?? "", maxLength: 2000),
                      required: true),
            FormField(id: "responsible", label: s.fieldResponsible,
                      state: TextFieldState(name(existing?.responsibleUnitId ?? env.unit.id), maxLength: 200),
                      required: true, hint: s.hintUnit),
            FormField(id: "participants", label: s.fieldParticipants, state: TextFieldState(participants, maxLength: 500),
                      hint: s.hintParticipants),
            FormField(id: "agreed", label: s.fieldAgreed,
                      state: TextFieldState((existing?.agreedOn ?? env.today).iso, maxLength: 10), required: true,
                      hint: s.hintDate),
            FormField(id: "followUp", label: s.fieldFollowUp,
                      state: TextFieldState(existing?.followUpOn?.iso ?? "", maxLength: 10), hint: s.hintDate),
        ] + PlanContentForm.fields(existing, env))
    }

    private static func make(_ kind: ContinuityFormKind, _ fields: [FormField]) -> ContinuityForm {
        let state = FormState(fields: fields)
        return ContinuityForm(kind: kind, fields: state, error: nil, initial: state.fields.map(\.state.trimmed))
    }

    // MARK: - Pickers

    /// Keys that pick rather than type: ←/→ through the unit's staff, the encounter's
    /// mode (or its first letter) and planned (j/y/n). Returns whether the key was used.
    /// Mode and planned take every editing key, so they always hold a valid word.
    static func pick(_ key: Key, in form: inout ContinuityForm, _ env: ContinuityEnvironment) -> Bool {
        let fields = form.fields
        guard fields.fields.indices.contains(fields.focus) else { return false }
        let s = env.strings
        switch fields.fields[fields.focus].id {
        case "staff":
            guard key == .left || key == .right else {
                // Typing narrows what ←/→ go through next.
                if isEditing(key) { form.staffQuery = "" }
                return false
            }
            let all = Self.candidates(form.kind, env)
            let typed = form.fields["staff"].trimmingSpaces
            if !all.contains(where: { $0.id.rawValue == typed }) { form.staffQuery = typed }
            let candidates = narrowed(all, by: form.staffQuery)
            guard !candidates.isEmpty else { return true }
            let current = candidates.firstIndex { $0.id.rawValue == form.fields["staff"].trimmingSpaces }
            let step = key == .right ? 1 : -1
            let next = current.map { ($0 + step + candidates.count) % candidates.count } ?? (step > 0 ? 0 : candidates.count - 1)
            set(&form, "staff", candidates[next].id.rawValue)
            refreshStaffHint(&form, env)
            return true
        case "mode":
            let modes = EncounterMode.allCases
            let current = modes.firstIndex { s.mode($0) == form.fields["mode"] } ?? 0
            switch key {
            case .left: set(&form, "mode", s.mode(modes[(current + modes.count - 1) % modes.count]))
            case .right, .char(" "): set(&form, "mode", s.mode(modes[(current + 1) % modes.count]))
            case .char(let c):
                // The next mode starting with the letter, so "v" twice reaches video after visit.
                let letter = String(c).lowercased()
                let order = (1...modes.count).map { modes[(current + $0) % modes.count] }
                if let match = order.first(where: { s.mode($0).lowercased().hasPrefix(letter) }) {
                    set(&form, "mode", s.mode(match))
                }
            default: return isEditing(key)
            }
            return true
        case "planned":
            switch key {
            case .left, .right, .char(" "): set(&form, "planned", form.fields["planned"] == s.yes ? s.no : s.yes)
            case .char("j"), .char("J"), .char("y"), .char("Y"): set(&form, "planned", s.yes)
            case .char("n"), .char("N"): set(&form, "planned", s.no)
            default: return isEditing(key)
            }
            return true
        default:
            return false
        }
    }

    /// Whether the focused field is one of the encounter form's pickers (mode, planned).
    static func isPicker(_ fields: FormState) -> Bool {
        guard fields.fields.indices.contains(fields.focus) else { return false }
        return ["mode", "planned"].contains(fields.fields[fields.focus].id)
    }

    /// Keys that would change a picker's text by hand: swallowed.
    private static func isEditing(_ key: Key) -> Bool {
        switch key {
        case .char, .backspace, .delete, .home, .end, .ctrl: return true
        default: return false
        }
    }

    private static func set(_ form: inout ContinuityForm, _ id: String, _ value: String) {
        form.fields[id] = value
        if let i = form.fields.fields.firstIndex(where: { $0.id == id }) { form.fields.fields[i].error = nil }
    }

    /// The staff field's hint names who the typed id is, so a typo shows before saving.
    static func refreshStaffHint(_ form: inout ContinuityForm, _ env: ContinuityEnvironment) {
        guard let i = form.fields.fields.firstIndex(where: { $0.id == "staff" }) else { return }
        let id = form.fields["staff"].trimmingSpaces
        if !id.isEmpty, let staff = env.staff(StaffID(id)) {
            form.fields.fields[i].hint = staff.name + ", " + env.strings.language.strings.profession(staff.profession)
        } else {
            form.fields.fields[i].hint = env.strings.hintStaffPick
        }
    }
}


extension String {
    var trimmingSpaces: String { TextFieldState(self).trimmed }
}
