import Foundation
import NaraDomain
import TerminalUI

/// Product, unit, the user and the time on one line; DEMO in its own colour on a demo
/// store, so synthetic data can never be mistaken for real patients.
struct TopBar: Widget {
    var state: AppState

    func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let s = state.strings
        buffer.fill(area, style: Style(.header))
        let staff = state.session.staff
        // Who is working comes before where: when the line is short, the unit is cut first.
        let left = " \(s.product) │ \(staff.name), \(s.profession(staff.profession)) │ \(state.session.unit.name)"
        let clock = " " + WallClock.time(state.now, in: state.timeZone) + " "
        let demo = state.session.isDemoStore ? s.demoBanner : ""
        let rightWidth = DisplayWidth.of(clock) + DisplayWidth.of(demo) + (demo.isEmpty ? 0 : 1)
        buffer.put(left, x: area.x, y: area.y, style: Style(.header, .bold), maxWidth: max(0, area.width - rightWidth - 1))
        var x = area.maxX - rightWidth
        if !demo.isEmpty {
            x += buffer.put(demo, x: x, y: area.y, style: Style(.demoBanner, .bold), clip: area) + 1
        }
        buffer.put(clock, x: x, y: area.y, style: Style(.header), clip: area)
    }
}
