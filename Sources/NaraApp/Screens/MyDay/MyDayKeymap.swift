import TerminalUI

/// Min dag's keys. `k` moves the list up (as on every list), so contact made is `r`
/// (ringt, reached); digits, q and the F-keys stay the program's.
enum MyDayKeymap {
    static func make(_ s: Strings) -> Keymap<MyDayAction> {
        let w = MyDayStrings.of(s.language)
        return Keymap(s.myDayTitle, ListMoves.bindings(s) { MyDayAction.move($0) } + [
            Binding([.enter], .open, help: w.helpOpen),
            Binding([.tab], .switchTab, help: w.helpTab),
            Binding([.char("r")], .contactMade, help: w.helpContact),
            Binding([.char("b")], .assessed, help: w.helpAssess),
            Binding([.char("i")], .noAnswer, help: w.helpNoAnswer),
            Binding([.char("d")], .done, help: w.helpDone),
            Binding([.char("t")], .newTask(openRecord: false), help: w.helpTask),
            Binding([.char("n")], .newCareRequest(openRecord: false), help: w.helpCareRequest),
            Binding([.char("p")], .plan(openRecord: false), help: w.helpPlan),
            Binding([.char("T")], .newTask(openRecord: true), help: w.helpTaskOpen),
            Binding([.char("N")], .newCareRequest(openRecord: true), help: w.helpCareRequestOpen),
            Binding([.char("P")], .plan(openRecord: true), help: w.helpPlanOpen),
            Binding([.char("u")], .refresh, help: w.helpRefresh),
            Binding([.char("/")], .beginFilter, help: s.helpFilter),
            Binding([.escape], .back, help: s.helpBack),
        ])
    }
}
