import TerminalUI

/// The overview's keys. No digits and no `q`: those are global. `k` scrolls, so the
/// screen's commands use other letters.
enum OverviewKeymap {
    static func make(_ strings: Strings) -> Keymap<OverviewAction> {
        let s = OverviewStrings.of(strings.language)
        return Keymap(strings.overviewTitle, [
            Binding([.up, .char("k")], .scrollUp, help: s.helpScroll),
            Binding([.down, .char("j")], .scrollDown, help: s.helpScroll),
            Binding([.pageUp], .pageUp, help: strings.helpPage),
            Binding([.pageDown], .pageDown, help: strings.helpPage),
            Binding([.home], .top, help: strings.helpFirstLast),
            Binding([.end], .bottom, help: strings.helpFirstLast),
            Binding([.char("c")], .openContinuity, help: s.helpContinuity),
            Binding([.char("r")], .openReferrals, help: s.helpReferrals),
            Binding([.char("u")], .reload, help: s.helpReload),
            Binding([.char("s")], .recordConsent, help: s.helpConsent),
            Binding([.char("n")], .editDetails, help: s.helpDetails),
        ])
    }
}
