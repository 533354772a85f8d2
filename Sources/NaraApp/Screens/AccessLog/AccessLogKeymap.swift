import TerminalUI

/// The access-log screen's keys. Esc is not bound: with no form open it is the program's.
enum AccessLogKeymap {
    static func make(_ s: Strings) -> Keymap<AccessLogAction> {
        let w = AccessLogStrings.of(s.language)
        return Keymap(s.accessLogTitle, ListMoves.bindings(s) { AccessLogAction.move($0) } + [
            Binding([.tab], .nextTab, help: w.helpTab),
            Binding([.backTab], .previousTab, help: w.helpTab),
            Binding([.char("m")], .mark, help: w.helpMark),
            Binding([.char("u")], .reload, help: w.helpReload),
            Binding([.char("/")], .beginFilter, help: s.helpFilter),
        ])
    }
}
