/// The bottom row naming the keys that matter now, as htop draws it: `F1Hjälp F3Sök`.
/// Key and label touch, told apart by their styles, so that all of a screen's keys fit
/// in 80 columns in Swedish too.
/// Built from the screen's keymap, so it shows exactly what the keys do.
public struct FunctionBar: Widget, Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var key: String
        public var label: String

        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }
    }

    public var items: [Item]
    public var keyStyle: Style
    public var labelStyle: Style

    public init(items: [(key: String, label: String)], keyStyle: Style = .role(.functionKey),
                labelStyle: Style = .role(.functionBar)) {
        self.items = items.map { Item(key: $0.key, label: $0.label) }
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
    }

    /// The bindings that have a bar label, in keymap order, each named by its first
    /// key: F-keys come first in a binding, and their letter aliases are in help.
    public init<A>(keymap: Keymap<A>, keyStyle: Style = .role(.functionKey),
                   labelStyle: Style = .role(.functionBar)) {
        self.init(items: keymap.bindings.compactMap { binding in
            guard let label = binding.barLabel, let key = binding.keys.first else { return nil }
            return (key: key.description, label: label)
        }, keyStyle: keyStyle, labelStyle: labelStyle)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: labelStyle)
        var x = row.x
        for item in items {
            // Half a label misleads more than a missing one: an item fits whole (its
            // trailing space may fall off the edge) or the bar ends before it.
            let needed = DisplayWidth.of(item.key) + DisplayWidth.of(item.label)
            guard x + needed <= row.maxX else { break }
            x += buffer.put(item.key, x: x, y: row.y, style: keyStyle, clip: row)
            x += buffer.put(item.label + " ", x: x, y: row.y, style: labelStyle, clip: row)
        }
    }
}
