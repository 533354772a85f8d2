import Foundation
import NaraDomain

/// One resource being read: field access that names the resource and the field in
/// every error, so a nurse or an integrator can find the line to fix.
struct ResourceReader {
    let json: JSON
    let origin: ExchangeOrigin

    var type: String { origin.resourceType }
    var id: String { origin.resourceId ?? "" }

    func fail(_ path: String, _ problem: String) -> FHIRError {
        .field(origin: origin.description, path: path, problem: problem)
    }

    func string(_ key: String, in object: JSON? = nil, path: String? = nil) throws -> String? {
        guard let value = (object ?? json)[key] else { return nil }
        guard let s = value.string else { throw fail(path ?? key, "expected a string") }
        let cleaned = CleanText.clean(s, allowNewlines: true)
        return cleaned.isEmpty ? nil : cleaned
    }

    func required(_ key: String, in object: JSON? = nil, path: String? = nil) throws -> String {
        guard let s = try string(key, in: object, path: path) else { throw fail(path ?? key, "missing") }
        return s
    }

    func array(_ key: String, in object: JSON? = nil, path: String? = nil) throws -> [JSON] {
        guard let value = (object ?? json)[key] else { return [] }
        guard let a = value.array else { throw fail(path ?? key, "expected a list") }
        return a
    }

    /// A FHIR `date`: a full date; a year or year-month means its first day.
    func date(_ key: String, in object: JSON? = nil, path: String) throws -> LocalDate? {
        guard let text = try string(key, in: object, path: path) else { return nil }
        guard let day = Self.parseDate(text) else { throw fail(path, "\"\(text)\" is not a date") }
        return day
    }

    func dateTime(_ key: String, in object: JSON? = nil, path: String) throws -> Date? {
        guard let text = try string(key, in: object, path: path) else { return nil }
        guard let at = Self.parseDateTime(text) else { throw fail(path, "\"\(text)\" is not a dateTime") }
        return at
    }

    /// The start and end of a `Period`.
    func period(_ key: String, in object: JSON? = nil, path: String) throws -> (start: Date?, end: Date?) {
        guard let p = (object ?? json)[key] else { return (nil, nil) }
        return (try dateTime("start", in: p, path: path + ".start"), try dateTime("end", in: p, path: path + ".end"))
    }

    func periodDays(_ key: String, in object: JSON? = nil, path: String) throws -> (start: LocalDate?, end: LocalDate?) {
        guard let p = (object ?? json)[key] else { return (nil, nil) }
        return (try dateOrDateTime("start", in: p, path: path + ".start"),
                try dateOrDateTime("end", in: p, path: path + ".end"))
    }

    func dateOrDateTime(_ key: String, in object: JSON, path: String) throws -> LocalDate? {
        guard let text = try string(key, in: object, path: path) else { return nil }
        if let day = Self.parseDate(text) { return day }
        if let at = Self.parseDateTime(text) { return LocalDate(date: at, in: .stockholm) }
        throw fail(path, "\"\(text)\" is not a date")
    }

    /// The codes of a CodeableConcept (or a list of them), as (system, code) pairs.
    func codings(_ key: String, in object: JSON? = nil) -> [(system: String, code: String, display: String?)] {
        guard let value = (object ?? json)[key] else { return [] }
        let concepts = value.array ?? [value]
        return concepts.flatMap { concept -> [(system: String, code: String, display: String?)] in
            let codings = concept["coding"]?.array ?? []
            var out = codings.compactMap { c -> (system: String, code: String, display: String?)? in
                guard let code = c["code"]?.string else { return nil }
                return (c["system"]?.string ?? "", code, c["display"]?.string)
            }
            if let text = concept["text"]?.string { out.append(("", "", text)) }
            return out
        }
    }

    func code(_ key: String, system: String, in object: JSON? = nil) -> String? {
        codings(key, in: object).first { $0.system == system }?.code
    }

    /// Text of a CodeableConcept: its text, else the display of its first coding.
    func conceptText(_ key: String, in object: JSON? = nil) -> String? {
        let all = codings(key, in: object)
        return (all.first { $0.code.isEmpty }?.display ?? all.first?.display).map { CleanText.clean($0, allowNewlines: true) }
    }

    func reference(_ key: String, in object: JSON? = nil, path: String) throws -> Reference? {
        guard let value = (object ?? json)[key] else { return nil }
        guard value.object != nil else { throw fail(path, "expected a Reference") }
        if let r = value["reference"]?.string { return Reference(text: r) }
        if let ident = value["identifier"], let system = ident["system"]?.string, let v = ident["value"]?.string {
            return Reference(type: value["type"]?.string, identifier: ExchangeIdentifier(system: system, value: v))
        }
        throw fail(path, "a Reference needs a reference or an identifier")
    }

    static func parseDate(_ text: String) -> LocalDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) ?? 0 : 1
        let day = parts.count > 2 ? Int(parts[2]) ?? 0 : 1
        guard parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    nonisolated(unsafe) private static let withFraction: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()
    nonisolated(unsafe) private static let plain: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f
    }()
    private static let lock = NSLock()

    /// A FHIR `dateTime`; a bare date means midnight in Sweden.
    static func parseDateTime(_ text: String) -> Date? {
        if text.count <= 10, let day = parseDate(text) { return day.noon(in: .stockholm) }
        lock.lock(); defer { lock.unlock() }
        return plain.date(from: text) ?? withFraction.date(from: text)
    }
}

/// A reference as written: `Type/id`, a `urn:uuid:` full URL, or a logical identifier.
struct Reference: Hashable {
    var text: String?
    var type: String?
    var identifier: ExchangeIdentifier?

    init(text: String) {
        self.text = text
        // An absolute URL names the resource by its last two parts.
        let parts = text.split(separator: "/")
        if parts.count >= 2, !text.hasPrefix("urn:") { type = String(parts[parts.count - 2]) }
    }

    init(type: String?, identifier: ExchangeIdentifier) {
        self.type = type
        self.identifier = identifier
    }

    /// `Type/id` for a relative or absolute reference.
    var typeAndId: (type: String, id: String)? {
        guard let text, !text.hasPrefix("urn:") else { return nil }
        let parts = text.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        return (String(parts[parts.count - 2]), String(parts[parts.count - 1]))
    }
}
