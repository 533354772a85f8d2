import TerminalUI

/// The keys every list moves with (ARCHITECTURE.md: arrows and j/k, g/G, Home/End,
/// PgUp/PgDn), in one place so each list screen offers them alike and help words them
/// alike. Each screen says how a `ListMove` becomes its action.
enum ListMoves {
    static func bindings<Action: Sendable>(_ s: Strings, _ action: (ListMove) -> Action) -> [Binding<Action>] {
        [
            Binding([.up, .char("k")], action(.up), help: s.helpMove),
            Binding([.down, .char("j")], action(.down), help: s.helpMove),
            // Four bindings, so help reads "g/G/Home/End" as one row.
            Binding([.char("g")], action(.first), help: s.helpFirstLast),
            Binding([.char("G")], action(.last), help: s.helpFirstLast),
            Binding([.home], action(.first), help: s.helpFirstLast),
            Binding([.end], action(.last), help: s.helpFirstLast),
            Binding([.pageUp], action(.pageUp), help: s.helpPage),
            Binding([.pageDown], action(.pageDown), help: s.helpPage),
        ]
    }
}
