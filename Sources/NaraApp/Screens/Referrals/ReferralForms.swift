import NaraDomain
import TerminalUI

/// Building and checking the referral forms. Checks here are the ones a nurse can fix by
/// typing (empty fields, a date, a unit name); the domain still has the last word when
/// the step is applied, and its refusal is shown the same way.
enum ReferralForms {
    /// Steps that need more than a yes: they get a form; the rest a confirmation.
    static func needsForm(_ kind: ReferralActionKind) -> Bool {
        switch kind {
        case .reject, .forward, .book, .reply, .adviceReply, .cancel, .pauseClock: return true
        default: return false
        }
    }

    static func newReferral(_ s: ReferralsStrings, patient: PatientID) -> ReferralForm {
        ReferralForm(purpose: .create(patient), title: s.newTitle, fields: FormState(fields: [
            FormField(id: "unit", label: s.fieldUnit, state: TextFieldState(maxLength: 80), required: true,
                      hint: s.hintUnit),
            FormField(id: "priority", label: s.fieldPriority, state: TextFieldState(maxLength: 20), hint: s.hintPriority),
            FormField(id: "question", label: s.fieldQuestion, state: TextFieldState(maxLength: 4000), required: true),
        ]))
    }

    static func step(_ kind: ReferralActionKind, referral: Referral, _ s: ReferralsStrings) -> ReferralForm {
        let reason = FormField(id: "reason", label: s.fieldReason, state: TextFieldState(maxLength: 500), required: true)
        let fields: [FormField]
        switch kind {
        case .forward:
            fields = [FormField(id: "unit", label: s.fieldUnit, state: TextFieldState(maxLength: 80), required: true,
                                hint: s.hintUnit), reason]
        case .book:
            fields = [FormField(id: "date", label: s.fieldDate, state: TextFieldState(maxLength: 10), required: true,
                                hint: s.hintDate)]
        case .reply, .adviceReply:
            fields = [FormField(id: "reply", label: s.fieldReply, state: TextFieldState(maxLength: 4000), required: true),
                      taskForSender(s.language)]
        case .reject:
            fields = [reason, taskForSender(s.language)]
        case .pauseClock:
            fields = [FormField(id: "kind", label: s.fieldPauseKind, state: TextFieldState(maxLength: 20), required: true,
                                hint: s.hintPauseKind),
                      FormField(id: "comment", label: s.fieldComment, state: TextFieldState(maxLength: 500), required: true),
                      FormField(id: "offered", label: s.fieldOffered, state: TextFieldState(maxLength: 10),
                                hint: s.hintOffered),
                      FormField(id: "informed", label: s.fieldInformed, state: TextFieldState(maxLength: 3),
                                hint: s.hintInformed)]
        default:
            fields = [reason]
        }
        return ReferralForm(purpose: .step(referral.id, version: referral.version, kind), title: s.step(kind),
                            fields: FormState(fields: fields))
    }

    /// A reply or a rejection may leave a task for the sending unit ("ta nytt HbA1c om tre
    /// månader", "remittera till ortopeden i stället").
    private static func taskForSender(_ language: Language) -> FormField {
        let t = ReferralTaskStrings.of(language)
        return FormField(id: "task", label: t.field, state: TextFieldState(maxLength: 500), hint: t.hint)
    }

    /// The task text of a step form, when one was written.
    static func task(_ f: FormState) -> String? {
        let text = f["task"].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    /// The step the form describes, or a message per field to fix.
    static func action(_ kind: ReferralActionKind, _ f: FormState, units: [CareUnit], referral: Referral?,
                       _ s: ReferralsStrings) -> Result<ReferralAction, FieldErrors> {
        var errors: [String: String] = [:]
        for field in f.fields where field.required && field.state.trimmed.isEmpty { errors[field.id] = s.errRequired }
        var result: ReferralAction?
        switch kind {
        case .reject: result = .reject(reason: f["reason"])
        case .cancel: result = .cancel(reason: f["reason"])
        case .reply: result = .reply(text: f["reply"])
        case .adviceReply: result = .adviceReply(text: f["reply"])
        case .forward:
            // Forwarding may go to any unit but the two already involved; the domain says which.
            switch unit(matching: f["unit"], among: units, excluding: nil, s) {
            case .success(let unit): result = .forward(to: unit.id, reason: f["reason"])
            case .failure(let message): if errors["unit"] == nil { errors["unit"] = message.text }
            }
        case .book:
            if let day = LocalDate(iso: f["date"].trimmingCharacters(in: .whitespaces)) {
                result = .book(on: day)
            } else if errors["date"] == nil {
                errors["date"] = s.errDate
            }
        case .pauseClock:
            if let pause = pauseKind(f["kind"]) {
                // A patient-chosen wait needs the offer; a medical one ignores the two fields.
                let offered = LocalDate(iso: f["offered"].trimmingCharacters(in: .whitespaces))
                let informed = ["j", "ja", "y", "yes"].contains(f["informed"].trimmingCharacters(in: .whitespaces)
                    .lowercased())
                if pause == .patientChosen {
                    if offered == nil { errors["offered"] = s.errDate }
                    if !informed { errors["informed"] = s.errInformed }
                }
                result = .pauseClock(pause, comment: f["comment"], offeredOn: pause == .patientChosen ? offered : nil,
                                     patientInformed: pause == .patientChosen && informed)
            } else if errors["kind"] == nil {
                errors["kind"] = s.errPauseKind
            }
        default: break
        }
        if let result, errors.isEmpty { return .success(result) }
        return .failure(FieldErrors(errors))
    }

    static func newReferral(_ f: FormState, patient: PatientID, ownUnit: UnitID, units: [CareUnit],
                            _ s: ReferralsStrings) -> Result<NewReferral, FieldErrors> {
        var errors: [String: String] = [:]
        var target: CareUnit?
        if f["unit"].trimmingCharacters(in: .whitespaces).isEmpty {
            errors["unit"] = s.errRequired
        } else {
            switch unit(matching: f["unit"], among: units, excluding: ownUnit, s) {
            case .success(let unit): target = unit
            case .failure(let message): errors["unit"] = message.text
            }
        }
        let priority = self.priority(f["priority"])
        if priority == nil { errors["priority"] = s.errPriority }
        if f["question"].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors["question"] = s.errRequired }
        guard errors.isEmpty, let target, let priority else { return .failure(FieldErrors(errors)) }
        return .success(NewReferral(patientId: patient, fromUnitId: ownUnit, toUnitId: target.id, priority: priority,
                                    question: f["question"], guarantee: guarantee(for: target.kind)))
    }

