import Foundation
import NaraDomain
import TerminalUI

/// Draws the whole frame from the state: top bar, the screen, the message line and the
/// function-key bar, with any overlay on top. A pure function of the state, so tests
/// compare its buffers with snapshots.
public struct AppView {
    public var glyphs: Glyphs

    public init(glyphs: Glyphs = .unicode) { self.glyphs = glyphs }

    public func render(_ app: App) -> (buffer: Buffer, cursor: (x: Int, y: Int)?) {
        let state = app.state
        var buffer = Buffer(width: state.width, height: state.height)
        if state.isTooSmall {
            TooSmallView(text: state.strings.tooSmall(state.width, state.height)).render(in: buffer.area, buffer: &buffer)
            return (buffer, nil)
        }
        let rows = Layout.vertical([.length(1), .fill(1), .length(1), .length(1)]).split(buffer.area)
        TopBar(state: state).render(in: rows[0], buffer: &buffer)
        var context = app.context
        context = ScreenContext(store: context.store, session: context.session, strings: context.strings,
                                now: context.now, today: context.today, bodyWidth: rows[1].width,
                                bodyHeight: rows[1].height, patient: context.patient, glyphs: glyphs)
        let screenCursor = state.top.render(in: rows[1], buffer: &buffer, context)
        let cursor = state.overlay == nil ? screenCursor : nil
        MessageLine(message: state.message).render(in: rows[2], buffer: &buffer)
        FunctionBar(keymap: app.globalKeys).render(in: rows[3], buffer: &buffer)
        switch state.overlay {
        case .help(let scroll):
            let sections = [state.top.help(state.strings), HelpSection(app.globalKeys)].compactMap { $0 }
            HelpOverlay(sections: sections, strings: state.strings, scroll: scroll, glyphs: glyphs)
                .render(in: buffer.area, buffer: &buffer)
        case .confirmQuit(let text, let yes):
            Modal(title: state.strings.confirmQuitTitle, lines: [TextLine(text)],
                  buttons: [state.strings.yes, state.strings.no], selectedButton: yes ? 0 : 1, width: 50, glyphs: glyphs)
                .render(in: buffer.area, buffer: &buffer)
        case .restoreDraft(_, let text, let yes):
            Modal(title: state.strings.draftTitle, lines: [TextLine(text)],
                  buttons: [state.strings.yes, state.strings.no], selectedButton: yes ? 0 : 1, width: 60, glyphs: glyphs)
                .render(in: buffer.area, buffer: &buffer)
        case .leaveWithInput(let selected, let then):
            Modal(title: then == .quit || then == .interrupt ? state.strings.confirmQuitTitle : state.strings.leaveFormTitle, lines: [TextLine(state.strings.confirmQuitUnsaved)],
                  buttons: [state.strings.keepDraftAndQuit, state.strings.discardAndQuit, state.strings.stay],
                  selectedButton: selected, width: 66, glyphs: glyphs)
                .render(in: buffer.area, buffer: &buffer)
        case .confirmConsent(_, _, _, let text, let yes):
            Modal(title: state.strings.consentTitle, lines: [TextLine(text)],
                  buttons: [state.strings.yes, state.strings.no], selectedButton: yes ? 0 : 1, width: 64, glyphs: glyphs)
                .render(in: buffer.area, buffer: &buffer)
        case .emergency(let access):
            access.render(in: buffer.area, buffer: &buffer, strings: state.strings, glyphs: glyphs)
            return (buffer, access.cursor(in: buffer.area, strings: state.strings))
        case nil:
            break
        }
        return (buffer, cursor)
    }
}

/// Errors in the danger role, confirmations in the success role: one line, cut to fit.
struct MessageLine: Widget {
    var message: Message?

    func render(in area: Rect, buffer: inout Buffer) {
        guard let message, !area.isEmpty else { return }
        let style = Style(message.kind == .error ? .danger : .success)
        buffer.put(" " + message.text, x: area.x, y: area.y, style: style, maxWidth: area.width)
    }
}

struct TooSmallView: Widget {
    var text: String

    func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let lines = Paragraph.wrap(text, width: max(1, area.width))
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < area.maxY {
            let x = area.x + max(0, (area.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: Style(.warning, .bold), clip: area)
        }
    }
}
