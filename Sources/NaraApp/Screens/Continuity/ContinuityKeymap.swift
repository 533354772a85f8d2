import TerminalUI

/// The screen's keys while no form is open. Digits and q stay global (F-key twins);
/// `l` (läkare) assigns the named GP because `g` is "first row" as in less and vim.
enum ContinuityKeymap {
    static func make(_ s: Strings, _ c: ContinuityStrings) -> Keymap<ContinuityAction> {
        return Keymap(s.continuityTitle, ListMoves.bindings(s) { ContinuityAction.move($0) } + [
            Binding([.tab, .right], .nextTab, help: c.helpSection),
            Binding([.backTab, .left], .previousTab, help: c.helpSection),
            Binding([.char("a")], .assignContact, help: c.helpAssign),
            Binding([.char("l")], .assignPhysician, help: c.helpPhysician),
            Binding([.char("e")], .endContact, help: c.helpEnd),
            Binding([.char("n")], .newEncounter, help: c.helpEncounter),
            Binding([.char("p")], .editPlan, help: c.helpPlan),
            Binding([.char("x")], .annul, help: c.helpAnnul),
            Binding([.char("/")], .beginFilter, help: s.helpFilter),
            Binding([.char("u")], .reload, help: c.helpReload),
            Binding([.char("s")], .toggleScope, help: c.helpScope),
        ])
    }
}
