import TerminalUI

/// The search screen's own keys. Letters, digits, Home/End and the Ctrl editing keys
/// belong to the search field, so the list moves with arrows and PgUp/PgDn only.
enum SearchKeymap {
    static func make(_ s: Strings) -> Keymap<SearchAction> {
        Keymap(s.searchTitle, [
            Binding([.up], .moveUp, help: s.helpMove),
            Binding([.down], .moveDown, help: s.helpMove),
            Binding([.pageUp], .pageUp, help: s.helpPage),
            Binding([.pageDown], .pageDown, help: s.helpPage),
            Binding([.enter], .open, help: s.helpOpen),
        ])
    }
}
