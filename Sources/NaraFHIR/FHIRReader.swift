import Foundation
import NaraDomain

/// Reads FHIR R4 JSON (a Bundle of type collection, transaction or batch, a single
/// resource, or NDJSON with one resource a line) into an `ExchangeBatch`.
///
/// All of a file is read before anything is written, so a file with one bad resource
/// imports nothing; the first error names the resource and the field.
public struct FHIRReader {
    /// Decides the century of ten-digit identifiers and rejects birth dates in the future.
    public var today: LocalDate

    public init(today: LocalDate) { self.today = today }

    public func read(_ data: Data) throws -> ExchangeBatch {
        try read(bytes: Array(data))
    }

    /// The file's bytes as `readFile` gives them, read without another copy.
    public func read(bytes: [UInt8]) throws -> ExchangeBatch {
        let entries = try Self.entries(bytes)
        var context = ReadContext(entries: entries, today: today)
        try context.readAll()
        return context.batch
    }

    /// The resources of a file, each with where it was. A Bundle's entries stay as byte
    /// ranges of the file until they are read, so a large file is in memory once as
    /// bytes, not again as values.
    static func entries(_ bytes: [UInt8]) throws -> [Entry] {
        // Leading white space is stepped over, not cut off: a copy of a large file would
        // double what an import holds.
        let start = bytes.firstIndex { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) } ?? bytes.count
        guard start < bytes.count else { throw FHIRError.notFHIR("the file is empty") }
        guard bytes[start] == UInt8(ascii: "{") else { throw FHIRError.brokenJSON("a FHIR file starts with {") }
        var entries: [Entry] = []
        let fields: [String: JSON]
        do {
            var parser = JSONParser(bytes, range: start..<bytes.count)
            fields = try parser.bundle { item, range in
                entries.append(try entry(item, range: range, bytes: bytes, position: entries.count + 1))
            }
        } catch let error as FHIRError {
            // NDJSON is many documents; a broken single document (a Bundle over many
            // lines) fails on its first line, and then the whole-file error is the true one.
            guard case .brokenJSON = error else { throw error }
            return try ndjsonEntries(bytes, wholeFileError: error)
        }
        guard let type = fields["resourceType"]?.string else {
            throw FHIRError.notFHIR("the JSON object has no resourceType: not a FHIR resource")
        }
        guard type == "Bundle" else {
            guard ResourceTypes.r4.contains(type) else {
                throw FHIRError.notFHIR("resourceType \"\(type)\" is not a FHIR R4 resource type")
            }
            // A single resource: read again whole (the parse above set any `entry` aside).
            var again = JSONParser(bytes, range: start..<bytes.count)
            let whole = try again.document()
            return [Entry(source: .value(whole), fullUrl: nil,
                          origin: ExchangeOrigin(position: 1, resourceType: type, resourceId: whole["id"]?.string))]
        }
        let bundleType = fields["type"]?.string ?? ""
        let accepted = ["collection", "transaction", "batch", "searchset"]
        guard accepted.contains(bundleType) else {
            throw FHIRError.notFHIR("Bundle.type is \"\(bundleType)\"; expected collection, transaction or batch")
        }
        return entries
    }

    private static func entry(_ item: JSON, range: Range<Int>, bytes: [UInt8], position i: Int) throws -> Entry {
        let method = item["request"]?["method"]?.string
        guard let resource = item["resource"], resource.object != nil else {
            if method == "DELETE" {
                throw FHIRError.notFHIR("entry \(i): DELETE is not supported: an import never removes records")
            }
            throw FHIRError.notFHIR("entry \(i): no resource")
        }
        guard let type = resource["resourceType"]?.string else {
            throw FHIRError.notFHIR("entry \(i): the resource has no resourceType")
        }
        return Entry(source: .bundleEntry(bytes, range), fullUrl: item["fullUrl"]?.string,
                     origin: ExchangeOrigin(position: i, resourceType: type, resourceId: resource["id"]?.string))
    }

    /// Line by line over the file's bytes: each line is parsed, looked at and let go,
    /// and kept only as its byte range.
    private static func ndjsonEntries(_ bytes: [UInt8], wholeFileError: any Error) throws -> [Entry] {
        var out: [Entry] = []
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var from = lineStart, to = lineEnd
            while from < to, bytes[from] == 0x20 || bytes[from] == 0x09 || bytes[from] == 0x0D { from += 1 }
            while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 || bytes[to - 1] == 0x0D { to -= 1 }
            if from == to { continue }
            let json: JSON
            do {
                var parser = JSONParser(bytes, range: from..<to)
                json = try parser.document()
            } catch let FHIRError.brokenJSON(why) {
                if out.isEmpty { throw wholeFileError }
                throw FHIRError.brokenLine(line: lineNumber, why)
            }
            guard let type = json["resourceType"]?.string else {
                throw FHIRError.notFHIR("line \(lineNumber): the resource has no resourceType")
            }
            out.append(Entry(source: .line(bytes, from..<to), fullUrl: nil,
                             origin: ExchangeOrigin(position: lineNumber, isLine: true, resourceType: type,
                                                    resourceId: json["id"]?.string)))
        }
        guard !out.isEmpty else { throw FHIRError.notFHIR("the file holds no resources") }
        return out
    }
}

struct Entry {
    enum Source {
        case value(JSON)
        /// A Bundle entry's bytes in the file: parsed again when the resource is read.
        case bundleEntry([UInt8], Range<Int>)
        /// An NDJSON line's bytes.
        case line([UInt8], Range<Int>)
    }

    var source: Source
    var fullUrl: String?
    var origin: ExchangeOrigin

    func json() throws -> JSON {
        switch source {
        case .value(let json): return json
        case .bundleEntry(let bytes, let range):
            var parser = JSONParser(bytes, range: range)
            return try parser.document()["resource"] ?? .null
        case .line(let bytes, let range):
            var parser = JSONParser(bytes, range: range)
            return try parser.document()
        }
    }
}
