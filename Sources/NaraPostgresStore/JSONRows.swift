import GRDB
import PostgresNIO

/// Rows as PostgreSQL's `json_agg` returns them, made GRDB rows for NaraStore's
/// decoders: a JSON integer is an Int64, any other number a Double, true and false a
/// Bool (stored as 1 and 0, as SQLite's flags), a string a String, null NULL. Days are
/// text and moments integers in both schemas, so a value reads the same from either.
///
/// The text is read by a scanner of its own, for the one shape `json_agg` gives here:
/// an array of flat objects of scalars. Foundation's `JSONDecoder`, trying each cell as
/// a string, then an integer, then a number, threw and caught an error per cell not a
/// string: a third of a referral queue's time on PostgreSQL (docs/POSTGRESQL-READS.md).
/// NaraFHIR's `JSONParser` reads whole documents into a tree with every number a Double;
/// rows need 64-bit integers exactly and no tree between the text and the row.
enum JSONRows {
    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        var description: String { "the database returned rows that are not flat JSON objects (at byte \(offset))" }
    }

    static func parts(_ rows: [PostgresRow]) throws -> [String: [Row]] {
        var parts: [String: [Row]] = [:]
        for row in rows {
            let (part, json) = try row.decode((String, String?).self)
            parts[part] = try decode(json)
        }
        return parts
    }

    static func decode(_ json: String?) throws -> [Row] {
        guard var json else { return [] }
        return try json.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return try scanner.rows()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func rows() throws -> [Row] {
            var rows: [Row] = []
            try expect(UInt8(ascii: "["))
            if try peek() == UInt8(ascii: "]") {
                at += 1
            } else {
                repeat {
                    rows.append(Row(try object()))
                } while try separator(closing: UInt8(ascii: "]"))
            }
            skipSpace()
            guard at == bytes.count else { throw Malformed(offset: at) }
            return rows
        }

        private mutating func object() throws -> [String: (any DatabaseValueConvertible)?] {
            var object: [String: (any DatabaseValueConvertible)?] = [:]
            try expect(UInt8(ascii: "{"))
            if try peek() == UInt8(ascii: "}") {
                at += 1
                return object
            }
            repeat {
                let key = try string()
                try expect(UInt8(ascii: ":"))
                object[key] = try value()
            } while try separator(closing: UInt8(ascii: "}"))
            return object
        }

        /// After an element: true for a comma (another follows), false for `closing`.
        private mutating func separator(closing: UInt8) throws -> Bool {
            switch try peek() {
            case UInt8(ascii: ","): at += 1; return true
            case closing: at += 1; return false
            default: throw Malformed(offset: at)
            }
        }

        private mutating func value() throws -> (any DatabaseValueConvertible)? {
            switch try peek() {
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "t"): try word("true"); return true
            case UInt8(ascii: "f"): try word("false"); return false
            case UInt8(ascii: "n"): try word("null"); return nil
            default: return try number()
            }
        }

        private mutating func number() throws -> any DatabaseValueConvertible {
            let start = at
            var whole = true
            while at < bytes.count {
                switch bytes[at] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"): break
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): whole = false
                default:
                    return try number(start, whole: whole)
                }
                at += 1
            }
            return try number(start, whole: whole)
        }

        private func number(_ start: Int, whole: Bool) throws -> any DatabaseValueConvertible {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            if whole, let int = Int64(text) { return int }
            guard let double = Double(text) else { throw Malformed(offset: start) }
            return double
        }

        private mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            let start = at
            // The common case, no escape: the bytes as they are.
            while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") { at += 1 }
            guard at < bytes.count else { throw Malformed(offset: start) }
            if bytes[at] == UInt8(ascii: "\"") {
                defer { at += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            }
            var text = Array(bytes[start..<at])
            while at < bytes.count {
                let byte = bytes[at]
                at += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { throw Malformed(offset: at) }
                    let escaped = bytes[at]
                    at += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "u"): text.append(contentsOf: try unicodeEscape())
                    default: throw Malformed(offset: at - 1)
                    }
                default:
                    text.append(byte)
                }
            }
            throw Malformed(offset: start)
        }

        /// A `\u` escape's four hex digits, and the low half after them when they are the high
        /// half of a surrogate pair, as UTF-8.
        private mutating func unicodeEscape() throws -> [UInt8] {
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u")
                else { throw Malformed(offset: at) }
                at += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw Malformed(offset: at) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw Malformed(offset: at) }
            return Array(String(Character(unicode)).utf8)
        }

        private mutating func hex4() throws -> UInt32 {
            guard at + 4 <= bytes.count,
                  let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<at + 4]), as: UTF8.self),
                                     radix: 16)
            else { throw Malformed(offset: at) }
            at += 4
            return value
        }

        private mutating func word(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard at + count <= bytes.count,
                  UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[at..<at + count])
            else { throw Malformed(offset: at) }
            at += count
        }

        private mutating func expect(_ byte: UInt8) throws {
            guard try peek() == byte else { throw Malformed(offset: at) }
            at += 1
        }

        /// The next byte that is not white space, without taking it.
        private mutating func peek() throws -> UInt8 {
            skipSpace()
            guard at < bytes.count else { throw Malformed(offset: at) }
            return bytes[at]
        }

        private mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x0A, 0x0D, 0x09: at += 1
                default: return
                }
            }
        }
    }
}
