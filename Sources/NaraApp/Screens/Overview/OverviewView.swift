import NaraDomain
import TerminalUI

/// The frame, the record's rows from the scroll position, and a marker on the bottom
/// border when more is below. Without an open record it says how to open one.
struct OverviewView: Widget {
    var state: OverviewState
    var strings: Strings
    var record: PatientRecord?
    var today: LocalDate
    var glyphs: Glyphs

    /// The rows inside the frame, less one column of margin on each side.
    static func contentArea(_ area: Rect) -> Rect { Frame().inner(area).inset(left: 1, right: 1) }

    static func document(record: PatientRecord, strings: Strings, today: LocalDate, area: Rect) -> OverviewDocument {
        let inner = contentArea(area)
        return OverviewDocument(model: OverviewModel(record: record, today: today), strings: strings,
                                width: inner.width, height: inner.height)
    }

    func render(in area: Rect, buffer: inout Buffer) {
        let frame = Frame(title: strings.overviewTitle, glyphs: glyphs)
        frame.render(in: area, buffer: &buffer)
        let inner = Self.contentArea(area)
        guard !inner.isEmpty else { return }
        let s = OverviewStrings.of(strings.language)
        guard let record else {
            buffer.put(s.noPatient, x: inner.x, y: inner.y, style: Style(.text, .bold), clip: inner)
            for (i, line) in Paragraph.wrap(s.noPatientHint, width: inner.width).enumerated() {
                buffer.put(line, x: inner.x, y: inner.y + 2 + i, style: Style(.muted), clip: inner)
            }
            return
        }
        let rows = Self.document(record: record, strings: strings, today: today, area: area).rows
        let scroll = min(state.scroll, max(0, rows.count - inner.height))
        for (i, row) in rows.dropFirst(scroll).prefix(inner.height).enumerated() {
            buffer.put(row, in: inner.row(i))
        }
        let hiddenBelow = rows.count - scroll - inner.height
        if hiddenBelow > 0 {
            let marker = " \(glyphs.sortDescending) \(s.moreBelow) (\(hiddenBelow)) "
            let x = area.maxX - 2 - DisplayWidth.of(marker)
            buffer.put(marker, x: x, y: area.maxY - 1, style: Style(.accent), clip: area)
        }
        if scroll > 0 {
            let marker = " \(glyphs.sortAscending) "
            buffer.put(marker, x: area.maxX - 2 - DisplayWidth.of(marker), y: area.y, style: Style(.accent), clip: area)
        }
    }
}
