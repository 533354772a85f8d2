import TerminalUI

/// A buffer as reviewable text: a size line, every row between `│` marks so trailing
/// spaces and a field's fill are visible, then a blank line and the style runs of each
/// row (`row 0: 0-12 header+bold, 12-80 text`, columns half-open). Text and styles are
/// separate sections so that a colour change shows up as a one-line diff instead of
/// hiding inside the picture (ratatui's `Buffer::with_lines` plus styles).
public func snapshotText(_ buffer: Buffer) -> String {
    var out = "\(buffer.width)×\(buffer.height)\n"
    for line in buffer.lines { out += "│" + line + "│\n" }
    if buffer.height > 0 && buffer.width > 0 {
        out += "\n"
        for y in 0..<buffer.height { out += "row \(y): " + styleRuns(buffer, row: y) + "\n" }
    }
    return out
}

/// The styles of one row as runs of equal style, `0-5 text, 5-20 input_focused`: short
/// enough to assert inline, exact enough to catch a field that does not fill its row.
public func styleRuns(_ buffer: Buffer, row y: Int) -> String {
    guard y >= 0, y < buffer.height, buffer.width > 0 else { return "" }
    var runs: [String] = []
    var start = 0
    var current = buffer[0, y].style
    for x in 1...buffer.width {
        if x == buffer.width || buffer[x, y].style != current {
            runs.append("\(start)-\(x) \(current)")
            if x < buffer.width {
                start = x
                current = buffer[x, y].style
            }
        }
    }
    return runs.joined(separator: ", ")
}
