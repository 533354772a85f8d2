/// `/` on a list, as in less, htop and k9s: a query line under the list that narrows its
/// rows while one types. Enter keeps the filter and gives the keys back to the list; Esc
/// while typing, or Esc on a filtered list, clears it. Every word of the query must be
/// found in the row's text, case ignored (å, ä and ö stay letters of their own).
///
/// The filter only answers which rows match; the screen keeps its rows and selection
/// and draws the line with `ListFilterLine`.
public struct ListFilter: Hashable, Sendable {
    public private(set) var field = TextFieldState(maxLength: 64)
    /// Keys go to the query line.
    public private(set) var isEditing = false

    public init() {}

    public var query: String { field.text }
    /// The line is shown: while typing, or while a kept query narrows the list.
    public var isShown: Bool { isEditing || !words.isEmpty }
    public var isFiltering: Bool { !words.isEmpty }

    private var words: [Substring] { field.text.lowercased().split(separator: " ") }

    public enum Outcome: Equatable, Sendable {
        /// The query changed: the screen filters its rows again.
        case changed
        /// Enter: the query stays, keys go back to the list.
        case kept
        /// Esc: the query is gone.
        case cleared
        case ignored
    }

    /// `/`: start typing, from the query already kept.
    public mutating func begin() {
        isEditing = true
    }

    /// Esc on a filtered list that is not being typed into: back to every row.
    public mutating func clear() {
        field.clear()
        isEditing = false
    }

    public mutating func handle(_ event: Event) -> Outcome {
        guard isEditing else { return .ignored }
        switch event {
        case .paste(let text):
            field.insert(TextFieldState.singleLine(text))
            return .changed
        case .key(.enter):
            isEditing = false
            return .kept
        case .key(.escape):
            clear()
            return .cleared
        case .key(let key):
            let before = field.text
            _ = field.handle(key)
            return field.text == before ? .ignored : .changed
        case .resize, .tick:
            return .ignored
        }
    }

    /// Whether a row whose text is `text` is kept.
    public func matches(_ text: String) -> Bool {
        let words = self.words
        guard !words.isEmpty else { return true }
        let haystack = text.lowercased()
        return words.allSatisfy { haystack.contains($0) }
    }

    /// The rows kept, in their order.
    public func filter<T>(_ rows: [T], text: (T) -> String) -> [T] {
        isFiltering ? rows.filter { matches(text($0)) } : rows
    }
}

/// The filter's line: "/query" while typing, with the cursor; the kept query and how
/// many rows match afterwards, so a narrowed list never passes for the whole one.
public struct ListFilterLine: Widget {
    public var filter: ListFilter
    /// "3 av 40", in the screen's language.
    public var count: String

    public init(filter: ListFilter, count: String) {
        self.filter = filter
        self.count = count
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let row = area.row(0)
        guard !row.isEmpty, filter.isShown else { return }
        buffer.fill(row, style: .role(.text))
        buffer.put("/", x: row.x, y: row.y, style: Style(.accent, .bold), clip: row)
        let countWidth = DisplayWidth.of(count) + 2
        let fieldArea = Rect(x: row.x + 1, y: row.y, width: max(0, row.width - 1 - countWidth), height: 1)
        TextField(state: filter.field, focused: filter.isEditing).render(in: fieldArea, buffer: &buffer)
        buffer.put(count, x: row.maxX - countWidth + 2, y: row.y, style: .role(.muted), clip: row)
    }

    public func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        let row = area.row(0)
        guard filter.isEditing, !row.isEmpty else { return nil }
        let countWidth = DisplayWidth.of(count) + 2
        let fieldArea = Rect(x: row.x + 1, y: row.y, width: max(0, row.width - 1 - countWidth), height: 1)
        return TextField(state: filter.field, focused: true).cursorPosition(in: fieldArea)
    }
}
