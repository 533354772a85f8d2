import NaraDomain
import TerminalUI

/// The list of lists with counts and the selected list's explanation, or one open list's
/// patients with the reason each is there. Only the rows on screen are built, so a long
/// list draws as fast as a short one.
struct WorkListsView: Widget {
    var state: WorkListsState
    var settings: WorkListSettings
    var strings: Strings
    var unitName: String
    var today: LocalDate
    var glyphs: Glyphs

    private var words: WorkListsStrings { WorkListsStrings.of(strings.language) }

    /// Patient rows visible in a body of this height: the frame, the table header, the
    /// reason line and the key hint take five.
    static func visibleRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 5) }

    func render(in area: Rect, buffer: inout Buffer) {
        if let kind = state.open {
            renderList(kind, in: area, buffer: &buffer)
        } else {
            renderLists(in: area, buffer: &buffer)
        }
    }

    private func renderLists(in area: Rect, buffer: inout Buffer) {
        let frame = Frame(title: "\(strings.workListsTitle) · \(unitName) · \(today.iso)", glyphs: glyphs)
        frame.render(in: area, buffer: &buffer)
        let inner = frame.inner(area).inset(left: 1, right: 1)
        guard inner.height >= 3 else { return }
        let tableArea = Rect(x: inner.x, y: inner.y, width: inner.width,
                             height: min(state.kinds.count + 1, inner.height - 1))
        let columns = [TableColumn(words.columnList, width: .fill(1)),
                       TableColumn(words.columnCount, width: .length(7), alignment: .right)]
        let rows = state.kinds.map { [TextLine(words.name($0, settings, strings)), countCell($0)] }
        Table(columns: columns, rows: rows, state: state.lists, glyphs: glyphs).render(in: tableArea, buffer: &buffer)

        let footerY = inner.maxY - 1
        buffer.put(words.footerLists, x: inner.x, y: footerY, style: Style(.muted), maxWidth: inner.width)
        guard let kind = state.selectedKind else { return }
        let top = tableArea.maxY + 1
        let lines = Paragraph.wrap(words.explanation(kind, settings, strings), width: max(1, inner.width))
        // Up to the footer line: on 80×24 the fourteen lists leave two lines to explain.
        for (i, line) in lines.enumerated() where top + i < footerY {
            buffer.put(line, x: inner.x, y: top + i, style: Style(.text), maxWidth: inner.width)
        }
    }

    private func countCell(_ kind: WorkListKind) -> TextLine {
        guard let counts = state.counts else { return TextLine("…", Style(.muted)) }
        guard let n = counts[kind] else { return TextLine("–", Style(.muted)) }
        let text = n >= WorkListsState.limit ? "≥\(n)" : String(n)
        return n == 0 ? TextLine(text, Style(.muted)) : TextLine(text, Style(.accent, .bold))
    }

    private func renderList(_ kind: WorkListKind, in area: Rect, buffer: inout Buffer) {
        // The count must survive a narrow window: the word "patienter" goes first.
        let name = words.name(kind, settings, strings)
        let long = "\(name) · \(words.patients(state.loaded.count))"
        let title = DisplayWidth.of(long) <= area.width - 4 ? long : "\(name) · \(state.loaded.count)"
        let frame = Frame(title: title, glyphs: glyphs)
        frame.render(in: area, buffer: &buffer)
        let inner = frame.inner(area).inset(left: 1, right: 1)
        guard inner.height >= 3 else { return }
        let tableArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 2)
        let columns = [
            TableColumn(strings.columnIdentifier, width: .length(13)),
            // Names need about 26 columns; the rest goes to the reason, the longest cell.
            TableColumn(strings.columnName, width: .length(min(26, max(16, (inner.width - 21) * 2 / 5)))),
            TableColumn(strings.columnAge, width: .length(5), alignment: .right),
            TableColumn(words.columnReason, width: .fill(1)),
        ]
        // The table gets only the rows on screen, with the selection moved to match.
        let visible = Table.visibleRows(in: tableArea)
        var list = state.patients
        list.clamp(count: state.rows.count)
        list.scrollToSelection(visibleRows: visible, count: state.rows.count)
        let window = state.rows.indices.dropFirst(list.offset).prefix(visible)
        let rows = window.map { cells(state.rows[$0]) }
        let shown = ListState(selected: list.selected.map { $0 - list.offset }, offset: 0)
        Table(columns: columns, rows: rows, state: shown, glyphs: glyphs).render(in: tableArea, buffer: &buffer)
        if state.rows.isEmpty && !state.filter.isFiltering {
            buffer.put(words.noPatients, x: inner.x, y: inner.y + 2, style: Style(.muted), maxWidth: inner.width)
        }
        if let row = state.selectedRow {
            // The whole reason, which the table may have cut; the listing unit when it fits.
            var line = TextLine([Span(words.columnReason + ": ", Style(.muted)),
                                 Span(words.reason(row.entry.reason, strings), reasonStyle(row.entry.reason))])
            let listing = Span(" · " + strings.columnListing + ": " + (row.patient.listingUnitName ?? "–"), Style(.muted))
            if line.width + listing.width <= inner.width { line.spans.append(listing) }
            buffer.put(line, in: Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 1))
        }
        if state.filter.isShown {
            filterLine.render(in: footer(inner), buffer: &buffer)
        } else {
            buffer.put(words.footerPatients, x: inner.x, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width)
        }
    }

    private var filterLine: ListFilterLine {
        ListFilterLine(filter: state.filter, count: strings.filterCount(state.rows.count, state.loaded.count))
    }

    private func footer(_ inner: Rect) -> Rect { Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1) }

    /// The cursor is in the filter line while it is typed into.
    func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        guard state.open != nil, state.filter.isEditing else { return nil }
        let inner = Frame(title: "", glyphs: glyphs).inner(area).inset(left: 1, right: 1)
        return filterLine.cursorPosition(in: footer(inner))
    }

    private func cells(_ row: WorkListRow) -> [TextLine] {
        let p = row.patient
        let name = strings.nameCell(p)
        let age = p.birthDate.map { String($0.age(on: today)) } ?? "–"
        return [TextLine(p.identifier.display), name, TextLine(age),
                TextLine(words.reason(row.entry.reason, strings), reasonStyle(row.entry.reason))]
    }

    /// Past a deadline reads as overdue; everything else is plain text.
    private func reasonStyle(_ reason: WorkListReason) -> Style {
        switch reason {
        case .referralOverdue, .planFollowUpPassed: return Style(.danger)
        case let .admittedWithoutCareContact(_, _, left?) where left < 0: return Style(.danger)
        case let .readyWithoutPlan(_, _, left) where left < 0: return Style(.danger)
        default: return Style(.text)
        }
    }
}
