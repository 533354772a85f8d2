import Foundation
import NaraDomain
import TerminalUI

/// The one writer of the command line's tables, in its three forms:
/// - text: columns padded by terminal columns (`DisplayWidth`), so that names with å, ä
///   and ö or wide characters line up; numbers right-aligned where asked; no trailing
///   spaces. A row of a single cell is a heading, printed as it is.
/// - CSV (RFC 4180): quoted where a field holds a comma, a quote or a line break.
/// - JSON: an array of objects keyed by the header, keys sorted.
/// Every cell is cleaned of control characters first: data must not steer a terminal.
struct CommandTable {
    var header: [String]
    var rows: [[String]]
    var rightAligned: Set<Int> = []

    init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.header = header
        self.rows = rows.map { $0.map(CleanText.line) }
        self.rightAligned = rightAligned
    }

    func text() -> String {
        let cells = [header] + rows.filter { $0.count == header.count }
        let widths = header.indices.map { i in cells.map { DisplayWidth.of($0[i]) }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            guard row.count == widths.count else { return row.joined() }
            let padded = row.enumerated().map { i, value -> String in
                let pad = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(value)))
                return rightAligned.contains(i) ? pad + value : value + pad
            }
            var text = padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    func csv() -> String {
        ([header] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The rows as objects keyed by the header, each with `extra`'s values added (typed
    /// values: numbers and booleans stay what they are).
    func json(extra: (Int) -> [String: Any] = { _ in [:] }) -> String {
        Self.json(rows.enumerated().map { i, row in
            Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, $1 as Any) }).merging(extra(i)) { _, new in new }
        })
    }

    /// Any JSON value with sorted keys, one line, as every JSON output of the program.
    static func json(_ value: Any, pretty: Bool = false) -> String {
        let options: JSONSerialization.WritingOptions = pretty ? [.sortedKeys, .prettyPrinted] : [.sortedKeys]
        let data = (try? JSONSerialization.data(withJSONObject: value, options: options)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func csvField(_ s: String) -> String {
        let clean = CleanText.line(s)
        guard clean.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return clean }
        return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
