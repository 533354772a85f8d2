import NaraDomain
import TerminalUI

/// A screen whose workflows come next: its title, the open patient if any, and what
/// the screen will hold, so the keys and the layout can be tried today.
struct PlaceholderView: Widget {
    var screen: ScreenID
    var strings: Strings
    var patient: PatientRecord?
    var glyphs: Glyphs

    func render(in area: Rect, buffer: inout Buffer) {
        let s = strings
        let frame = Frame(title: s.screenTitle(screen), glyphs: glyphs)
        frame.render(in: area, buffer: &buffer)
        let inner = frame.inner(area).inset(left: 1, right: 1)
        var y = inner.y
        if screen == .overview || screen == .continuity {
            if let record = patient {
                let p = record.patient
                let name = p.fullName
                let line = TextLine([Span(name, Style(.text, .bold)), Span("  " + p.identifier.display, Style(.accent))]
                    + (p.protectedIdentity ? [Span("  " + s.protectedIdentity, Style(.protectedIdentity, .bold))] : [])
                    + [s.deceasedMark(p.deceased, on: p.deceasedOn)].compactMap { $0 })
                buffer.put(line, x: inner.x, y: y, maxWidth: inner.width, clip: inner)
            } else {
                buffer.put(s.noPatientChosen, x: inner.x, y: y, style: Style(.muted), clip: inner)
            }
            y += 2
        }
        buffer.put(s.comingSoon, x: inner.x, y: y, style: Style(.warning), clip: inner)
        y += 2
        let key = screen == .workLists ? "worklists" : screen.rawValue
        for item in s.placeholderBody[key] ?? [] {
            buffer.put("• " + item, x: inner.x, y: y, style: Style(.muted), clip: inner)
            y += 1
        }
    }
}
