import TerminalUI

enum SearchKeymap {
    static func make(_ s: Strings) -> Keymap<AppAction> {
        Keymap(s.searchTitle, [
            Binding([.up, .down], .search(.moveDown), help: s.helpMove),
            Binding([.pageUp, .pageDown], .search(.pageDown), help: s.helpPage),
            Binding([.enter], .search(.open), help: s.helpOpen),
        ])
    }

    /// The real mapping: the bindings above name keys in pairs for help.
    static func action(for key: Key) -> SearchAction? {
        switch key {
        case .up: return .moveUp
        case .down: return .moveDown
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .enter: return .open
        default: return nil
        }
    }
}
