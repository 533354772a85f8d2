/// A scrolling list with one selected row: search results, work lists, menus.
///
/// The widget scrolls a copy of the state to keep the selection visible, but cannot
/// write it back: reducers call `ListState.scrollToSelection(visibleRows:count:)` after
/// each move so the view does not jump back when the selection moves up again.
public struct ListView: Widget, Hashable, Sendable {
    public var items: [TextLine]
    public var state: ListState
    public var highlight: Style
    /// A scroll bar in the rightmost column when there are more items than rows.
    public var showsScrollIndicator: Bool
    public var glyphs: Glyphs

    public init(_ items: [TextLine], state: ListState, highlight: Style = .role(.selection),
                showsScrollIndicator: Bool = true, glyphs: Glyphs = .unicode) {
        self.items = items
        self.state = state
        self.highlight = highlight
        self.showsScrollIndicator = showsScrollIndicator
        self.glyphs = glyphs
    }

    public init(_ items: [String], state: ListState, highlight: Style = .role(.selection),
                showsScrollIndicator: Bool = true, glyphs: Glyphs = .unicode) {
        self.init(items.map { TextLine($0) }, state: state, highlight: highlight,
                  showsScrollIndicator: showsScrollIndicator, glyphs: glyphs)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        var state = self.state
        state.clamp(count: items.count)
        state.scrollToSelection(visibleRows: area.height, count: items.count)
        let overflow = showsScrollIndicator && items.count > area.height && area.width >= 2
        let textWidth = overflow ? area.width - 1 : area.width

        for row in 0..<area.height {
            let index = state.offset + row
            guard index < items.count else { break }
            let rowRect = Rect(x: area.x, y: area.y + row, width: textWidth, height: 1)
            buffer.put(items[index], in: rowRect)
            if index == state.selected { buffer.setStyle(rowRect, highlight) }
        }
        if overflow {
            ScrollIndicator(total: items.count, offset: state.offset, glyphs: glyphs)
                .render(in: Rect(x: area.maxX - 1, y: area.y, width: 1, height: area.height), buffer: &buffer)
        }
    }
}

/// A one-column scroll bar: the thumb's size and place show which part of the whole
/// is on screen, which matters when a work list has 400 rows and shows 20.
public struct ScrollIndicator: Widget, Hashable, Sendable {
    public var total: Int
    public var offset: Int
    public var style: Style
    public var glyphs: Glyphs

    public init(total: Int, offset: Int, style: Style = .role(.border), glyphs: Glyphs = .unicode) {
        self.total = total
        self.offset = offset
        self.style = style
        self.glyphs = glyphs
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let rows = area.height
        let x = area.x
        guard total > rows else { return }
        let thumb = max(1, rows * rows / total)
        let maxOffset = total - rows
        let start = (rows - thumb) * min(max(0, offset), maxOffset) / maxOffset
        for row in 0..<rows {
            let symbol = row >= start && row < start + thumb ? glyphs.scrollThumb : glyphs.scrollTrack
            buffer.put(symbol, x: x, y: area.y + row, style: style, maxWidth: 1, clip: area)
        }
    }
}
