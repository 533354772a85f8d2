import TerminalUI

/// The work-list screen's keys. Digits and q stay global (screen keys and quit).
enum WorkListsKeymap {
    static func make(_ s: Strings) -> Keymap<WorkListsAction> {
        let w = WorkListsStrings.of(s.language)
        let moves = ListMoves<WorkListsAction>(up: .moveUp, down: .moveDown, first: .first, last: .last, pageUp: .pageUp, pageDown: .pageDown)
        return Keymap(s.workListsTitle, moves.bindings(s) + [
            Binding([.enter], .open, help: w.helpOpen),
            Binding([.escape], .back, help: w.helpBack),
            Binding([.char("u")], .refresh, help: w.helpRefresh),
            Binding([.char("/")], .beginFilter, help: s.helpFilter),
        ])
    }
}
