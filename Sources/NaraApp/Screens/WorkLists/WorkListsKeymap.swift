import TerminalUI

/// The work-list screen's keys. Digits and q stay global (screen keys and quit).
enum WorkListsKeymap {
    static func make(_ s: Strings) -> Keymap<WorkListsAction> {
        let w = WorkListsStrings.of(s.language)
        return Keymap(s.workListsTitle, [
            Binding([.up, .char("k")], .moveUp, help: s.helpMove),
            Binding([.down, .char("j")], .moveDown, help: s.helpMove),
            Binding([.char("g")], .first, help: s.helpFirstLast),
            Binding([.char("G")], .last, help: s.helpFirstLast),
            Binding([.home], .first, help: s.helpFirstLast),
            Binding([.end], .last, help: s.helpFirstLast),
            Binding([.pageUp], .pageUp, help: s.helpPage),
            Binding([.pageDown], .pageDown, help: s.helpPage),
            Binding([.enter], .open, help: w.helpOpen),
            Binding([.escape], .back, help: w.helpBack),
            Binding([.char("u")], .refresh, help: w.helpRefresh),
        ])
    }
}
