import NaraDomain
import TerminalUI

/// The start screen: a search field and the patients it finds, updated on every key.
public struct SearchState: Sendable {
    public var field = TextFieldState(maxLength: 100)
    public var results: [PatientSummary] = []
    public var list = ListState()
    /// The store returned as many rows as asked for: there may be more.
    public var truncated = false
    /// The text the results belong to; a new search runs when the field differs.
    public var searchedFor = ""

    public init() {}

    public var selected: PatientSummary? { list.selected.flatMap { results.indices.contains($0) ? results[$0] : nil } }

    /// How many rows a search asks the store for: enough to scroll, few enough to be instant.
    public static let limit = 100
}

public enum SearchAction: Sendable {
    case edit(Key)
    case paste(String)
    case moveUp, moveDown, pageUp, pageDown, first, last
    case open
    case results([PatientSummary], query: String)
}
