/// One column of a table: its header, how much room it asks for, and which side its
/// cells lean to (numbers and dates right, names left).
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Constraint = .fill(1), alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// Rows and columns with a header, a selected row and a sort marker: referral inboxes,
/// work lists, the access log. Sorting itself belongs to the screen; the table only
/// shows which column the rows are sorted by, so the nurse knows what order she sees.
///
/// Like `ListView`, it scrolls a copy of the state; reducers keep the real offset with
/// `ListState.scrollToSelection(visibleRows:count:)` (visible rows = height − 1).
public struct Table: Widget, Hashable, Sendable {
    public var columns: [TableColumn]
    public var rows: [[TextLine]]
    public var state: ListState
    public var sortColumn: Int?
    public var sortAscending: Bool
    /// A tint per row (`.danger` for an overdue referral); nil or missing leaves the
    /// row as its cells say.
    public var rowStyles: [Style?]
    public var headerStyle: Style
    public var highlight: Style
    public var glyphs: Glyphs

    public init(columns: [TableColumn], rows: [[TextLine]], state: ListState = ListState(), sortColumn: Int? = nil,
                sortAscending: Bool = true, rowStyles: [Style?] = [], headerStyle: Style = .role(.header),
                highlight: Style = .role(.selection), glyphs: Glyphs = .unicode) {
        self.columns = columns
        self.rows = rows
        self.state = state
        self.sortColumn = sortColumn
        self.sortAscending = sortAscending
        self.rowStyles = rowStyles
        self.headerStyle = headerStyle
        self.highlight = highlight
        self.glyphs = glyphs
    }

    public init(columns: [TableColumn], rows: [[String]], state: ListState = ListState(), sortColumn: Int? = nil,
                sortAscending: Bool = true, rowStyles: [Style?] = [], headerStyle: Style = .role(.header),
                highlight: Style = .role(.selection), glyphs: Glyphs = .unicode) {
        self.init(columns: columns, rows: rows.map { $0.map { TextLine($0) } }, state: state, sortColumn: sortColumn,
                  sortAscending: sortAscending, rowStyles: rowStyles, headerStyle: headerStyle,
                  highlight: highlight, glyphs: glyphs)
    }

    /// Rows of data that fit under the header in `area`.
    public static func visibleRows(in area: Rect) -> Int { max(0, area.height - 1) }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty, !columns.isEmpty else { return }
        let cells = Layout.horizontal(columns.map(\.width), spacing: 1).split(area)

        let header = area.row(0)
        buffer.fill(header, style: headerStyle)
        for (i, column) in columns.enumerated() {
            buffer.put(headerLine(column, index: i, width: cells[i].width), in: cell(cells[i], header),
                       alignment: column.alignment)
        }

        let body = area.inset(top: 1)
        guard !body.isEmpty else { return }
        var state = self.state
        state.clamp(count: rows.count)
        state.scrollToSelection(visibleRows: body.height, count: rows.count)
        for r in 0..<body.height {
            let index = state.offset + r
            guard index < rows.count else { break }
            let rowRect = body.row(r)
            let tint = index < rowStyles.count ? rowStyles[index] : nil
            if let tint { buffer.fill(rowRect, style: tint) }
            for (i, column) in columns.enumerated() where i < rows[index].count {
                let line = tint.map { rows[index][i].tinted($0) } ?? rows[index][i]
                buffer.put(line, in: cell(cells[i], rowRect), alignment: column.alignment)
            }
            if index == state.selected { buffer.setStyle(rowRect, highlight) }
        }
    }

    private func cell(_ column: Rect, _ row: Rect) -> Rect {
        Rect(x: column.x, y: row.y, width: column.width, height: 1).intersection(row)
    }

    /// The title with the sort marker kept visible: the title is cut, never the marker.
    private func headerLine(_ column: TableColumn, index: Int, width: Int) -> TextLine {
        guard index == sortColumn else { return TextLine(column.title, headerStyle) }
        let marker = sortAscending ? glyphs.sortAscending : glyphs.sortDescending
        let room = width - 1 - DisplayWidth.of(marker)
        guard room > 0 else { return TextLine(marker, headerStyle) }
        return TextLine(DisplayWidth.truncate(column.title, to: room) + " " + marker, headerStyle)
    }
}
