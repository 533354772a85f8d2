import TerminalUI

/// The work-list screen's keys. Digits and q stay global (screen keys and quit).
enum WorkListsKeymap {
    static func make(_ s: Strings) -> Keymap<WorkListsAction> {
        let w = WorkListsStrings.of(s.language), c = WorkListsClaimStrings.of(s.language)
        return Keymap(s.workListsTitle, ListMoves.bindings(s) { WorkListsAction.move($0) } + [
            Binding([.enter], .open, help: w.helpOpen),
            Binding([.char("t")], .take, help: c.helpTake),
            Binding([.char("h")], .beginHandled, help: c.helpHandled),
            Binding([.char("c")], .contacts, help: c.helpContacts),
            Binding([.char("T")], .newTask, help: c.helpTask),
            Binding([.char("N")], .newCareRequest, help: c.helpCareRequest),
            Binding([.escape], .back, help: w.helpBack),
            Binding([.char("u")], .refresh, help: w.helpRefresh),
            Binding([.char("/")], .beginFilter, help: s.helpFilter),
        ])
    }
}
