import Foundation

/// The log's head written where the store's account cannot change it (syslog, a
/// root-owned file): the chain shows a changed or removed row, but only an anchor shows
/// rows cut off the end (security review: cutting the tail). One line:
///
///     nara-audit-anchor v1 2026-12-05T13:48:33Z rows=4711 head=<64 hex>
///
/// `rows` is the head row's id; ids start at 1 and have no gaps while the chain holds.
/// An empty log is anchored as `rows=0` with the chain's genesis hash.
public struct AccessLogAnchor: Equatable, Sendable {
    public static let marker = "nara-audit-anchor v1"
    /// The head of a log with no rows yet: the chain's genesis hash (a test holds them equal).
    public static let emptyLogHash = String(repeating: "0", count: 64)

    /// When the anchor was taken, ISO 8601 UTC as written.
    public var time: String
    public var rowId: Int64
    public var hash: String

    public init(time: Date, rowId: Int64, hash: String) {
        let format = ISO8601DateFormatter()
        format.timeZone = TimeZone(identifier: "UTC")
        self.init(time: format.string(from: time), rowId: rowId, hash: hash)
    }

    init(time: String, rowId: Int64, hash: String) {
        self.time = time
        self.rowId = rowId
        self.hash = hash
    }

    public var line: String { "\(Self.marker) \(time) rows=\(rowId) head=\(hash)" }

    /// Whether a line holds an anchor at all: syslog puts its own prefix (time, host,
    /// tag) before the message, so the marker may be anywhere in the line.
    public static func isAnchorLine(_ line: Substring) -> Bool { line.contains(marker) }

    /// The anchor in a line, from the marker on; nil when the marker is followed by
    /// something else than an anchor (a damaged or hand-edited line).
    public static func parse(_ line: Substring) -> AccessLogAnchor? {
        guard let at = line.range(of: marker) else { return nil }
        let words = line[at.upperBound...].split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 3, words[1].hasPrefix("rows="), words[2].hasPrefix("head="),
              let rowId = Int64(words[1].dropFirst(5)), rowId >= 0 else { return nil }
        let hash = words[2].dropFirst(5)
        guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return AccessLogAnchor(time: String(words[0]), rowId: rowId, hash: String(hash))
    }

    /// What the store says about an anchor.
    public enum Check: Equatable, Sendable {
        case holds
        /// The log now ends at `lastRow` (0: empty), before the anchored row.
        case cutOff(lastRow: Int64)
        /// The anchored row is there with another hash.
        case changed
    }
}

extension AuditStore {
    /// Whether the anchored row is still in the log with the anchored hash.
    public func check(_ anchor: AccessLogAnchor) throws -> AccessLogAnchor.Check {
        if anchor.rowId == 0 { return anchor.hash == AccessLogAnchor.emptyLogHash ? .holds : .changed }
        if let hash = try accessLogHash(row: anchor.rowId) { return hash == anchor.hash ? .holds : .changed }
        let last = try accessLogHead()?.rowId ?? 0
        // A row missing in the middle is the chain's finding; here only the tail.
        return last < anchor.rowId ? .cutOff(lastRow: last) : .changed
    }
}
