import Foundation
import NaraDomain
import TerminalUI

/// `n` on the overview: the patient's interpreter need and next of kin, on one form that
/// opens with what the record holds. Checks here are what a nurse can fix by typing; the
/// store has the last word (the policy, the lengths) and its refusal is shown the same way.
struct OverviewDetailsForm: Hashable, Sendable {
    var fields: FormState
    /// The text the form opened with, so that leaving it unchanged loses nothing.
    var opened: [String]

    static let kinRows = 3

    init(patient: Patient, _ s: OverviewStrings) {
        var rows = [FormField(id: "interpreter", label: s.labelInterpreter, state: TextFieldState(maxLength: 20),
                              hint: s.hintInterpreter)]
        for i in 0..<Self.kinRows {
            rows.append(FormField(id: "kin\(i)", label: s.labelNextOfKin + " \(i + 1)", state: TextFieldState(maxLength: 300),
                                  hint: i == 0 ? s.hintNextOfKin : nil))
        }
        fields = FormState(fields: rows)
        fields["interpreter"] = patient.interpreter?.language ?? ""
        for (i, k) in patient.nextOfKin.prefix(Self.kinRows).enumerated() {
            fields["kin\(i)"] = [k.name, k.relation, k.phone ?? ""].joined(separator: "; ")
                .trimmingCharacters(in: CharacterSet(charactersIn: "; "))
        }
        opened = fields.fields.map(\.text)
    }

    var changed: Bool { fields.fields.map(\.text) != opened }

    /// What to save, or a message per field to fix. Next of kin beyond the form's rows
    /// (from an import) are kept after the ones typed.
    func check(keeping record: Patient, _ s: OverviewStrings) -> Result<(InterpreterNeed?, [NextOfKin]), FieldErrors> {
        var errors: [String: String] = [:]
        let tag = fields["interpreter"].trimmingCharacters(in: .whitespaces)
        let need = tag.isEmpty ? nil : InterpreterNeed(language: tag)
        if !tag.isEmpty && need == nil { errors["interpreter"] = s.errInterpreter }
        var kin: [NextOfKin] = []
        for i in 0..<Self.kinRows {
            let text = fields["kin\(i)"].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            if let k = NextOfKin(text: text) { kin.append(k) } else { errors["kin\(i)"] = s.errNextOfKin }
        }
        guard errors.isEmpty else { return .failure(FieldErrors(errors)) }
        return .success((need, kin + record.nextOfKin.dropFirst(Self.kinRows)))
    }
}
