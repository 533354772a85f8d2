import Foundation
import NaraDomain

/// Writes an `ExchangeBatch` as a FHIR R4 collection Bundle with HL7 Sweden's identifier
/// systems: what `FHIRReader` reads back into the same batch.
public struct FHIRWriter {
    let batch: ExchangeBatch
    let unitIds: [UnitID: String]
    let staffIds: [StaffID: String]

    public init(_ batch: ExchangeBatch) {
        self.batch = batch
        unitIds = Dictionary(batch.units.map { ($0.value.id, $0.resourceId) }, uniquingKeysWith: { a, _ in a })
        staffIds = Dictionary(batch.staff.map { ($0.value.id, $0.resourceId) }, uniquingKeysWith: { a, _ in a })
    }

    /// The Bundle, its entries in a fixed order (directory, patients, then their records).
    public func bundle() -> JSON {
        var entries: [JSON] = []
        forEachEntry { entries.append($0) }
        return JSON.object(["resourceType": "Bundle", "type": "collection", "entry": .array(entries)])
    }

    /// The same Bundle as compact JSON, an entry at a time: a store's export never has
    /// to be in memory whole. The bytes equal `bundle().serialized()`.
    public func write(_ sink: (String) throws -> Void) rethrows {
        try sink(#"{"resourceType":"Bundle","entry":["#)
        var first = true
        try forEachEntry { entry in
            try sink((first ? "" : ",") + entry.serialized())
            first = false
        }
        try sink(#"],"type":"collection"}"#)
    }

    private func forEachEntry(_ emit: (JSON) throws -> Void) rethrows {
        func add(_ type: String, _ id: String, _ resource: [String: JSON]) throws {
            var r = resource
            r["resourceType"] = .string(type)
            r["id"] = .string(id)
            try emit(JSON.object(["fullUrl": .string("\(type)/\(id)"), "resource": .object(r)]).cleaned())
        }
        for u in batch.units { try add("Organization", u.resourceId, organization(u.value)) }
        for s in batch.staff { try add("Practitioner", s.resourceId, practitioner(s.value)) }
        for s in batch.staff where !s.value.unitId.rawValue.isEmpty {
            try add("PractitionerRole", s.resourceId + ".role", role(s.value, practitionerId: s.resourceId))
        }
        for p in batch.patients { try add("Patient", p.resourceId, patient(p)) }
        for c in batch.contacts { try add("CareTeam", c.resourceId, careTeam(c)) }
        for p in batch.problems { try add("Condition", p.resourceId, condition(p)) }
        for e in batch.encounters { try add("Encounter", e.resourceId, encounter(e)) }
        for d in batch.discharges { try add("Encounter", d.resourceId, stay(d)) }
        for r in batch.referrals {
            try add("ServiceRequest", r.resourceId, serviceRequest(r))
            try add("Task", r.resourceId + ".task", task(r))
        }
        for p in batch.plans { try add("CarePlan", p.resourceId, carePlan(p)) }
        for o in batch.observations { try add("Observation", o.resourceId, observation(o)) }
    }

    // MARK: Pieces

    func unitRef(_ id: UnitID) -> JSON {
        if let rid = unitIds[id] { return .object(["reference": .string("Organization/\(rid)")]) }
        return .object(["identifier": .object(["system": .string(Systems.hsa), "value": .string(id.rawValue)])])
    }

    func staffRef(_ id: StaffID) -> JSON { .object(["reference": .string("Practitioner/\(staffIds[id] ?? id.rawValue)")]) }

    func patientRef(_ ref: PatientRef?) -> JSON {
        switch ref {
        case .batch(let i)?: return .object(["reference": .string("Patient/\(batch.patients[i].resourceId)")])
        case .resource(let id)?: return .object(["reference": .string("Patient/\(id)")])
        case nil: return .null
        }
    }

    static func coding(_ system: String, _ code: String, _ display: String? = nil) -> JSON {
        var c: [String: JSON] = ["system": .string(system), "code": .string(code)]
        if let display { c["display"] = .string(display) }
        return .object(["coding": .array([.object(c)])])
    }

    static func identifiers(_ ident: ExchangeIdentifier?) -> JSON? {
        ident.map { .array([.object(["system": .string($0.system), "value": .string($0.value)])]) }
    }

    /// Swedish local time with its offset (`2026-03-03T10:30:00+01:00`), to the second as
    /// the store keeps it. Written by hand: a formatter a call costs more than the rest
    /// of an encounter's resource.
    static func dateTime(_ date: Date) -> JSON {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let offset = ClockZone.stockholm.secondsFromGMT(for: date)
        let local = seconds + offset
        let day = LocalDate(dayNumber: local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400))
        let inDay = local - day.dayNumber * 86_400
        let sign = offset < 0 ? "-" : "+"
        return .string(day.iso + "T" + LocalDate.pad(inDay / 3600, 2) + ":" + LocalDate.pad(inDay / 60 % 60, 2) + ":"
                       + LocalDate.pad(inDay % 60, 2) + sign + LocalDate.pad(abs(offset) / 3600, 2) + ":"
                       + LocalDate.pad(abs(offset) / 60 % 60, 2))
    }

    /// A FHIR `instant` (`meta.lastUpdated`): a dateTime to the second, with its offset.
    static func instant(_ date: Date) -> JSON { dateTime(date) }

    static func period(_ from: LocalDate?, _ to: LocalDate?) -> JSON {
        var p: [String: JSON] = [:]
        if let from { p["start"] = .string(from.iso) }
        if let to { p["end"] = .string(to.iso) }
        return .object(p)
    }

    static func ext(_ url: String, _ parts: [(String, String, JSON)]) -> JSON {
        .object(["url": .string(url), "extension": .array(parts.map { name, type, value in
            .object(["url": .string(name), type: value])
        })])
    }
}

extension JSON {
    /// Every string without control or bidi characters: what leaves the program is as
    /// clean as what the store lets in, even if a file was edited behind its back.
    func cleaned() -> JSON {
        switch self {
        case .string(let s): return .string(CleanText.clean(s, allowNewlines: true))
        case .array(let items): return .array(items.map { $0.cleaned() })
        case .object(let fields): return .object(fields.mapValues { $0.cleaned() })
        default: return self
        }
    }
}

extension JSON: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
