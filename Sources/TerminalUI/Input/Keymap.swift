/// A key binding as data: the keys, what they do, and the words help shows. Help and
/// the function-key bar are generated from these, so they cannot drift from what the
/// keys really do (bubbletea's `key.Binding`, Textual's `BINDINGS`).
public struct Binding<Action: Sendable>: Sendable {
    public var keys: [Key]
    public var action: Action
    /// The help text: what the binding does, in the user's language.
    public var help: String
    /// The short label on the function-key bar; nil keeps it out of the bar.
    public var barLabel: String?

    public init(_ keys: [Key], _ action: Action, help: String, bar barLabel: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.barLabel = barLabel
    }

    /// `F5/5` as help shows the keys.
    public var keyNames: String { keys.map(\.description).joined(separator: "/") }
}

public struct Keymap<Action: Sendable>: Sendable {
    public var title: String
    public var bindings: [Binding<Action>]

    public init(_ title: String, _ bindings: [Binding<Action>]) {
        self.title = title
        self.bindings = bindings
    }

    /// The first binding for the key, in order: earlier bindings win.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    public func merged(with other: Keymap<Action>) -> Keymap<Action> {
        Keymap(title, bindings + other.bindings)
    }
}
