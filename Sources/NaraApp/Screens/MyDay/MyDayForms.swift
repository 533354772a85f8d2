import NaraDomain
import TerminalUI

/// Min dag's forms: building them, and checking what a nurse can fix by typing. The
/// store still has the last word (the policy, the addressee, the licence), and its
/// refusal is shown the same way.
enum MyDayForms {
    static func make(_ kind: MyDayFormKind, label: String, _ w: MyDayStrings) -> MyDayForm {
        func field(_ id: String, _ label: String, _ max: Int, required: Bool = false, hint: String? = nil) -> FormField {
            FormField(id: id, label: label, state: TextFieldState(maxLength: max), required: required, hint: hint)
        }
        let (title, fields): (String, [FormField]) = switch kind {
        case .completeTask: (w.titleDone, [field("reply", w.fieldReply, 500)])
        case .newTask: (w.titleTask, [field("text", w.fieldText, 500, required: true),
                                      field("staff", w.fieldToStaff, 80, hint: w.hintToStaff),
                                      field("unit", w.fieldToUnit, 80),
                                      field("due", w.fieldDue, 10, hint: w.hintDue),
                                      field("priority", w.fieldPriority, 12, hint: w.hintPriority)])
        case .newCareRequest: (w.titleCareRequest, [field("channel", w.fieldChannel, 12, hint: w.hintChannel),
                                                    field("problem", w.fieldProblem, 12, hint: w.hintProblem),
                                                    field("reason", w.fieldReason, 500, required: true),
                                                    field("callback", w.fieldCallback, 13, hint: w.hintCallback)])
        case .plannedContact: (w.titlePlan, [field("date", w.fieldDate, 10, required: true, hint: w.hintDate),
                                             field("note", w.fieldNote, 500)])
        }
        return MyDayForm(kind: kind, title: title, patientLabel: label, fields: FormState(fields: fields))
    }

    /// What the form asks the store to do, or a message per field to fix.
    static func check(_ form: MyDayForm, units: [CareUnit], staff: [Staff], today: LocalDate,
                      _ w: MyDayStrings) -> Result<MyDaySubmission, FieldErrors> {
        let f = form.fields
        var errors: [String: String] = [:]
        for field in f.fields where field.required && field.state.trimmed.isEmpty { errors[field.id] = w.errRequired }
        func text(_ id: String) -> String { f[id].trimmingCharacters(in: .whitespaces) }
        func day(_ id: String) -> LocalDate? {
            guard !text(id).isEmpty else { return nil }
            guard let d = LocalDate(iso: text(id)), d >= today else { errors[id] = errors[id] ?? w.errDate; return nil }
            return d
        }
        let patient = form.kind.patient
        switch form.kind {
        case .completeTask(_, let id):
            return .success(.completeTask(patient, id: id, reply: text("reply").isEmpty ? nil : text("reply")))
        case .newTask:
            var toStaff: StaffID?, toUnit: UnitID?
            if text("staff").isEmpty == text("unit").isEmpty {
                errors["staff"] = w.errOneAddressee
            } else if !text("staff").isEmpty {
                let found = UnitMatch.staff(text("staff"), among: staff.filter(\.active))
                if found.count == 1 { toStaff = found[0].id } else {
                    errors["staff"] = found.isEmpty ? w.errNoStaff : w.errMany(found.prefix(3).map(\.name).joined(separator: ", "))
                }
            } else {
                let found = UnitMatch.candidates(text("unit"), among: units)
                if found.count == 1 { toUnit = found[0].id } else {
                    errors["unit"] = found.isEmpty ? w.errNoUnit : w.errMany(found.prefix(3).map(\.name).joined(separator: ", "))
                }
            }
            let due = day("due")
            let priority = word(text("priority"), [(TaskPriority.urgent, ["brådskande", "urgent", "akut"]),
                                                   (.normal, ["normal"]), (.low, ["låg", "low"])], empty: .normal)
            if priority == nil { errors["priority"] = w.errPriority }
            guard errors.isEmpty, let priority else { return .failure(FieldErrors(errors)) }
            return .success(.addTask(patient, text: text("text"), toStaff: toStaff, toUnit: toUnit, due: due,
                                     priority: priority))
        case .newCareRequest:
            let channel = word(text("channel"), [(CareRequestChannel.phone, ["telefon", "phone"]),
                                                 (.visit, ["besök", "visit"]), (.digital, ["digital"])], empty: .phone)
            if channel == nil { errors["channel"] = w.errChannel }
            let problem = word(text("problem"), [(CareRequestProblem.new, ["nytt", "ny", "new"]),
                                                 (.worse, ["förvärrat", "förvärrad", "worse"])], empty: .new)
            if problem == nil { errors["problem"] = w.errProblem }
            let slot = text("callback").isEmpty ? nil : CallbackSlot(text: text("callback"))
            if !text("callback").isEmpty && slot == nil { errors["callback"] = w.errSlot }
            guard errors.isEmpty, let channel, let problem else { return .failure(FieldErrors(errors)) }
            return .success(.addCareRequest(patient, channel: channel, problem: problem, reason: text("reason"),
                                            callback: slot))
        case .plannedContact:
            let on = day("date")
            guard errors.isEmpty, let on else { return .failure(FieldErrors(errors)) }
            return .success(.plannedContact(patient, on: on, note: text("note")))
        }
    }

    /// A word of either language, or its beginning; empty is `empty`.
    private static func word<T>(_ text: String, _ words: [(T, [String])], empty: T) -> T? {
        let t = SearchFolding.fold(text)
        if t.isEmpty { return empty }
        return words.first { $0.1.contains { SearchFolding.fold($0).hasPrefix(t) } }?.0
    }
}
