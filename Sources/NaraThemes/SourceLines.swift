/// Finds the line a dotted key was written on.
///
/// TOMLKit reports positions only for syntax errors; a parsed table has lost them. A
/// theme file is small and written in a handful of shapes (`[roles.text]` headers, the
/// odd dotted key or inline table), so a line scan is enough to point at the mistake.
struct SourceLines {
    private enum Line {
        case header([String])
        case key([String])
        case other
    }

    private let lines: [Line]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            let line = raw.trimmingWhitespace()
            if line.hasPrefix("[") {
                let name = line.drop { $0 == "[" }.prefix { $0 != "]" }
                return .header(Self.segments(name))
            }
            if !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") {
                return .key(Self.segments(line[..<equals]))
            }
            return .other
        }
    }

    /// 1-based line of `path` (e.g. `["roles", "text", "fg"]`), or of the closest
    /// enclosing table that can be found, or nil.
    func line(of path: [String]) -> Int? {
        // Try the deepest table header first: `[roles.text]` + `fg = …`, then
        // `[roles]` + `text.fg = …`, then top-level `roles.text.fg = …`.
        for split in stride(from: path.count, through: 0, by: -1) {
            let table = Array(path[..<split])
            guard let region = region(of: table) else { continue }
            let rest = Array(path[split...])
            if rest.isEmpty { return region.lowerBound }
            for length in stride(from: rest.count, through: 1, by: -1) {
                let key = Array(rest[..<length])
                if let found = region.first(where: { if case .key(key) = lines[$0] { true } else { false } }) {
                    return found + 1
                }
            }
        }
        return nil
    }

    /// The lines belonging to `table`: after its header up to the next header, or from
    /// the top for the root table. `lowerBound` is the header's 1-based line number.
    private func region(of table: [String]) -> Range<Int>? {
        let start: Int
        if table.isEmpty {
            start = 0
        } else {
            guard let header = lines.firstIndex(where: { if case .header(table) = $0 { true } else { false } }) else {
                return nil
            }
            start = header + 1
        }
        let end = lines[start...].firstIndex { if case .header = $0 { true } else { false } } ?? lines.count
        return start..<end
    }

    private static func segments(_ key: Substring) -> [String] {
        key.split(separator: ".").map { segment in
            String(segment.trimmingWhitespace().filter { $0 != "\"" && $0 != "'" })
        }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var trimmed = self
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        return trimmed
    }
}
