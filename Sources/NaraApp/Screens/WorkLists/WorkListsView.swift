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
    private var claimWords: WorkListsClaimStrings { WorkListsClaimStrings.of(strings.language) }

    /// Patient rows visible in a body of this height: the frame, the table header, the
    /// reason line, the taken-or-handled line and the key hint take six.
    static func visibleRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 6) }

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
        let tableArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 3)
        let columns = [
            TableColumn(strings.columnIdentifier, width: .length(13)),
            // Names need about 24 columns; the rest goes to the reason, the longest cell.
            TableColumn(strings.columnName, width: .length(min(24, max(14, (inner.width - 31) * 2 / 5)))),
            TableColumn(strings.columnAge, width: .length(5), alignment: .right),
            TableColumn(claimWords.columnStatus, width: .length(9)),
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
            buffer.put(line, in: Rect(x: inner.x, y: inner.maxY - 3, width: inner.width, height: 1))
            if let claim = row.claim {
                buffer.put(claimText(claim), x: inner.x, y: inner.maxY - 2,
                           style: Style(claim.isHandled ? .success : .accent), maxWidth: inner.width)
            }
        }
        if let note = state.note {
            let prompt = claimWords.notePrompt
            buffer.put(prompt, x: inner.x, y: inner.maxY - 1, style: Style(.accent, .bold), maxWidth: inner.width)
            TextField(state: note, focused: true).render(in: noteField(inner), buffer: &buffer)
        } else if state.filter.isShown {
            filterLine.render(in: footer(inner), buffer: &buffer)
        } else {
            buffer.put(claimWords.footerPatients, x: inner.x, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width)
        }
    }

    private var filterLine: ListFilterLine {
        ListFilterLine(filter: state.filter, count: strings.filterCount(state.rows.count, state.loaded.count))
    }

    private func footer(_ inner: Rect) -> Rect { Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1) }

    private func noteField(_ inner: Rect) -> Rect {
        let prompt = DisplayWidth.of(claimWords.notePrompt)
        return Rect(x: inner.x + prompt, y: inner.maxY - 1, width: max(0, inner.width - prompt), height: 1)
    }

    /// "Tagen av Karin Berg 2026-12-05 09:12", or who handled it, when and how.
    private func claimText(_ claim: WorkListClaim) -> String {
        if let at = claim.handledAt {
            return claimWords.handledBy(claim.handledByName ?? claim.handledBy?.rawValue ?? "", at, claim.note ?? "")
        }
        return claimWords.takenBy(claim.claimedByName, claim.claimedAt)
    }

    /// The cursor is in the note or filter line while it is typed into.
    func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        guard state.open != nil else { return nil }
        let inner = Frame(title: "", glyphs: glyphs).inner(area).inset(left: 1, right: 1)
        if let note = state.note { return TextField(state: note, focused: true).cursorPosition(in: noteField(inner)) }
        guard state.filter.isEditing else { return nil }
        return filterLine.cursorPosition(in: footer(inner))
    }

    private func cells(_ row: WorkListRow) -> [TextLine] {
        let p = row.patient
        let name = strings.nameCell(p)
        let age = p.birthDate.map { String($0.age(on: today)) } ?? "–"
        // A handled row is done: dim, so the eye goes to what is left.
        let handled = row.claim?.isHandled == true
        let reason = handled ? Style(.muted) : reasonStyle(row.entry.reason)
        return [TextLine(p.identifier.display), name, TextLine(age), status(row.claim),
                TextLine(words.reason(row.entry.reason, strings), reason)]
    }

    /// "● K Berg" while someone has the row, "✓ K Berg" once handled.
    private func status(_ claim: WorkListClaim?) -> TextLine {
        guard let claim else { return TextLine("") }
        let name = claim.handledByName ?? claim.claimedByName
        let words = name.split(separator: " ")
        let short = words.count > 1 ? "\(words[0].prefix(1)) \(words.dropFirst().joined(separator: " "))" : name
        return claim.isHandled ? TextLine(glyphs.done + " " + short, Style(.success))
            : TextLine(glyphs.taken + " " + short, Style(.accent, .bold))
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
