import NaraDomain
import TerminalUI

extension ContinuityPanes {
    /// The SIP's content under its units: consent (or that there is none, so the plan
    /// gives no care relationship), the meeting, the person responsible, the people
    /// taking part and each principal's services. Nothing for a part not filled in.
    func planContent(_ plan: CoordinatedPlan) -> [TextLine] {
        let w = PlanContentForm.Words.of(words.language)
        let c = plan.content
        func line(_ label: String, _ value: String, _ style: Style = .text) -> TextLine {
            TextLine([Span(label + ": ", Style(.text, .bold)), Span(value, style)])
        }
        var lines: [TextLine] = []
        if let on = plan.consentOn {
            let how = c.consentForm.map { ", " + ($0 == .written ? w.written : w.oral) } ?? ""
            lines.append(line(w.consent, on.iso + how))
        } else {
            lines.append(line(w.consent, w.noConsent, Style(.warning)))
        }
        if let meeting = c.meetingOn { lines.append(line(w.meeting, meeting.iso)) }
        if let staff = c.responsibleStaffId {
            lines.append(line(w.responsiblePerson, facts.staffName(staff)))
        }
        let people = c.people.map { p -> String in
            switch p.role {
            case .patient: return w.thePatient
            case .nextOfKin: return p.name + " (" + w.nextOfKinWord + ")"
            case .staff: return p.name + (p.unitId.map { " (" + facts.unitName($0) + ")" } ?? "")
            }
        }
        if !people.isEmpty { lines.append(line(w.takingPart, people.joined(separator: ", "))) }
        for principal in Principal.allCases {
            let services = c.services(of: principal).map(\.text)
            if !services.isEmpty { lines.append(line(words.principal(principal), services.joined(separator: "; "))) }
        }
        return lines
    }
}
