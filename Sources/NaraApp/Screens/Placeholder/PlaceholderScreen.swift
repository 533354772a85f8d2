import TerminalUI

/// A screen whose workflows are not built yet: it says what will be there.
public struct PlaceholderScreen: ScreenModel {
    public let id: ScreenID

    public init(_ id: ScreenID) { self.id = id }

    public func help(_ strings: Strings) -> HelpSection? { nil }

    public mutating func handle(_ event: Event, _ context: ScreenContext) -> (handled: Bool, commands: [ScreenCommand]) {
        (false, [])
    }

    public func render(in area: Rect, buffer: inout Buffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        PlaceholderView(screen: id, strings: context.strings, patient: context.patient, glyphs: context.glyphs)
            .render(in: area, buffer: &buffer)
        return nil
    }
}
