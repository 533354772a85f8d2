import Foundation
import NaraDomain
import TerminalUI

/// Tabs and the active filters on top, the table, and the selected referral beside it
/// (120 columns and up) or under it (80×24). Dialogs are drawn over the whole body.
struct ReferralsView: Widget {
    var state: ReferralsState
    var strings: ReferralsStrings
    var global: Strings
    var today: LocalDate
    var glyphs: Glyphs

    /// Where the table and the detail go; both callers (drawing, paging) use this.
    static func split(_ area: Rect, state: ReferralsState) -> (table: Rect, detail: Rect) {
        let content = area.inset(top: 2)
        if state.detailExpanded { return (Rect(x: content.x, y: content.y, width: content.width, height: 0), content) }
        if area.width >= 120 {
            let tableWidth = max(76, area.width * 3 / 5)
            let cols = Layout.horizontal([.length(tableWidth), .fill(1)]).split(content)
            return (cols[0], cols[1])
        }
        let tableHeight = max(4, content.height / 2 - 1)
        let rows = Layout.vertical([.length(tableHeight), .fill(1)]).split(content)
        return (rows[0], rows[1])
    }

    static func tableRows(width: Int, height: Int, state: ReferralsState) -> Int {
        max(1, Table.visibleRows(in: split(Rect(width: width, height: height), state: state).table))
    }

    func render(in area: Rect, buffer: inout Buffer) {
        guard area.height >= 6 else { return }
        let titles = [strings.tabInbox, strings.tabOutbox, strings.tabPatient]
        Tabs(titles: titles, selected: state.tab.rawValue, glyphs: glyphs).render(in: area.row(0), buffer: &buffer)
        let rows = state.rows(today: today)
        if state.search.isShown {
            searchLine(rows.count).render(in: area.row(1), buffer: &buffer)
        } else {
            StatusLine(left: " " + filterText(), right: strings.count(rows.count) + " ", style: .role(.muted))
                .render(in: area.row(1), buffer: &buffer)
        }
        let (tableArea, detailArea) = Self.split(area, state: state)
        if state.tab == .patient && state.patientItems == nil {
            put(strings.noPatientOpen, in: tableArea.isEmpty ? detailArea : tableArea, buffer: &buffer)
        } else if !tableArea.isEmpty {
            renderTable(rows, in: tableArea, buffer: &buffer)
        }
        let selected = state.selected(today: today)
        let detail = ReferralDetail(state: state, strings: strings, today: today)
        let frame = Frame(title: strings.detailTitle + (selected.map { " " + ($0.patient.name ?? global.protectedIdentity) } ?? ""),
                          glyphs: glyphs)
        frame.render(in: detailArea, buffer: &buffer)
        let inner = frame.inner(detailArea).inset(left: 1, right: 1)
        if let selected {
            let lines = detail.lines(selected)
            let wrapped = Paragraph(lines).displayLines(width: max(1, inner.width))
            let scroll = min(state.detailScroll, max(0, wrapped.count - inner.height))
            Paragraph(wrapped, wrap: false, scroll: scroll).render(in: inner, buffer: &buffer)
        } else if !(state.tab == .patient && state.patientItems == nil) {
            put(strings.noSelection, in: inner, buffer: &buffer)
        }
        ReferralsOverlayView(state: state, strings: strings, global: global, today: today, glyphs: glyphs)
            .render(in: area, buffer: &buffer)
    }

    private func searchLine(_ shown: Int) -> ListFilterLine {
        ListFilterLine(filter: state.search, count: global.filterCount(shown, state.items(state.tab).count))
    }

    func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        if state.overlay == nil && state.search.isEditing {
            return searchLine(state.rows(today: today).count).cursorPosition(in: area.row(1))
        }
        return ReferralsOverlayView(state: state, strings: strings, global: global, today: today, glyphs: glyphs)
            .cursorPosition(in: area)
    }

    private func put(_ text: String, in area: Rect, buffer: inout Buffer) {
        for (i, line) in Paragraph.wrap(text, width: max(1, area.width - 2)).enumerated() where i < area.height {
            buffer.put(line, x: area.x + 1, y: area.y + i, style: .role(.muted), clip: area)
        }
    }

    private func filterText() -> String {
        var parts = [state.filter.state.map(strings.state) ?? (state.filter.includeClosed ? strings.filterAll
                                                                                            : strings.filterAllOpen)]
        if let p = state.filter.priority { parts.append(strings.priority(p)) }
        if state.filter.overdueOnly { parts.append(strings.overdueOnly) }
        if state.filter.includeClosed && state.filter.state != nil { parts.append(strings.withClosed) }
        parts.append(state.sort == .deadline ? strings.sortDeadline : strings.sortSent)
        return parts.joined(separator: " · ")
    }

    private func renderTable(_ rows: [ReferralListItem], in area: Rect, buffer: inout Buffer) {
        if rows.isEmpty {
            let empty = state.loadError ?? (state.items(state.tab).isEmpty ? strings.noReferrals : strings.noneMatch)
            put(empty, in: area, buffer: &buffer)
            return
        }
        let columns = [
            TableColumn(strings.colIdentifier, width: .length(13)),
            TableColumn(strings.colName, width: .fill(1)),
            TableColumn(strings.colOtherUnit, width: .fill(1)),
            TableColumn(strings.colPriority, width: .length(8)),
            TableColumn(strings.colState, width: .length(15)),
            TableColumn(state.sort == .deadline ? strings.colDeadline : strings.colSent, width: .length(14),
                        alignment: .right),
        ]
        var styles: [Style?] = []
        let cells: [[TextLine]] = rows.map { item in
            let r = item.referral
            let name = global.nameCell(item.patient)
            let other = state.otherUnit(r)
            let arrow = glyphs == .unicode ? (other.incoming ? "← " : "→ ") : (other.incoming ? "< " : "> ")
            let clock = ReferralDetail(state: state, strings: strings, today: today).clockCell(r)
            styles.append(r.isOverdue(today: today) ? .role(.danger) : nil)
            let last = state.sort == .deadline ? clock : TextLine(r.sentOn?.iso ?? "–")
            return [TextLine(item.patient.identifier.display), name, TextLine(arrow + state.unitName(other.id)),
                    TextLine(strings.priority(r.priority), r.priority == .urgent ? Style(.warning, .bold) : .text),
                    TextLine(strings.state(r.state)), last]
        }
        Table(columns: columns, rows: cells, state: state.list, sortColumn: 5, sortAscending: true,
              rowStyles: styles, glyphs: glyphs).render(in: area, buffer: &buffer)
    }

    /// "HH:MM" on the Swedish clock, as the conflict message and history show times.
}
