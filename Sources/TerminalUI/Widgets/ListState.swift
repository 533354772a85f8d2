/// Which row of a list or table is selected and which row is at the top. It lives in
/// the screen's state, not in the widget, so it survives frames and reducers can test
/// it; every movement takes the item count because the list may have changed since.
public struct ListState: Hashable, Sendable {
    /// Nil only when nothing is selected, which movements turn into a selection and
    /// empty lists force.
    public var selected: Int?
    /// The first visible row.
    public var offset: Int

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = max(0, offset)
    }

    /// Selects `index`, clamped to the list; nil for an empty list.
    public mutating func select(_ index: Int?, count: Int) {
        guard count > 0, let index else {
            selected = nil
            if count <= 0 { offset = 0 }
            return
        }
        selected = min(max(0, index), count - 1)
    }

    /// Keeps the selection inside a list that may have shrunk since it was made.
    public mutating func clamp(count: Int) {
        select(selected, count: count)
        offset = min(offset, max(0, count - 1))
    }

    /// One row down, stopping at the last (no wrap-around: a nurse holding ↓ must not
    /// land back at the top without noticing). From no selection: the first row.
    public mutating func moveDown(count: Int) {
        select(selected.map { $0 + 1 } ?? 0, count: count)
    }

    /// One row up, stopping at the first. From no selection: the last row, as in
    /// ratatui, so ↑ on a fresh list reaches the end in one press.
    public mutating func moveUp(count: Int) {
        select(selected.map { $0 - 1 } ?? count - 1, count: count)
    }

    /// A page down moves the view with the selection, so the selected row stays at the
    /// same place on screen (htop's paging).
    public mutating func pageDown(count: Int, page: Int) {
        let step = max(1, page)
        guard let current = selected else { return first(count: count) }
        select(current + step, count: count)
        offset = min(offset + step, max(0, count - step))
    }

    public mutating func pageUp(count: Int, page: Int) {
        let step = max(1, page)
        guard let current = selected else { return last(count: count) }
        select(current - step, count: count)
        offset = max(0, offset - step)
    }

    public mutating func first(count: Int) {
        select(0, count: count)
        offset = 0
    }

    public mutating func last(count: Int) {
        select(count - 1, count: count)
    }

    /// Moves the offset as little as possible so the selection is among the
    /// `visibleRows` shown. With `count`, also pulls the view up when the list ended
    /// above the bottom of the window (after deletions), so no rows are wasted.
    public mutating func scrollToSelection(visibleRows: Int, count: Int? = nil) {
        guard visibleRows > 0 else { return }
        if let selected {
            if selected < offset { offset = selected }
            if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        }
        if let count { offset = min(offset, max(0, count - visibleRows)) }
        offset = max(0, offset)
    }
}
