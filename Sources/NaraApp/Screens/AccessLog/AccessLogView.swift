import NaraDomain
import TerminalUI

/// The two tabs in one frame: a table of log rows, the selected row in full under it
/// (the table cuts long details and reasons), and the review form over it all.
struct AccessLogView {
    var state: AccessLogState
    var strings: Strings
    var patient: PatientRecord?
    var glyphs: Glyphs

    private var words: AccessLogStrings { AccessLogStrings.of(strings.language) }
    private var logWords: AccessLogWords { AccessLogWords(strings.language) }

    /// Table rows in a body of this height: frame, tabs, table header, the selected row's
    /// line and the key hint take six.
    static func visibleRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 6) }

    func draw(in area: Rect, buffer: inout Buffer) -> (x: Int, y: Int)? {
        let frame = Frame(title: title, glyphs: glyphs)
        frame.render(in: area, buffer: &buffer)
        let inner = frame.inner(area).inset(left: 1, right: 1)
        guard inner.height >= 4 else { return nil }
        Tabs(titles: [words.tabExtract, words.tabReview], selected: state.tab.rawValue, glyphs: glyphs)
            .render(in: inner.row(0), buffer: &buffer)
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 3)
        switch state.tab {
        case .extract: extract(in: body, buffer: &buffer)
        case .review: review(in: body, buffer: &buffer)
        }
        let footer = state.tab == .extract ? words.footerExtract : words.footerReview
        let footerRow = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        let filterLine = ListFilterLine(filter: state.filter, count: strings.filterCount(state.rowCount, state.readCount))
        if state.filter.isShown {
            filterLine.render(in: footerRow, buffer: &buffer)
        } else {
            buffer.put(footer, x: inner.x, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width)
        }
        if state.form == nil && state.filter.isEditing { return filterLine.cursorPosition(in: footerRow) }
        return form(in: area, buffer: &buffer)
    }

    private var title: String {
        switch state.tab {
        case .extract:
            guard let p = patient?.patient else { return strings.accessLogTitle }
            return words.extractTitle(p.identifier.display + " " + (p.deceased ? "† " : "") + p.fullName,
                                      state.extract.count)
        case .review:
            guard state.isAdministrator, let from = state.reviewFrom, let to = state.reviewTo else {
                return strings.accessLogTitle
            }
            return words.reviewTitle(from, to, state.review.filter(\.entry.emergency).count, state.review.count)
        }
    }

    private func extract(in area: Rect, buffer: inout Buffer) {
        guard patient != nil else { return sentence(words.noPatient, in: area, buffer: &buffer) }
        let rest = max(0, area.width - 35)
        let columns = [
            TableColumn(words.columnTime, width: .length(16)),
            TableColumn(words.columnUnit, width: .length(min(24, rest / 3))),
            TableColumn(words.columnStaff, width: .length(min(20, rest * 3 / 10))),
            TableColumn(words.columnAction, width: .length(9)),
            TableColumn(words.columnDetail, width: .fill(1)),
            TableColumn("", width: .length(5)),
        ]
        let rows = state.extract.map { row -> [TextLine] in
            [TextLine(row.time), TextLine(row.unitName), TextLine(row.staffName),
             TextLine(words.action(row.entry.action)), TextLine(logWords.describe(row.entry)), flag(row.entry)]
        }
        table(columns, rows, state.extractList, emergencies: state.extract.map(\.entry.emergency), in: area,
              buffer: &buffer)
        if let i = state.extractList.selected, state.extract.indices.contains(i) {
            let row = state.extract[i]
            selectedLine([row.unitName, row.staffName, logWords.describe(row.entry)],
                         row.entry, extra: nil, in: area, buffer: &buffer)
        }
    }

    private func review(in area: Rect, buffer: inout Buffer) {
        guard state.isAdministrator else { return sentence(words.onlyAdministrators, in: area, buffer: &buffer) }
        let rest = max(0, area.width - 51)
        let columns = [
            TableColumn(words.columnTime, width: .length(16)),
            TableColumn(words.columnStaff, width: .length(min(20, rest / 2))),
            TableColumn(words.columnPatient, width: .length(13)),
            TableColumn(words.columnDetail, width: .fill(1)),
            TableColumn("", width: .length(5)),
            TableColumn(words.columnState, width: .length(12)),
        ]
        let rows = state.review.map { item -> [TextLine] in
            [TextLine(AccessLogScreen.time(item.entry.atMilliseconds)), TextLine(item.staffName),
             TextLine(item.patientIdentifier ?? "–"), TextLine(item.entry.detail), flag(item.entry), reviewCell(item)]
        }
        table(columns, rows, state.reviewList, emergencies: state.review.map(\.entry.emergency), in: area,
              buffer: &buffer)
        if let item = state.selectedReview {
            let chosen = words.chosen + " " + item.reasons.map(logWords.reason).joined(separator: ", ")
            let extra = [item.reasons.isEmpty ? nil : chosen, item.review.map { words.verdict($0.verdict) + ": " + $0.comment }]
                .compactMap { $0 }.joined(separator: " · ")
            selectedLine([item.unitName, item.staffName, words.action(item.entry.action), item.entry.detail],
                         item.entry, extra: extra.isEmpty ? nil : extra, in: area, buffer: &buffer)
        }
    }

    private func reviewCell(_ item: AccessReviewItem) -> TextLine {
        guard let review = item.review else { return TextLine(words.notReviewed, Style(.warning)) }
        return TextLine(words.verdict(review.verdict), Style(review.verdict == .ok ? .success : .danger))
    }

    private func flag(_ entry: AccessLogEntry) -> TextLine {
        entry.emergency ? TextLine(words.emergency, Style(.danger, .bold)) : TextLine("")
    }

    /// Only the rows on screen go to the table, so a long log draws as fast as a short one.
    private func table(_ columns: [TableColumn], _ rows: [[TextLine]], _ list: ListState, emergencies: [Bool],
                       in area: Rect, buffer: inout Buffer) {
        let tableArea = Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - 1))
        let visible = Table.visibleRows(in: tableArea)
        var list = list
        list.clamp(count: rows.count)
        list.scrollToSelection(visibleRows: visible, count: rows.count)
        let window = rows.indices.dropFirst(list.offset).prefix(visible)
        let shown = ListState(selected: list.selected.map { $0 - list.offset }, offset: 0)
        Table(columns: columns, rows: window.map { rows[$0] }, state: shown, glyphs: glyphs)
            .render(in: tableArea, buffer: &buffer)
        if rows.isEmpty {
            buffer.put(words.noRows, x: area.x, y: area.y + 2, style: Style(.muted), maxWidth: area.width)
        }
    }

    private func selectedLine(_ parts: [String], _ entry: AccessLogEntry, extra: String?, in area: Rect,
                              buffer: inout Buffer) {
        var line = TextLine(parts.joined(separator: " · "), Style(.text))
        if entry.emergency {
            line.spans.append(Span(" · " + words.reason + " " + (entry.reason ?? "–"), Style(.danger)))
        }
        if let extra { line.spans.append(Span(" · " + extra, Style(.muted))) }
        buffer.put(line, in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1))
    }

    private func sentence(_ text: String, in area: Rect, buffer: inout Buffer) {
        for (i, line) in Paragraph.wrap(text, width: max(1, area.width)).enumerated() where i + 1 < area.height {
            buffer.put(line, x: area.x, y: area.y + 1 + i, style: Style(.muted), maxWidth: area.width)
        }
    }

    private func form(in area: Rect, buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard let form = state.form else { return nil }
        let rows = (form.error == nil ? 0 : 2) + Form.height(for: form.fields) + 2
        let box = Modal(title: words.formTitle, lines: [], width: min(70, area.width - 2), minContentRows: rows,
                        glyphs: glyphs)
        box.render(in: area, buffer: &buffer)
        let content = box.contentArea(in: area)
        if let error = form.error {
            buffer.put(error, x: content.x, y: content.y, style: Style(.danger), maxWidth: content.width)
        }
        let fields = content.inset(top: form.error == nil ? 0 : 2, bottom: 2)
        let widget = Form(state: form.fields, cutNotice: strings.fieldCut)
        widget.render(in: fields, buffer: &buffer)
        buffer.put(words.formFooter, x: content.x, y: content.maxY - 1, style: Style(.muted), maxWidth: content.width)
        if form.confirmDiscard {
            Modal(title: words.confirmTitle, lines: [TextLine(words.confirmDiscard)], buttons: [strings.yes, strings.no],
                  selectedButton: form.yesSelected ? 0 : 1, width: min(50, area.width - 4), glyphs: glyphs)
                .render(in: area, buffer: &buffer)
            return nil
        }
        return widget.cursorPosition(in: fields)
    }
}
