import TerminalUI

/// The access-log screen's keys. Esc is not bound: with no form open it is the program's.
enum AccessLogKeymap {
    static func make(_ s: Strings) -> Keymap<AccessLogAction> {
        let w = AccessLogStrings.of(s.language)
        let moves = ListMoves<AccessLogAction>(up: .moveUp, down: .moveDown, first: .first, last: .last, pageUp: .pageUp, pageDown: .pageDown)
        return Keymap(s.accessLogTitle, moves.bindings(s) + [
            Binding([.tab], .nextTab, help: w.helpTab),
            Binding([.backTab], .previousTab, help: w.helpTab),
            Binding([.char("m")], .mark, help: w.helpMark),
            Binding([.char("u")], .reload, help: w.helpReload),
            Binding([.char("/")], .beginFilter, help: s.helpFilter),
        ])
    }
}
