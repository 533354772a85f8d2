import TerminalUI

/// The keys every list moves with (ARCHITECTURE.md: arrows and j/k, g/G, Home/End,
/// PgUp/PgDn), in one place so each list screen offers them alike and help words them
/// alike. Each screen passes the actions its reducer knows.
struct ListMoves<Action: Sendable> {
    var up, down, first, last, pageUp, pageDown: Action

    func bindings(_ s: Strings) -> [Binding<Action>] {
        [
            Binding([.up, .char("k")], up, help: s.helpMove),
            Binding([.down, .char("j")], down, help: s.helpMove),
            // Four bindings, so help reads "g/G/Home/End" as one row.
            Binding([.char("g")], first, help: s.helpFirstLast),
            Binding([.char("G")], last, help: s.helpFirstLast),
            Binding([.home], first, help: s.helpFirstLast),
            Binding([.end], last, help: s.helpFirstLast),
            Binding([.pageUp], pageUp, help: s.helpPage),
            Binding([.pageDown], pageDown, help: s.helpPage),
        ]
    }
}
