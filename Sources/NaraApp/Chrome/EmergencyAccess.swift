import NaraDomain
import TerminalUI

/// Nödåtkomst in two steps (Patientdatalagen 4 kap 1 §, DOMAIN.md): first the program
/// says that a record exists and that there is no care relationship, then the user
/// states why the record must be opened anyway. The read is logged with the reason and
/// flagged for review.
public struct EmergencyAccess: Sendable {
    public enum Step: Sendable { case confirm, reason }

    public var patient: PatientID
    /// As a list shows the patient: masked when the identity is protected.
    public var label: String
    public var step: Step = .confirm
    public var reason = TextFieldState(maxLength: 300)
    public var error: String?

    public init(patient: PatientID, label: String) {
        self.patient = patient
        self.label = label
    }

    public enum Outcome { case stay, cancel, open(reason: String) }

    public mutating func handle(_ event: Event) -> Outcome {
        switch (step, event) {
        case (.confirm, .key(.char("j"))), (.confirm, .key(.char("J"))), (.confirm, .key(.char("y"))),
             (.confirm, .key(.char("Y"))), (.confirm, .key(.enter)):
            step = .reason
        case (.confirm, .key(.char("n"))), (.confirm, .key(.char("N"))), (_, .key(.escape)):
            return .cancel
        case (.reason, .paste(let text)):
            reason.insert(text)
            error = nil
        case (.reason, .key(.enter)):
            return .open(reason: reason.trimmed)
        case (.reason, .key(let key)):
            if reason.handle(key) { error = nil }
        default:
            break
        }
        return .stay
    }

    func render(in screen: Rect, buffer: inout Buffer, strings s: Strings, glyphs: Glyphs) {
        var lines = [TextLine(s.emergencyExists(label), Style(.warning, .bold)), TextLine(s.emergencyNoRelationship)]
        switch step {
        case .confirm:
            lines.append(TextLine(""))
            lines.append(TextLine(s.emergencyAsk))
            Modal(title: s.emergencyTitle, lines: lines, buttons: [s.yes, s.no], selectedButton: 1, width: 64, glyphs: glyphs)
                .render(in: screen, buffer: &buffer)
        case .reason:
            lines.append(TextLine(s.emergencyReasonPrompt))
            let modal = Modal(title: s.emergencyTitle, lines: lines, width: 64, minContentRows: lines.count + 3,
                              glyphs: glyphs)
            modal.render(in: screen, buffer: &buffer)
            let content = modal.contentArea(in: screen)
            let field = Rect(x: content.x, y: content.y + lines.count + 1, width: content.width, height: 1)
            TextField(state: reason, focused: true).render(in: field, buffer: &buffer)
            let note = error.map { TextLine($0, Style(.danger)) } ?? TextLine(s.emergencyLogged, Style(.muted))
            buffer.put(note, x: content.x, y: field.y + 1, maxWidth: content.width, clip: content)
        }
    }

    func cursor(in screen: Rect, strings s: Strings) -> (x: Int, y: Int)? {
        guard step == .reason else { return nil }
        let lineCount = 3
        let modal = Modal(title: s.emergencyTitle, lines: Array(repeating: TextLine(""), count: lineCount), width: 64,
                          minContentRows: lineCount + 3)
        let content = modal.contentArea(in: screen)
        let field = Rect(x: content.x, y: content.y + lineCount + 1, width: content.width, height: 1)
        return TextField(state: reason, focused: true).cursorPosition(in: field)
    }
}
