import TerminalUI

/// The access-log screen's keys. Esc is not bound: with no form open it is the program's.
enum AccessLogKeymap {
    static func make(_ s: Strings) -> Keymap<AccessLogAction> {
        let w = AccessLogStrings.of(s.language)
        return Keymap(s.accessLogTitle, [
            Binding([.up, .char("k")], .moveUp, help: s.helpMove),
            Binding([.down, .char("j")], .moveDown, help: s.helpMove),
            Binding([.char("g")], .first, help: s.helpFirstLast),
            Binding([.char("G")], .last, help: s.helpFirstLast),
            Binding([.home], .first, help: s.helpFirstLast),
            Binding([.end], .last, help: s.helpFirstLast),
            Binding([.pageUp], .pageUp, help: s.helpPage),
            Binding([.pageDown], .pageDown, help: s.helpPage),
            Binding([.tab], .nextTab, help: w.helpTab),
            Binding([.backTab], .previousTab, help: w.helpTab),
            Binding([.char("m")], .mark, help: w.helpMark),
            Binding([.char("u")], .reload, help: w.helpReload),
        ])
    }
}
