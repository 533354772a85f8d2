import NaraDomain
import TerminalUI

/// Patientöversikt: the open record on one screen, alerts first. It reads nothing
/// itself; the record comes from the program (opened through the store's door) and `u`
/// asks the program to read it again.
public struct OverviewScreen: ScreenModel {
    public var state = OverviewState()
    public let id = ScreenID.overview

    public init() {}

    public func help(_ strings: Strings) -> HelpSection? { HelpSection(OverviewKeymap.make(strings)) }

    public mutating func handle(_ event: Event, _ context: ScreenContext) -> (handled: Bool, commands: [ScreenCommand]) {
        guard case .key(let key) = event, let action = OverviewKeymap.make(context.strings).action(for: key) else {
            return (false, [])
        }
        let area = Rect(width: context.bodyWidth, height: context.bodyHeight)
        let contentRows = context.patient.map {
            OverviewView.document(record: $0, strings: context.strings, today: context.today, area: area).rows.count
        } ?? 0
        let effects = OverviewReducer.reduce(&state, action, contentRows: contentRows,
                                             visibleRows: OverviewView.contentArea(area).height)
        var commands: [ScreenCommand] = []
        for effect in effects {
            switch effect {
            case .go(let screen): commands.append(.go(screen))
            case .askConsent: commands.append(.askConsent)
            case .reload:
                guard context.patient != nil else { break }
                commands.append(.reloadPatient)
                commands.append(.message(OverviewStrings.of(context.language).reloaded, isError: false))
            }
        }
        return (true, commands)
    }

    public func render(in area: Rect, buffer: inout Buffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        OverviewView(state: state, strings: context.strings, record: context.patient, today: context.today,
                     glyphs: context.glyphs).render(in: area, buffer: &buffer)
        return nil
    }
}
