import NaraDomain
import TerminalUI

/// The action menu, yes/no confirmations and the forms, centred over the screen body.
struct ReferralsOverlayView: Widget {
    var state: ReferralsState
    var strings: ReferralsStrings
    var global: Strings
    var today: LocalDate
    var glyphs: Glyphs

    private func patientName(_ id: RecordID) -> String {
        let item = (state.inbox + state.outbox + (state.patientItems ?? [])).first { $0.referral.id == id }
        guard let item else { return "" }
        return item.patient.name ?? global.protectedIdentity
    }

    /// What changed under the dialog, above the user's input, wrapped to the dialog.
    private func noteLines(width: Int) -> [TextLine] {
        guard let note = state.dialogNote else { return [] }
        return Paragraph.wrap(note, width: max(1, width - 4)).prefix(3).map { TextLine($0, Style(.danger)) }
    }

    private func formModal(_ form: ReferralForm, in area: Rect) -> Modal {
        let width = min(area.width - 2, 72)
        let note = noteLines(width: width)
        return Modal(title: form.title, lines: note, width: width,
                     minContentRows: note.count + Form.height(for: form.fields) + 2, glyphs: glyphs)
    }

    private func formArea(_ form: ReferralForm, in area: Rect) -> Rect {
        let content = formModal(form, in: area).contentArea(in: area)
        let note = noteLines(width: min(area.width - 2, 72)).count
        return content.inset(top: min(note, content.height), bottom: min(2, max(0, content.height - note)))
    }

    func render(in area: Rect, buffer: inout Buffer) {
        switch state.overlay {
        case .menu(let id, let actions, let list):
            var lines: [TextLine] = [TextLine(patientName(id), .role(.muted))]
            if actions.isEmpty { lines.append(TextLine(strings.noActions)) }
            for (i, kind) in actions.enumerated() {
                let text = " " + strings.step(kind) + " "
                lines.append(TextLine(text, i == list.selected ? .role(.selection) : .text))
            }
            Modal(title: strings.menuTitle, lines: lines, width: 44, glyphs: glyphs).render(in: area, buffer: &buffer)
        case .confirm(let id, _, let kind, let yes):
            Modal(title: strings.confirmTitle,
                  lines: [TextLine(strings.confirmStep(strings.step(kind), patientName(id)))] + noteLines(width: 56),
                  buttons: [global.yes, global.no], selectedButton: yes ? 0 : 1, width: 56, glyphs: glyphs)
                .render(in: area, buffer: &buffer)
        case .form(let form):
            let modal = formModal(form, in: area)
            modal.render(in: area, buffer: &buffer)
            Form(state: form.fields, cutNotice: global.fieldCut).render(in: formArea(form, in: area), buffer: &buffer)
            let content = modal.contentArea(in: area)
            if content.height > 0 {
                buffer.put(strings.formFooter, x: content.x, y: content.maxY - 1, style: .role(.muted),
                           maxWidth: content.width)
            }
            if let yes = form.discarding {
                Modal(title: strings.discardTitle, text: strings.discardText, buttons: [global.yes, global.no],
                      selectedButton: yes ? 0 : 1, width: 44, glyphs: glyphs).render(in: area, buffer: &buffer)
            }
        case nil:
            break
        }
    }

    func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        guard case .form(let form) = state.overlay, form.discarding == nil else { return nil }
        return Form(state: form.fields).cursorPosition(in: formArea(form, in: area))
    }
}
