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
        let entries = try Self.entries(data)
        var context = ReadContext(entries: entries, today: today)
        try context.readAll()
        return context.batch
    }

    /// The resources of a file, each with where it was.
    static func entries(_ data: Data) throws -> [Entry] {
        let text = data.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard let first = text.first else { throw FHIRError.notFHIR("the file is empty") }
        guard first == UInt8(ascii: "{") else { throw FHIRError.brokenJSON("a FHIR file starts with {") }
        let whole: JSON
        do {
            whole = try JSON.parse(Data(text))
        } catch {
            // NDJSON is many documents; a broken single document (a Bundle over many
            // lines) fails on its first line, and then the whole-file error is the true one.
            return try ndjsonEntries(Data(text), wholeFileError: error)
        }
        do {
            guard let type = whole["resourceType"]?.string else {
                throw FHIRError.notFHIR("the JSON object has no resourceType: not a FHIR resource")
            }
            guard type == "Bundle" else {
                guard ResourceTypes.r4.contains(type) else {
                    throw FHIRError.notFHIR("resourceType \"\(type)\" is not a FHIR R4 resource type")
                }
                return [Entry(json: whole, fullUrl: nil, origin: ExchangeOrigin(position: 1, resourceType: type,
                                                                              resourceId: whole["id"]?.string))]
            }
            return try bundleEntries(whole)
        }
    }

    private static func bundleEntries(_ bundle: JSON) throws -> [Entry] {
        let type = bundle["type"]?.string ?? ""
        let accepted = ["collection", "transaction", "batch", "searchset"]
        guard accepted.contains(type) else {
            throw FHIRError.notFHIR("Bundle.type is \"\(type)\"; expected collection, transaction or batch")
        }
        guard let items = bundle["entry"]?.array ?? (bundle["entry"] == nil ? [] : nil) else {
            throw FHIRError.notFHIR("Bundle.entry must be a list")
        }
        var out: [Entry] = []
        for (i, item) in items.enumerated() {
            let method = item["request"]?["method"]?.string
            guard let resource = item["resource"], resource.object != nil else {
                if method == "DELETE" {
                    throw FHIRError.notFHIR("entry \(i + 1): DELETE is not supported: an import never removes records")
                }
                throw FHIRError.notFHIR("entry \(i + 1): no resource")
            }
            guard let type = resource["resourceType"]?.string else {
                throw FHIRError.notFHIR("entry \(i + 1): the resource has no resourceType")
            }
            out.append(Entry(json: resource, fullUrl: item["fullUrl"]?.string,
                             origin: ExchangeOrigin(position: i + 1, resourceType: type,
                                                    resourceId: resource["id"]?.string)))
        }
        return out
    }

    private static func ndjsonEntries(_ data: Data, wholeFileError: any Error) throws -> [Entry] {
        var out: [Entry] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == 0x0D || $0 == 0x20 }) { continue }
            let json: JSON
            do { json = try JSON.parse(Data(trimmed)) } catch let FHIRError.brokenJSON(why) {
                if out.isEmpty { throw wholeFileError }
                throw FHIRError.brokenLine(line: lineNumber, why)
            }
            guard let type = json["resourceType"]?.string else {
                throw FHIRError.notFHIR("line \(lineNumber): the resource has no resourceType")
            }
            out.append(Entry(json: json, fullUrl: nil,
                             origin: ExchangeOrigin(position: lineNumber, isLine: true, resourceType: type,
                                                    resourceId: json["id"]?.string)))
        }
        guard !out.isEmpty else { throw FHIRError.notFHIR("the file holds no resources") }
        return out
    }
}

struct Entry {
    var json: JSON
    var fullUrl: String?
    var origin: ExchangeOrigin
}
