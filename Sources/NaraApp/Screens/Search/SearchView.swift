import NaraDomain
import TerminalUI

/// The search field on top, the results as a table below: identifier, name, age,
/// listing unit and named contact. Protected identities show masked.
struct SearchView: Widget {
    var state: SearchState
    var strings: Strings
    var today: LocalDate
    var glyphs: Glyphs

    private func fieldArea(_ area: Rect) -> Rect {
        let prompt = DisplayWidth.of(strings.searchPrompt) + 2
        return Rect(x: area.x + prompt, y: area.y + 1, width: max(0, min(44, area.width - prompt - 1)), height: 1)
    }

    /// Result rows visible in a body of this height: the field, a gap, the table header
    /// and the line for "more results" take five.
    static func visibleRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 5) }

    func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        TextField(state: state.field, focused: true).cursorPosition(in: fieldArea(area))
    }

    func render(in area: Rect, buffer: inout Buffer) {
        guard area.height >= 4 else { return }
        buffer.put(" " + strings.searchPrompt, x: area.x, y: area.y + 1, style: Style(.accent, .bold), clip: area)
        TextField(state: state.field, focused: true, placeholder: strings.searchPlaceholder)
            .render(in: fieldArea(area), buffer: &buffer)
        let status: String
        if state.field.isEmpty {
            status = ""
        } else if state.results.isEmpty {
            status = strings.searchNoResults
        } else {
            status = strings.resultsCount(state.results.count)
        }
        let statusX = fieldArea(area).maxX + 2
        buffer.put(status, x: statusX, y: area.y + 1, style: Style(.muted), maxWidth: max(0, area.maxX - statusX))
        let tableArea = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 4)
        if state.field.isEmpty {
            let lines = Paragraph.wrap(strings.searchHint, width: max(1, area.width - 2))
            for (i, line) in lines.enumerated() {
                buffer.put(line, x: area.x + 1, y: tableArea.y + i, style: Style(.muted), clip: tableArea)
            }
            return
        }
        let columns = [
            TableColumn(strings.columnIdentifier, width: .length(13), alignment: .left),
            TableColumn(strings.columnName, width: .fill(3), alignment: .left),
            TableColumn(strings.columnAge, width: .length(5), alignment: .right),
            // Identification only (DOMAIN.md): who the patient is and where they are listed.
            TableColumn(strings.columnListing, width: .fill(3), alignment: .left),
        ]
        let rows: [[TextLine]] = state.results.map { p in
            let name = strings.nameCell(p)
            let age = p.birthDate.map { String($0.age(on: today)) } ?? "–"
            return [TextLine(p.identifier.display), name, TextLine(age), TextLine(p.listingUnitName ?? "–")]
        }
        Table(columns: columns, rows: rows, state: state.list, glyphs: glyphs).render(in: tableArea, buffer: &buffer)
        if state.truncated {
            buffer.put(" " + strings.moreResults(state.results.count), x: area.x, y: area.maxY - 1,
                       style: Style(.muted), maxWidth: area.width)
        }
    }
}
