/// The keys of every yes/no question, in one place: ←/→ and Tab move between the
/// buttons, j/y answer yes (ja, yes), n and Esc answer no, Enter takes the button that
/// is selected. The question's state is just which button is selected.
public enum YesNo {
    public enum Outcome: Equatable, Sendable {
        case yes, no
        /// Move the selection to the other button.
        case toggle
        case ignored
    }

    public static func answer(_ key: Key, yesSelected: Bool) -> Outcome {
        switch key {
        case .left, .right, .tab, .backTab: return .toggle
        case .char("j"), .char("J"), .char("y"), .char("Y"): return .yes
        case .char("n"), .char("N"), .escape: return .no
        case .enter: return yesSelected ? .yes : .no
        default: return .ignored
        }
    }
}

/// One of the list moves every list has, whichever keys a screen binds to them.
public enum ListMove: Hashable, Sendable {
    case up, down, pageUp, pageDown, first, last
}

extension ListState {
    /// Moves the selection as `move` says, then scrolls it into the `page` rows shown.
    public mutating func apply(_ move: ListMove, count: Int, page: Int) {
        switch move {
        case .up: moveUp(count: count)
        case .down: moveDown(count: count)
        case .pageUp: pageUp(count: count, page: page)
        case .pageDown: pageDown(count: count, page: page)
        case .first: first(count: count)
        case .last: last(count: count)
        }
        scrollToSelection(visibleRows: page, count: count)
    }
}
