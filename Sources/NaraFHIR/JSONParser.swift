import Foundation

/// A JSON parser over UTF-8 bytes. Foundation's decoder reads a 100 MB export several
/// times slower and reports errors by coding path; this one tells the line and column,
/// and refuses nesting deeper than any FHIR resource needs instead of exhausting the stack.
struct JSONParser {
    private let bytes: [UInt8]
    private var i: Int
    private let end: Int
    private var depth = 0
    static let maxDepth = 200

    init(_ data: Data) {
        bytes = Array(data)
        i = 0
        end = bytes.count
    }

    /// A part of a larger text, without copying it: entries of a Bundle are parsed one
    /// at a time from the file's bytes.
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        i = range.lowerBound
        end = range.upperBound
    }

    static func parse(_ data: Data) throws -> JSON {
        var p = JSONParser(data)
        return try p.document()
    }

    mutating func document() throws -> JSON {
        skipSpace()
        let value = try self.value()
        skipSpace()
        guard i == end else { throw error("unexpected text after the end of the JSON value") }
        return value
    }

    /// A Bundle with its `entry` list left as the byte range of each entry, each entry
    /// looked at once through `inspect` and then let go: the whole file's resources
    /// never need to be in memory as values at once.
    mutating func bundle(inspect: (JSON, Range<Int>) throws -> Void) throws -> [String: JSON] {
        skipSpace()
        guard i < end, bytes[i] == UInt8(ascii: "{") else { throw error("expected an object") }
        let fields = try withoutActuallyEscaping(inspect) { hook in try object(entries: hook) }.object ?? [:]
        skipSpace()
        guard i == end else { throw error("unexpected text after the end of the JSON value") }
        return fields
    }

    private func error(_ what: String) -> FHIRError { error(what, at: i) }

    private func error(_ what: String, at position: Int) -> FHIRError {
        var line = 1, column = 1
        for b in bytes[..<min(position, end)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return .brokenJSON("\(what) at line \(line), column \(column)")
    }

    private mutating func skipSpace() {
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func value() throws -> JSON {
        guard i < end else { throw error("the text ends where a value should be") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character")
        }
    }

    private mutating func literal(_ word: String, _ value: JSON) throws -> JSON {
        let w = Array(word.utf8)
        guard i + w.count <= end, Array(bytes[i..<i + w.count]) == w else { throw error("unexpected character") }
        i += w.count
        return value
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth { throw error("nested more than \(Self.maxDepth) levels deep") }
    }

    /// With `entries`, a key `entry` holding a list hands each item to it instead of
    /// keeping them.
    private mutating func object(entries: ((JSON, Range<Int>) throws -> Void)? = nil) throws -> JSON {
        try enter()
        defer { depth -= 1 }
        i += 1
        var fields: [String: JSON] = [:]
        skipSpace()
        if i < end, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
        while true {
            skipSpace()
            guard i < end, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let keyStart = i
            let key = try string()
            // RFC 8259 leaves duplicate names to the reader, and readers differ (the last
            // wins, or all are used): refused, so that no reader sees another file.
            if fields[key] != nil {
                let shown = key.count > 64 ? String(key.prefix(64)) + "…" : key
                throw error("duplicate member \"\(shown)\"", at: keyStart)
            }
            skipSpace()
            guard i < end, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            i += 1
            skipSpace()
            if let entries, key == "entry", i < end, bytes[i] == UInt8(ascii: "[") {
                fields[key] = try array(each: entries)
            } else {
                fields[key] = try value()
            }
            skipSpace()
            guard i < end else { throw error("the text ends inside an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func array(each: ((JSON, Range<Int>) throws -> Void)? = nil) throws -> JSON {
        try enter()
        defer { depth -= 1 }
        i += 1
        var items: [JSON] = []
        skipSpace()
        if i < end, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            let start = i
            let item = try value()
            if let each { try each(item, start..<i) } else { items.append(item) }
            skipSpace()
            guard i < end else { throw error("the text ends inside a list") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func string() throws -> String {
        i += 1
        let start = i
        // The common case: no escapes, decoded straight from the bytes.
        while i < end, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
        guard i < end else { throw error("the text ends inside a string") }
        if bytes[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return try utf8(bytes[start..<i])
        }
        var out = Array(bytes[start..<i])
        while true {
            guard i < end else { throw error("the text ends inside a string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return try utf8(out[...]) }
            if b < 0x20 { throw error("a control character inside a string") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < end else { throw error("the text ends inside a string") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw error("a lone surrogate in a \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("a lone surrogate in a \\u escape")
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default: throw error("an unknown escape")
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= end else { throw error("a short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("a bad \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private func utf8(_ slice: ArraySlice<UInt8>) throws -> String {
        guard let s = String(validating: slice, as: UTF8.self) else { throw error("a string that is not UTF-8") }
        return s
    }

    private mutating func number() throws -> JSON {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        // RFC 8259: no leading zeros (`0001`); a lone 0 before '.', 'e' or the end is fine.
        if i + 1 < end, bytes[i] == UInt8(ascii: "0"), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i + 1]) {
            throw error("a number with a leading zero")
        }
        let digits = { (p: inout JSONParser) -> Int in
            let s = p.i
            while p.i < p.end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.i]) { p.i += 1 }
            return p.i - s
        }
        guard digits(&self) > 0 else { throw error("a number without digits") }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw error("a number without digits after '.'") }
        }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw error("a number without digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let n = Double(text), n.isFinite else { throw error("a number out of range") }
        return .number(n)
    }
}