    /// Specialist and hospital visits carry the 90-day guarantee; municipal and other
    /// receivers have no legal limit, so no clock is started for them.
    static func guarantee(for kind: UnitKind) -> GuaranteeKind {
        kind == .specialist || kind == .hospital ? .specialistVisit : .none
    }

    /// Empty means routine, the usual case; both languages' words and their beginnings count.
    static func priority(_ text: String) -> ReferralPriority? {
        let t = SearchFolding.fold(text.trimmingCharacters(in: .whitespaces))
        if t.isEmpty { return .routine }
        let words: [(ReferralPriority, [String])] = [(.urgent, ["akut", "urgent"]),
                                                     (.priority, ["förtur", "fortur", "priority", "prioriterad"]),
                                                     (.routine, ["rutin", "routine"])]
        return words.first { $0.1.contains { SearchFolding.fold($0).hasPrefix(t) } }?.0
    }

    static func pauseKind(_ text: String) -> PauseKind? {
        let t = SearchFolding.fold(text.trimmingCharacters(in: .whitespaces))
        guard !t.isEmpty else { return nil }
        if ["patientvald", "patient-chosen", "patient"].contains(where: { SearchFolding.fold($0).hasPrefix(t) }) { return .patientChosen }
        if ["medicinsk", "medical"].contains(where: { SearchFolding.fold($0).hasPrefix(t) }) { return .medical }
        return nil
    }

    /// Units whose id is typed exactly, or whose name (or one of its words) begins with
    /// the text, so "orto" finds "Ortopedmottagningen" without a list to scroll.

    static func unit(matching text: String, among units: [CareUnit], excluding: UnitID?,
                     _ s: ReferralsStrings) -> Result<CareUnit, FieldMessage> {
        let found = UnitMatch.candidates(text, among: units, excluding: excluding)
        if found.count == 1 { return .success(found[0]) }
        if found.isEmpty {
            let own = units.filter { $0.id == excluding }
            let ownMatches = own.isEmpty ? [] : UnitMatch.candidates(text, among: own, excluding: nil)
            return .failure(FieldMessage(ownMatches.isEmpty ? s.errNoUnit : s.errOwnUnit))
        }
        return .failure(FieldMessage(s.errManyUnits(found.prefix(3).map(\.name).joined(separator: ", "))))
    }

    /// Under the unit field: which unit the text points at, so the nurse sees it before saving.
    static func updateUnitHint(_ form: inout ReferralForm, units: [CareUnit], ownUnit: UnitID, _ s: ReferralsStrings) {
        guard let i = form.fields.fields.firstIndex(where: { $0.id == "unit" }) else { return }
        let excluding: UnitID? = if case .create = form.purpose { ownUnit } else { nil }
        let text = form.fields.fields[i].text
        let found = UnitMatch.candidates(text, among: units, excluding: excluding)
        form.fields.fields[i].hint = text.trimmingCharacters(in: .whitespaces).isEmpty ? s.hintUnit
            : found.count == 1 ? s.unitMatch(found[0].name)
            : found.isEmpty ? s.errNoUnit : s.errManyUnits(found.prefix(3).map(\.name).joined(separator: ", "))
    }
}

struct FieldMessage: Error, Hashable { var text: String; init(_ text: String) { self.text = text } }
struct FieldErrors: Error, Hashable { var byField: [String: String]; init(_ e: [String: String]) { byField = e } }
