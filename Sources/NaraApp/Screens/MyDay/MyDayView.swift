import Foundation
import NaraDomain
import TerminalUI

/// Min dag: the tabs on top, the sections with their headings (callbacks under their
/// time slots), one line per row, and the keys at the foot; or Mina patienter as a table.
/// A form opens over it. Draws the state only; never reads the store.
struct MyDayView: Widget {
    var state: MyDayState
    var words: MyDayStrings
    var strings: Strings
    var today: LocalDate
    var zone: ClockZone
    var glyphs: Glyphs

    /// Rows visible in a body of this height: the frame, the tabs, the selected row's
    /// whole text and the footer take five.
    static func visibleRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 5) }

    /// One line of the day: a heading, or the row at an index of `state.rows`.
    enum Line: Hashable { case heading(String), row(Int) }

    /// Every section gets its heading with its count, and callbacks a heading per time slot.
    var lines: [Line] {
        var out: [Line] = []
        for section in MyDaySection.allCases {
            let indices = state.rows.indices.filter { state.rows[$0].section == section }
            out.append(.heading(heading(section, count: indices.count)))
            var slot: String?
            for i in indices {
                if section == .callbacks, case .careRequest(let r) = state.rows[i], let s = r.request.callback?.text,
                   s != slot {
                    slot = s
                    out.append(.heading("  " + words.callbackSlot(s)))
                }
                out.append(.row(i))
            }
        }
        return out
    }

    private func heading(_ section: MyDaySection, count: Int) -> String {
        let title = section == .news
            ? words.newsSince(state.since.map { WallClock.dateTime($0, in: zone) })
            : words.section(section)
        return "\(title) (\(count))"
    }

    func render(in area: Rect, buffer: inout Buffer) {
        let frame = Frame(title: strings.myDayTitle, glyphs: glyphs)
        frame.render(in: area, buffer: &buffer)
        let inner = frame.inner(area).inset(left: 1, right: 1)
        guard inner.height >= 4 else { return }
        renderTabs(Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), buffer: &buffer)
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 3)
        if state.tab == .day, let item = state.selectedItem {
            // The whole of what the table may have cut: a reason, a task, a reply.
            buffer.put(detail(item).0.truncated(to: inner.width), x: inner.x, y: inner.maxY - 2, maxWidth: inner.width)
        } else if state.tab == .patients, let row = state.selectedPatientRow, !row.alerts.isEmpty {
            let all = row.alerts.map { WorkListsStrings.of(strings.language).reason($0.reason, strings) }
            buffer.put(TextLine(all.joined(separator: " · "), Style(.warning)).truncated(to: inner.width),
                       x: inner.x, y: inner.maxY - 2, maxWidth: inner.width)
        }
        let footer = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        if !state.hasLoaded && state.tab == .day {
            buffer.put(words.reading, x: body.x, y: body.y + 1, style: Style(.muted), maxWidth: body.width)
        } else if state.tab == .day {
            renderDay(in: body, buffer: &buffer)
        } else {
            renderPatients(in: body, buffer: &buffer)
        }
        if state.filter.isShown {
            filterLine.render(in: footer, buffer: &buffer)
        } else {
            buffer.put(state.tab == .day ? words.footerDay : words.footerPatients, x: footer.x, y: footer.y,
                       style: Style(.muted), maxWidth: footer.width)
        }
        if let form = state.form { renderForm(form, in: area, buffer: &buffer) }
    }

    private func renderTabs(_ row: Rect, buffer: inout Buffer) {
        var x = row.x
        for (tab, label) in [(MyDayTab.day, words.tabDay), (.patients, words.tabPatients)] {
            let style = tab == state.tab ? Style(.accent, .bold) : Style(.muted)
            x += buffer.put(tab == state.tab ? "[\(label)]" : " \(label) ", x: x, y: row.y, style: style,
                            maxWidth: max(0, row.maxX - x)) + 1
        }
        guard state.hasLoaded else { return }
        // Every section's count at the right, so a new row below the fold is seen at once.
        var spans: [Span] = []
        for section in MyDaySection.allCases {
            let n = state.loaded.filter { $0.section == section }.count
            if !spans.isEmpty { spans.append(Span("  ")) }
            spans.append(Span("\(words.short(section)) \(n)", n > 0 ? Style(.accent, .bold) : Style(.muted)))
        }
        let counts = TextLine(spans)
        if counts.width <= row.maxX - x - 1 {
            buffer.put(counts, x: row.maxX - counts.width, y: row.y, maxWidth: counts.width)
        }
    }

    private func renderDay(in body: Rect, buffer: inout Buffer) {
        let lines = self.lines
        let selectedLine = state.list.selected.flatMap { sel in lines.firstIndex(of: .row(sel)) } ?? 0
        // The selected row stays on screen, with its heading when there is room.
        let last = state.list.selected == state.rows.count - 1
        let offset = max(0, last ? lines.count - body.height
                                 : min(selectedLine - body.height + 2, lines.count - body.height))
        for (n, line) in lines.dropFirst(offset).prefix(body.height).enumerated() {
            let rowRect = body.row(n)
            switch line {
            case .heading(let text):
                buffer.put(text, x: rowRect.x, y: rowRect.y, style: Style(.accent, .bold), maxWidth: rowRect.width)
            case .row(let i):
                buffer.put(cells(state.rows[i], width: rowRect.width), in: rowRect, alignment: .left)
                if i == state.list.selected { buffer.setStyle(rowRect, .role(.selection)) }
            }
        }
        if state.loaded.isEmpty, lines.count < body.height {
            buffer.put(words.nothingToday, x: body.x, y: body.y + lines.count, style: Style(.muted), maxWidth: body.width)
        }
    }

    /// Name and personnummer, then what the row is about, then its clock or day at the right.
    private func cells(_ item: MyDayItem, width: Int) -> TextLine {
        let p = item.patient
        var name = strings.nameCell(p).truncated(to: 20)
        name.spans.append(Span(String(repeating: " ", count: max(0, 21 - name.width))))
        name.spans.append(Span(DisplayWidth.pad(p.identifier.display, to: 14)))
        let (middle, right) = detail(item)
        let room = max(0, width - name.width - right.width - 1)
        var line = name
        line.spans += middle.truncated(to: room).spans
        let used = line.width
        line.spans.append(Span(String(repeating: " ", count: max(1, width - used - right.width))))
        line.spans += right.spans
        return line
    }

    private func detail(_ item: MyDayItem) -> (TextLine, TextLine) {
        switch item {
        case .careRequest(let row):
            let r = row.request
            let what = "\(words.channel(r.channel)), \(words.problem(r.problem)): \(r.reason)"
                + (r.unanswered > 0 ? " (\(words.unanswered(r.unanswered)))" : "")
            let clocks = [PrimaryCareGuarantee.contact, .assessment].map { g -> Span in
                let status = r.clock(g, zone: zone).status(today: today)
                let style: Style = if case .overdue = status { Style(.danger, .bold) }
                    else if case .met = status { Style(.success) } else { Style(.text) }
                return Span(" " + DisplayWidth.pad(words.clock(g, status), to: 10), style)
            }
            return (TextLine(what), TextLine(clocks))
        case .task(let row):
            let t = row.task
            var spans: [Span] = []
            let priority = words.priority(t.priority)
            if !priority.isEmpty { spans.append(Span(priority + " ", t.priority == .urgent ? Style(.danger, .bold) : Style(.muted))) }
            spans.append(Span(t.text))
            let to = t.toStaffId != nil ? words.toMe : words.toUnit
            let due = t.due.map { Span(" " + words.due($0, t.isOverdue(today: today)),
                                       t.isOverdue(today: today) ? Style(.danger, .bold) : Style(.text)) }
            return (TextLine(spans), TextLine([Span(" " + to, Style(.muted))] + (due.map { [$0] } ?? [])))
        case .followUp(let row):
            let day = row.contact.plannedOn
            return (TextLine(row.contact.note),
                    TextLine(" " + words.planned(day, today), day < today ? Style(.danger) : Style(.accent)))
        case .news(let row):
            return (TextLine(words.news(row.news)), TextLine(" " + WallClock.dateTime(row.at, in: zone), Style(.muted)))
        }
    }

    private func renderPatients(in body: Rect, buffer: inout Buffer) {
        let columns = [
            TableColumn(strings.columnName, width: .fill(3)),
            TableColumn(strings.columnIdentifier, width: .length(13)),
            TableColumn(words.columnRole, width: .length(4)),
            TableColumn("COC", width: .length(4), alignment: .right),
            TableColumn(words.columnLast, width: .length(10)),
            TableColumn(words.columnNext, width: .length(10)),
            TableColumn(words.columnAlerts, width: .fill(2)),
        ]
        var list = state.patientList
        let visible = Table.visibleRows(in: body)
        list.clamp(count: state.patients.count)
        list.scrollToSelection(visibleRows: visible, count: state.patients.count)
        let window = state.patients.indices.dropFirst(list.offset).prefix(visible)
        let rows = window.map { i -> [TextLine] in
            let r = state.patients[i]
            return [strings.nameCell(r.patient), TextLine(r.patient.identifier.display), TextLine(words.role(r.role)),
                    r.coc.map { TextLine(strings.decimal($0, digits: 2)) } ?? TextLine("–", Style(.muted)),
                    TextLine(r.lastEncounter.map { LocalDate(date: $0, in: zone).iso } ?? "–"),
                    r.nextPlanned.map { TextLine($0.iso, Style(.accent)) } ?? TextLine("–", Style(.muted)),
                    alerts(r)]
        }
        let shown = ListState(selected: list.selected.map { $0 - list.offset }, offset: 0)
        Table(columns: columns, rows: rows, state: shown, glyphs: glyphs).render(in: body, buffer: &buffer)
        if state.patientsLoaded.isEmpty {
            buffer.put(words.noPatients, x: body.x, y: body.y + 2, style: Style(.muted), maxWidth: body.width)
        }
    }

    /// The first of the lists the patient is on, and how many more.
    private func alerts(_ row: MyPatientRow) -> TextLine {
        guard let first = row.alerts.first else { return TextLine("–", Style(.muted)) }
        let more = row.alerts.count > 1 ? " +\(row.alerts.count - 1)" : ""
        return TextLine(WorkListsStrings.of(strings.language).reason(first.reason, strings) + more, Style(.warning))
    }

    private var filterLine: ListFilterLine {
        let (shown, all) = state.tab == .day ? (state.rows.count, state.loaded.count)
                                             : (state.patients.count, state.patientsLoaded.count)
        return ListFilterLine(filter: state.filter, count: strings.filterCount(shown, all))
    }

    private func formModal(_ form: MyDayForm, in area: Rect) -> Modal {
        Modal(title: form.title, lines: [TextLine(form.patientLabel, Style(.muted))], width: min(area.width - 2, 72),
              minContentRows: 1 + Form.height(for: form.fields) + 2, glyphs: glyphs)
    }

    private func formArea(_ form: MyDayForm, in area: Rect) -> Rect {
        let content = formModal(form, in: area).contentArea(in: area)
        return content.inset(top: min(2, content.height), bottom: min(1, max(0, content.height - 2)))
    }

    private func renderForm(_ form: MyDayForm, in area: Rect, buffer: inout Buffer) {
        let modal = formModal(form, in: area)
        modal.render(in: area, buffer: &buffer)
        Form(state: form.fields, cutNotice: strings.fieldCut).render(in: formArea(form, in: area), buffer: &buffer)
        let content = modal.contentArea(in: area)
        if content.height > 0 {
            buffer.put(words.formFooter, x: content.x, y: content.maxY - 1, style: Style(.muted), maxWidth: content.width)
        }
    }

    /// The cursor is in the form's field, or in the filter line while it is typed into.
    func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        if let form = state.form {
            return Form(state: form.fields).cursorPosition(in: formArea(form, in: area))
        }
        guard state.filter.isEditing else { return nil }
        let inner = Frame(title: "", glyphs: glyphs).inner(area).inset(left: 1, right: 1)
        return filterLine.cursorPosition(in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
    }
}
