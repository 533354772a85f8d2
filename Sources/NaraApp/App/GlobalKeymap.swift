import TerminalUI

/// Keys that work on every screen. Each F-key has a digit or letter twin because vt100
/// and some SSH clients send nothing usable for F5 and up (TERMINAL.md); the twins are
/// ignored while a text field has focus, the F-keys never are.
enum GlobalKeymap {
    static func make(_ s: Strings) -> Keymap<AppAction> {
        Keymap(s.product, [
            Binding([.function(1), .char("?")], .showHelp, help: s.helpHelp, bar: s.barHelp),
            Binding([.function(2), .char("2")], .go(.search), help: s.helpSearch, bar: s.barSearch),
            Binding([.function(3), .char("3")], .go(.overview), help: s.helpOverview, bar: s.barOverview),
            Binding([.function(4), .char("4")], .go(.continuity), help: s.helpContinuity, bar: s.barContinuity),
            Binding([.function(5), .char("5")], .go(.referrals), help: s.helpReferrals, bar: s.barReferrals),
            Binding([.function(6), .char("6")], .go(.workLists), help: s.helpWorkLists, bar: s.barWorkLists),
            Binding([.function(7), .char("7")], .go(.accessLog), help: s.helpAccessLog, bar: s.barAccessLog),
            // No bar label: the bar is full at 80 columns; help and the guide name the key.
            Binding([.function(8), .char("8")], .go(.myDay), help: s.helpMyDay),
            Binding([.function(10), .char("q")], .quit, help: s.helpQuit, bar: s.barQuit),
            Binding([.escape], .back, help: s.helpBack),
            Binding([.char("/")], .go(.search), help: s.helpFindAnywhere),
            Binding([.ctrl("l")], .redraw, help: s.helpRedraw),
            Binding([.ctrl("c")], .interrupt, help: s.helpQuit),
        ])
    }
}
