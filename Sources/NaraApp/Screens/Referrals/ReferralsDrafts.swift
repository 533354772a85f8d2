import NaraDomain
import TerminalUI

/// A referral form as a draft: a new referral for the open patient, or a step on a
/// referral at the version it was read at (saving it later is judged against that).
extension ReferralsScreen {
    public func draft() -> ScreenDraft? {
        guard case .form(let form) = state.overlay, form.fields.hasInput else { return nil }
        switch form.purpose {
        case .create: return ScreenDraft(form: "new", form.fields)
        case .step(let id, let version, let kind): return ScreenDraft(form: "step:\(id):\(version):\(kind.rawValue)", form.fields)
        }
    }

    public mutating func restore(_ draft: ScreenDraft, _ context: ScreenContext) -> Bool {
        state.prepare(context)
        let s = ReferralsStrings.of(context.language)
        let parts = draft.form.split(separator: ":").map(String.init)
        var form: ReferralForm
        switch parts.first {
        case "new":
            guard let patient = context.patient?.patient.id else { return false }
            form = ReferralForms.newReferral(s, patient: patient)
        case "step":
            guard parts.count == 4, let id = RecordID(parts[1]), let version = Int(parts[2]),
                  let kind = ReferralActionKind(rawValue: parts[3]),
                  let referral = ReferralsReducer.find(id, in: state) ?? context.patient?.referrals.first(where: { $0.id == id })
            else { return false }
            form = ReferralForms.step(kind, referral: referral, s)
            form.purpose = .step(id, version: version, kind)
        default:
            return false
        }
        draft.fill(&form.fields)
        ReferralForms.updateUnitHint(&form, units: state.units, ownUnit: state.ownUnit, s)
        state.overlay = .form(form)
        return true
    }
}
