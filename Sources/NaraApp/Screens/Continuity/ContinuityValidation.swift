import Foundation
import NaraDomain
import TerminalUI

/// Reads a submitted form into what the store saves, or into messages per field in the
/// user's language. The store checks again; these checks make the message arrive next
/// to the field, before anything is written.
enum ContinuityValidation {
    enum Outcome<Value> {
        case valid(Value)
        case invalid([String: String])
    }

    static func contact(_ form: ContinuityForm, role: ContactRole, patient: PatientID,
                        _ env: ContinuityEnvironment) -> Outcome<NewCareContact> {
        let s = env.strings
        var errors: [String: String] = [:]
        let staff = checkStaff(form.fields["staff"].trimmingSpaces, env, errors: &errors, sameUnit: true,
                               mustBeActive: true)
        if role == .namedPhysician, let staff, staff.profession != .physician {
            errors["staff"] = s.errNotPhysician(staff.name)
        } else if let staff, !staff.isClinician {
            errors["staff"] = s.errNotClinician(staff.name)
        }
        let reason = form.fields["reason"].trimmingSpaces
        if let problem = reasonProblem(reason, s) { errors["reason"] = problem }
        var from = date(form.fields["from"], required: true, s, field: "from", errors: &errors)
        if let day = from, day > env.today.adding(days: CareContact.maximumDaysAhead) {
            errors["from"] = s.errTooFarAhead(CareContact.maximumDaysAhead)
            from = nil
        }
        guard errors.isEmpty, let staff, let from else { return .invalid(errors) }
        return .valid(NewCareContact(patientId: patient, role: role, staffId: staff.id, unitId: env.unit.id,
                                     reason: reason, from: from))
    }

    static func endReason(_ form: ContinuityForm, _ env: ContinuityEnvironment) -> Outcome<String> {
        let reason = form.fields["reason"].trimmingSpaces
        return reasonProblem(reason, env.strings).map { .invalid(["reason": $0]) } ?? .valid(reason)
    }

    static func encounter(_ form: ContinuityForm, patient: PatientID, _ env: ContinuityEnvironment)
        -> Outcome<NewEncounter> {
        let s = env.strings
        var errors: [String: String] = [:]
        let text = form.fields["at"].trimmingSpaces
        var at: Date?
        if text.isEmpty {
            errors["at"] = s.errRequired
        } else if let parsed = WallClock.parse(text) {
            if parsed > env.now { errors["at"] = s.errFuture } else { at = parsed }
        } else {
            errors["at"] = s.errDateTime
        }
        let mode = EncounterMode.allCases.first { s.mode($0) == form.fields["mode"] } ?? .visit
        let planned = form.fields["planned"] == s.yes
        // The encounter is the user's unit's: its clinician works there.
        let staff = checkStaff(form.fields["staff"].trimmingSpaces, env, errors: &errors, sameUnit: true,
                               mustBeActive: false)
        let reason = form.fields["reason"].trimmingSpaces
        if let problem = reasonProblem(reason, s) { errors["reason"] = problem }
        guard errors.isEmpty, let at, let staff else { return .invalid(errors) }
        return .valid(NewEncounter(patientId: patient, at: at, mode: mode, planned: planned, staffId: staff.id,
                                   unitId: env.unit.id, reason: reason))
    }

    /// Empty, or too short to say anything (`Reason`).
    static func reasonProblem(_ reason: String, _ s: ContinuityStrings) -> String? {
        if reason.isEmpty { return s.errRequired }
        return Reason.isMeaningful(reason) ? nil : s.errReasonTooShort
    }

    static func plan(_ form: ContinuityForm, id: RecordID, version: Int, patient: PatientID,
                     existing: CoordinatedPlan?, _ env: ContinuityEnvironment) -> Outcome<CoordinatedPlan> {
        let s = env.strings
        var errors: [String: String] = [:]
        let units = env.units()
        /// A unit by name or id; an error for none or several.
        func unit(_ text: String, field: String) -> CareUnit? {
            let found = UnitMatch.candidates(text, among: units)
            if found.count == 1 { return found[0] }
            errors[field] = found.isEmpty ? s.errUnknownUnit(text)
                : s.errManyUnits(found.prefix(3).map(\.name).joined(separator: ", "))
            return nil
        }
        let goal = form.fields["goal"].trimmingSpaces
        if goal.isEmpty { errors["goal"] = s.errRequired }
        let responsibleText = form.fields["responsible"].trimmingSpaces
        var responsible: CareUnit?
        if responsibleText.isEmpty {
            errors["responsible"] = s.errRequired
        } else {
            responsible = unit(responsibleText, field: "responsible")
        }
        var ids: [String] = []
        for text in form.fields["participants"].split(separator: ",").map({ String($0).trimmingSpaces })
            where !text.isEmpty && errors["participants"] == nil {
            if let found = unit(text, field: "participants") { ids.append(found.id.rawValue) }
        }
        let agreed = date(form.fields["agreed"], required: true, s, field: "agreed", errors: &errors)
        let followUp = date(form.fields["followUp"], required: false, s, field: "followUp", errors: &errors)
        if let agreed, let followUp, followUp < agreed { errors["followUp"] = s.errFollowUpBeforeAgreed }
        let (consentOn, content) = PlanContentForm.read(form, existing: existing, env, errors: &errors)
        guard errors.isEmpty, let agreed, let responsible else { return .invalid(errors) }
        // Roles the units already had in the plan are kept; the form edits only who takes part.
        let roles = Dictionary((existing?.participants ?? []).map { ($0.unitId, $0.role) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        let participants = ids.filter { seen.insert($0).inserted }.map {
            PlanParticipant(unitId: UnitID($0), role: roles[UnitID($0)] ?? "")
        }
        var plan = CoordinatedPlan(id: id, patientId: patient, responsibleUnitId: responsible.id,
                                   participants: participants, goal: goal, agreedOn: agreed, followUpOn: followUp,
                                   closedOn: existing?.closedOn, version: version, consentOn: consentOn)
        plan.content = content
        return .valid(plan)
    }

    private static func checkStaff(_ text: String, _ env: ContinuityEnvironment, errors: inout [String: String],
                                   sameUnit: Bool, mustBeActive: Bool) -> Staff? {
        let s = env.strings
        guard !text.isEmpty else {
            errors["staff"] = s.errRequired
            return nil
        }
        guard let staff = env.staff(StaffID(text)) else {
            errors["staff"] = s.errUnknownStaff(text)
            return nil
        }
        if mustBeActive && !staff.active {
            errors["staff"] = s.errInactiveStaff(staff.name)
        } else if sameUnit && staff.unitId != env.unit.id {
            errors["staff"] = s.errOtherUnit(staff.name)
        }
        return staff
    }

    static func date(_ text: String, required: Bool, _ s: ContinuityStrings, field: String,
                             errors: inout [String: String]) -> LocalDate? {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty {
            if required { errors[field] = s.errRequired }
            return nil
        }
        guard let day = LocalDate(iso: trimmed) else {
            errors[field] = s.errDate
            return nil
        }
        return day
    }
}
