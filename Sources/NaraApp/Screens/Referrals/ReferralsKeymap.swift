import TerminalUI

/// What a key on the list asks for: a reducer action, or something that needs the
/// program around the screen (the open patient, the store).
enum ReferralsKey: Sendable {
    case act(ReferralsAction)
    case newReferral
    case reload
}

/// The list's keys. Digits and q stay global (screen switching, quit); Esc is only
/// taken while something is open over the list.
enum ReferralsKeymap {
    static func make(_ g: Strings, _ s: ReferralsStrings) -> Keymap<ReferralsKey> {
        Keymap(s.keymapTitle, [
        ] + ListMoves.bindings(g) { ReferralsKey.act(.move($0)) } + [
            Binding([.tab, .right], .act(.nextTab), help: s.helpTab),
            Binding([.backTab, .left], .act(.previousTab), help: s.helpTab),
            Binding([.enter, .char("x")], .act(.openMenu), help: s.helpMenu),
            Binding([.char("n")], .newReferral, help: s.helpNew),
            Binding([.char("f")], .act(.cycleStateFilter), help: s.helpFilterState),
            Binding([.char("p")], .act(.cyclePriorityFilter), help: s.helpFilterPriority),
            Binding([.char("o")], .act(.toggleOverdue), help: s.helpOverdue),
            Binding([.char("a")], .act(.toggleClosed), help: s.helpClosed),
            Binding([.char("s")], .act(.toggleSort), help: s.helpSort),
            Binding([.char("d")], .act(.toggleDetail), help: s.helpDetail),
            Binding([.char("/")], .act(.beginSearch), help: g.helpFilter),
            Binding([.char("u")], .reload, help: s.helpReload),
        ])
    }
}
