import NaraDomain
import TerminalUI

/// Patientöversikt: the open record on one screen, alerts first. It reads nothing
/// itself; the record comes from the program (opened through the store's door) and `u`
/// asks the program to read it again. `n` opens the one form it has: next of kin and
/// the interpreter need, written through the store's door.
public struct OverviewScreen: ScreenModel {
    public var state = OverviewState()
    public let id = ScreenID.overview

    public init() {}

    public func help(_ strings: Strings) -> HelpSection? { HelpSection(OverviewKeymap.make(strings)) }

    public var capturesKeys: Bool { state.details != nil }
    public var textFieldHasFocus: Bool { state.details != nil }
    public var hasUnsavedInput: Bool { state.details?.changed ?? false }

    public mutating func handle(_ event: Event, _ context: ScreenContext) -> (handled: Bool, commands: [ScreenCommand]) {
        if state.details != nil { return (true, handleDetails(event, context)) }
        guard case .key(let key) = event, let action = OverviewKeymap.make(context.strings).action(for: key) else {
            return (false, [])
        }
        let area = Rect(width: context.bodyWidth, height: context.bodyHeight)
        let contentRows = context.patient.map {
            OverviewView.document(record: $0, strings: context.strings, today: context.today, area: area).rows.count
        } ?? 0
        let effects = OverviewReducer.reduce(&state, action, contentRows: contentRows,
                                             visibleRows: OverviewView.contentArea(area).height)
        var commands: [ScreenCommand] = []
        for effect in effects {
            switch effect {
            case .go(let screen): commands.append(.go(screen))
            case .askConsent: commands.append(.askConsent)
            case .reload:
                guard context.patient != nil else { break }
                commands.append(.reloadPatient)
                commands.append(.message(OverviewStrings.of(context.language).reloaded, isError: false))
            case .openDetails:
                guard let record = context.patient else { break }
                state.details = OverviewDetailsForm(patient: record.patient, OverviewStrings.of(context.language))
            }
        }
        return (true, commands)
    }

    /// The form takes every key: Enter on the last field saves, Esc closes it (the
    /// program asks first when it was changed, as for any form).
    private mutating func handleDetails(_ event: Event, _ context: ScreenContext) -> [ScreenCommand] {
        guard var form = state.details, let record = context.patient else {
            state.details = nil
            return []
        }
        let s = OverviewStrings.of(context.language)
        switch form.fields.handle(event) {
        case .consumed, .ignored:
            state.details = form
            return []
        case .cancel:
            state.details = nil
            return []
        case .submit:
            switch form.check(keeping: record.patient, s) {
            case .failure(let errors):
                form.fields.setErrors(errors.byField)
                _ = form.fields.focusFirstError()
                state.details = form
                return []
            case .success(let (need, kin)):
                do {
                    let who = context.session.context, patient = record.patient.id
                    if need != record.patient.interpreter { try context.store.setInterpreter(patient, need, as: who) }
                    if kin != record.patient.nextOfKin { try context.store.setNextOfKin(patient, kin, as: who) }
                    state.details = nil
                    return [.reloadPatient, .message(s.detailsSaved, isError: false)]
                } catch {
                    // The typed text stays for another try.
                    state.details = form
                    return [.message(context.strings.describe(error), isError: true)]
                }
            }
        }
    }

    public func draft() -> ScreenDraft? {
        guard let form = state.details, form.changed else { return nil }
        return ScreenDraft(form: "details", form.fields)
    }

    public mutating func restore(_ draft: ScreenDraft, _ context: ScreenContext) -> Bool {
        guard draft.form == "details", let record = context.patient else { return false }
        var form = OverviewDetailsForm(patient: record.patient, OverviewStrings.of(context.language))
        draft.fill(&form.fields)
        state.details = form
        return true
    }

    public func render(in area: Rect, buffer: inout Buffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        OverviewView(state: state, strings: context.strings, record: context.patient, today: context.today,
                     glyphs: context.glyphs).render(in: area, buffer: &buffer)
        guard let form = state.details else { return nil }
        let s = OverviewStrings.of(context.language)
        let modal = Modal(title: s.titleDetails, lines: [TextLine(s.detailsHelp, Style(.muted))],
                          width: min(76, area.width), minContentRows: Form.height(for: form.fields) + 2,
                          glyphs: context.glyphs)
        modal.render(in: area, buffer: &buffer)
        let content = modal.contentArea(in: area)
        let fields = Rect(x: content.x, y: content.y + 2, width: content.width, height: max(0, content.height - 2))
        Form(state: form.fields).render(in: fields, buffer: &buffer)
        return Form(state: form.fields).cursorPosition(in: fields)
    }
}
