import Foundation
import NaraDomain
import TerminalUI

/// A form's input outlives a session that ends without the user choosing: the terminal
/// hung up, the connection dropped, the process was told to stop. The input goes into
/// the store as a draft, and the next start offers it back into the same form for the
/// same patient. Quitting on purpose ("quit anyway?") keeps nothing: that was a choice.
extension App {
    /// Keeps the open form's input, if any; called once the terminal is gone. Returns
    /// whether a draft was written. Errors are swallowed: there is nobody left to tell.
    @discardableResult
    public func sessionEnded() -> Bool {
        guard let screen = state.stack.last(where: { $0.draft() != nil }), let draft = screen.draft() else { return false }
        let kept = FormDraft(staffId: state.session.staff.id, patientId: state.patient?.patient.id,
                             screen: screen.id.rawValue, form: draft.form, fields: draft.fields, focus: draft.focus,
                             savedAt: clock.now)
        return (try? store.saveDraft(kept)) != nil
    }

    /// Back at the screen and patient of a draft kept when leaving its form with an F-key:
    /// it is offered as at start. Reads the store only after such a draft was kept.
    func offerKeptDraft() {
        guard keptDraftThisSession, state.overlay == nil else { return }
        guard let draft = try? store.draft(for: state.session.staff.id) else {
            keptDraftThisSession = false
            return
        }
        guard draft.screen == state.top.id.rawValue, draft.patientId == state.patient?.patient.id else { return }
        offerDraft(draft)
    }

    /// At start: a kept draft is offered before anything else.
    func offerDraft() {
        guard let draft = try? store.draft(for: state.session.staff.id) else { return }
        offerDraft(draft)
    }

    private func offerDraft(_ draft: FormDraft) {
        let strings = state.strings
        let patient = draft.patientId.flatMap { try? store.patientSummary($0, as: state.session.context) }
            .map { ($0.name ?? strings.protectedIdentity) + " " + $0.identifier.display } ?? "–"
        let screen = ScreenID(rawValue: draft.screen).map(strings.screenTitle) ?? draft.screen
        let when = LocalDate(date: draft.savedAt, in: state.timeZone) == state.today
            ? WallClock.time(draft.savedAt, in: state.timeZone)
            : LocalDate(date: draft.savedAt, in: state.timeZone).iso + " " + WallClock.time(draft.savedAt, in: state.timeZone)
        state.overlay = .restoreDraft(draft, text: strings.draftOffer(when, patient, screen), yesSelected: true)
    }

    /// Opens the record through the door (logged as any opening is), then the screen and
    /// its form with the kept text. The draft goes once it is back in a form.
    func restoreDraft(_ draft: FormDraft) {
        state.overlay = nil
        guard let screenID = ScreenID(rawValue: draft.screen) else { return discardDraft(draft) }
        if let patient = draft.patientId {
            perform(.openPatient(patient))
            // Emergency access or a refusal took over: the draft waits for the next start.
            guard state.patient?.patient.id == patient, state.overlay == nil else {
                if state.overlay == nil { state.message = Message(text: state.strings.draftNotRestored, kind: .error) }
                return
            }
        }
        perform(.go(screenID))
        var screen = state.top
        guard screen.id == screenID, screen.restore(ScreenDraft(form: draft.form, fields: draft.fields, focus: draft.focus),
                                                    context) else {
            state.message = Message(text: state.strings.draftNotRestored, kind: .error)
            return
        }
        state.top = screen
        try? store.deleteDraft(for: draft.staffId)
        state.message = Message(text: state.strings.draftRestored, kind: .info)
    }

    func discardDraft(_ draft: FormDraft) {
        state.overlay = nil
        try? store.deleteDraft(for: draft.staffId)
    }

}
