import NaraDomain
import TerminalUI

/// The patient on top, the sections as tabs, the keys of the section at the bottom,
/// and any form or question over it all.
struct ContinuityView: Widget {
    var state: ContinuityState
    var strings: Strings
    var words: ContinuityStrings
    var facts: ContinuityFacts?
    var glyphs: Glyphs

    func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let areas = ContinuityLayout.split(area, tab: state.tab)
        Tabs(titles: ContinuityTab.allCases.map(words.tab), selected: state.tab.rawValue, glyphs: glyphs)
            .render(in: areas.tabs.inset(left: 1), buffer: &buffer)
        guard let facts else {
            buffer.put(" " + words.noPatient, x: area.x, y: areas.header.y, style: Style(.muted), clip: areas.header)
            return
        }
        header(facts, in: areas.header, buffer: &buffer)
        let panes = ContinuityPanes(state: state, strings: strings, words: words, facts: facts, glyphs: glyphs)
        switch state.tab {
        case .contacts: panes.contacts(in: areas.content, buffer: &buffer)
        case .encounters: panes.encounters(in: areas.content, buffer: &buffer)
        case .plan: panes.plans(in: areas.content, buffer: &buffer)
        case .measures:
            MeasuresPane(strings: strings, words: words, facts: facts, glyphs: glyphs, compact: false)
                .render(in: areas.content, buffer: &buffer)
        }
        if let summary = areas.summary {
            let frame = Frame(title: words.tabMeasures, glyphs: glyphs)
            frame.render(in: summary, buffer: &buffer)
            MeasuresPane(strings: strings, words: words, facts: facts, glyphs: glyphs, compact: true)
                .render(in: frame.inner(summary).inset(left: 1, right: 1), buffer: &buffer)
        }
        let hints: String
        switch state.tab {
        case .contacts: hints = words.hintsContacts
        case .encounters: hints = words.hintsEncounters
        case .measures: hints = words.hintsMeasures
        case .plan: hints = words.hintsPlan
        }
        if let line = filterLine(facts) {
            line.render(in: areas.hints.inset(left: 1), buffer: &buffer)
        } else {
            buffer.put(" " + hints, x: area.x, y: areas.hints.y, style: Style(.muted), clip: areas.hints)
        }
        if state.form != nil { dialog(in: area, buffer: &buffer) }
    }

    /// The `/` line in place of the key hints, on the tabs it filters.
    private func filterLine(_ facts: ContinuityFacts) -> ListFilterLine? {
        guard state.filter.isShown, state.tab == .contacts || state.tab == .encounters else { return nil }
        return ListFilterLine(filter: state.filter,
                              count: strings.filterCount(facts.count(state.tab), facts.unfiltered(state.tab)))
    }

    private func header(_ facts: ContinuityFacts, in row: Rect, buffer: inout Buffer) {
        let p = facts.record.patient
        var spans = [Span(" " + p.fullName, Style(.text, .bold)), Span("  " + p.identifier.display, Style(.accent))]
        if p.protectedIdentity { spans.append(Span("  " + strings.protectedIdentity, Style(.protectedIdentity, .bold))) }
        if let mark = strings.deceasedMark(p.deceased, on: p.deceasedOn) { spans.append(mark) }
        let listing = facts.record.activeListing(on: facts.today)
        spans.append(Span("  " + (listing.map { words.listedAt(facts.unitName($0.unitId)) } ?? words.notListed),
                          Style(.muted)))
        buffer.put(TextLine(spans), in: row)
    }

    // MARK: - Dialogs

    private func modal(_ form: ContinuityForm, in area: Rect) -> Modal {
        let rows = (form.error == nil ? 0 : 2) + Form.height(for: form.fields) + 2
        return Modal(title: title(form.kind), lines: [], width: min(76, area.width - 2), minContentRows: rows,
                     glyphs: glyphs)
    }

    private func formArea(_ form: ContinuityForm, in area: Rect) -> Rect {
        let content = modal(form, in: area).contentArea(in: area)
        return content.inset(top: form.error == nil ? 0 : 2, bottom: 2)
    }

    private func dialog(in area: Rect, buffer: inout Buffer) {
        guard let form = state.form else { return }
        let box = modal(form, in: area)
        box.render(in: area, buffer: &buffer)
        let content = box.contentArea(in: area)
        if let error = form.error {
            let lines = Paragraph.wrap(error, width: max(1, content.width))
            for (i, line) in lines.prefix(2).enumerated() {
                buffer.put(line, x: content.x, y: content.y + i, style: Style(.danger), clip: content)
            }
        }
        Form(state: form.fields, cutNotice: strings.fieldCut).render(in: formArea(form, in: area), buffer: &buffer)
        buffer.put(DisplayWidth.truncate(words.formFooter, to: content.width), x: content.x, y: content.maxY - 1,
                   style: Style(.muted), clip: content)
        if let confirm = state.confirm {
            Modal(title: words.confirmTitle, lines: [TextLine(confirm.text)], buttons: [strings.yes, strings.no],
                  selectedButton: confirm.yesSelected ? 0 : 1, width: min(60, area.width - 4), glyphs: glyphs)
                .render(in: area, buffer: &buffer)
        }
    }

    private func title(_ kind: ContinuityFormKind) -> String {
        switch kind {
        case .assign(let role): return role == .careContact ? words.titleAssignContact : words.titleAssignPhysician
        case .end(_, _, let role, _): return words.titleEnd(words.role(role))
        case .encounter: return words.titleEncounter
        case .annul(_, let label): return words.titleAnnul(label)
        case .plan(let id, _): return id == 0 ? words.titleNewPlan : words.titleEditPlan
        }
    }

    func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        if state.form == nil, state.filter.isEditing, let facts, let line = filterLine(facts) {
            return line.cursorPosition(in: ContinuityLayout.split(area, tab: state.tab).hints.inset(left: 1))
        }
        guard let form = state.form, state.confirm == nil else { return nil }
        return Form(state: form.fields).cursorPosition(in: formArea(form, in: area))
    }
}
