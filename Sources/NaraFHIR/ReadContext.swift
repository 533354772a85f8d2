import Foundation
import NaraDomain

/// The state of one file being read: where each resource is, what references resolve to,
/// and the batch being filled. Directory resources (units and staff) and patients are
/// read first, so the clinical resources after them can point at them in any order.
struct ReadContext {
    let entries: [Entry]
    let today: LocalDate
    var batch = ExchangeBatch()

    /// `Type/id` and full URLs to the entry they name.
    var byKey: [String: Int] = [:]
    var unitOf: [Int: UnitID] = [:]
    var staffOf: [Int: Int] = [:]
    var patientOf: [Int: Int] = [:]
    var referralOf: [Int: Int] = [:]
    /// PractitionerRole entries: whom and where they stand for.
    var roleOf: [Int: (staff: StaffID?, unit: UnitID?)] = [:]

    static let known: Set<String> = ["Patient", "Practitioner", "PractitionerRole", "Organization", "Encounter",
                                     "ServiceRequest", "Task", "CareTeam", "Condition", "CarePlan",
                                     "Observation"]

    init(entries: [Entry], today: LocalDate) {
        self.entries = entries
        self.today = today
        for (i, entry) in entries.enumerated() {
            if let id = entry.origin.resourceId {
                byKey["\(entry.origin.resourceType)/\(id)"] = i
            }
            if let url = entry.fullUrl {
                byKey[url] = i
                if let typeAndId = Reference(text: url).typeAndId { byKey["\(typeAndId.type)/\(typeAndId.id)"] = i }
            }
        }
    }

    mutating func readAll() throws {
        var seen: [String: ExchangeOrigin] = [:]
        for entry in entries {
            let r = ResourceReader(json: .null, origin: entry.origin)
            guard ResourceTypes.r4.contains(r.type), r.type != "Bundle" else {
                throw r.fail("resourceType", "\"\(r.type)\" is not a FHIR R4 resource type")
            }
            guard Self.known.contains(r.type) else {
                batch.skipped[r.type, default: 0] += 1
                continue
            }
            guard let id = entry.origin.resourceId, Self.isValidId(id) else {
                throw r.fail("id", entry.origin.resourceId == nil ? "missing" : "not a valid FHIR id")
            }
            if let earlier = seen["\(r.type)/\(id)"] {
                throw r.fail("id", "the same \(r.type)/\(id) is also \(earlier)")
            }
            seen["\(r.type)/\(id)"] = entry.origin
        }
        for order in [["Organization"], ["Practitioner"], ["PractitionerRole"], ["Patient"], ["ServiceRequest"],
                      ["Task", "Encounter", "CareTeam", "Condition", "CarePlan", "Observation"]] {
            for (i, entry) in entries.enumerated() where order.contains(entry.origin.resourceType) {
                let r = ResourceReader(json: try entry.json(), origin: entry.origin)
                switch r.type {
                case "Organization": try readOrganization(r, entry: i)
                case "Practitioner": try readPractitioner(r, entry: i)
                case "PractitionerRole": try readRole(r, entry: i)
                case "Patient": try readPatient(r, entry: i)
                case "ServiceRequest": try readServiceRequest(r, entry: i)
                case "Task": try readTask(r)
                case "Encounter": try readEncounter(r)
                case "CareTeam": try readCareTeam(r)
                case "Condition": try readCondition(r)
                case "CarePlan": try readCarePlan(r)
                case "Observation": try readObservation(r)
                default: break
                }
            }
        }
        try settleStaffUnits()
        settleListingUnits()
    }

    /// A unit patients are listed at is a vårdcentral, whatever its name suggested.
    mutating func settleListingUnits() {
        let listingUnits = Set(batch.patients.flatMap { $0.value.listings.map(\.unitId) })
        for i in batch.units.indices where listingUnits.contains(batch.units[i].value.id) && batch.units[i].value.kind == .other {
            batch.units[i].value.kind = .primaryCare
        }
    }

    /// FHIR ids: 1–64 of A–Z, a–z, 0–9, `-` and `.`.
    static func isValidId(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && id.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x2E
        }
    }

    func entryIndex(_ ref: Reference) -> Int? {
        guard let text = ref.text else { return nil }
        if let i = byKey[text] { return i }
        if let t = ref.typeAndId { return byKey["\(t.type)/\(t.id)"] }
        return nil
    }

    /// A reference that must resolve inside the file (a `urn:uuid:` one) and does not.
    func missing(_ r: ResourceReader, _ path: String, _ ref: Reference) -> FHIRError {
        r.fail(path, "refers to \(ref.text ?? ref.identifier?.description ?? "?"), which is not in the file")
    }

    // MARK: Resolving references

    /// A unit: an Organization in the file, a PractitionerRole's organization, or an
    /// Organization named by id or HSA-id that the store must already have.
    func unit(_ r: ResourceReader, _ ref: Reference, path: String) throws -> UnitID {
        if let i = entryIndex(ref) {
            if let unit = unitOf[i] { return unit }
            if let role = roleOf[i], let unit = role.unit { return unit }
            if let s = staffOf[i] { return batch.staff[s].value.unitId }
            throw r.fail(path, "refers to \(entries[i].origin), which is not an Organization")
        }
        if let ident = ref.identifier { return UnitID(ident.value) }
        if let t = ref.typeAndId, t.type == "Organization" { return UnitID(t.id) }
        throw missing(r, path, ref)
    }

    func staff(_ r: ResourceReader, _ ref: Reference, path: String) throws -> StaffID {
        if let i = entryIndex(ref) {
            if let s = staffOf[i] { return batch.staff[s].value.id }
            if let role = roleOf[i], let staff = role.staff { return staff }
            throw r.fail(path, "refers to \(entries[i].origin), which is not a Practitioner")
        }
        if let t = ref.typeAndId, t.type == "Practitioner" { return StaffID(t.id) }
        throw missing(r, path, ref)
    }

    func patient(_ r: ResourceReader, _ ref: Reference, path: String) throws -> PatientRef {
        if let i = entryIndex(ref) {
            guard let p = patientOf[i] else { throw r.fail(path, "refers to \(entries[i].origin), which is not a Patient") }
            return .batch(p)
        }
        if let t = ref.typeAndId, t.type == "Patient" { return .resource(t.id) }
        throw missing(r, path, ref)
    }

    func subject(_ r: ResourceReader) throws -> PatientRef {
        guard let ref = try r.reference("subject", path: "subject") ?? r.reference("patient", path: "patient") else {
            throw r.fail("subject", "missing: which patient?")
        }
        return try patient(r, ref, path: "subject")
    }

    func identifier(_ r: ResourceReader) throws -> ExchangeIdentifier? {
        for (i, item) in try r.array("identifier").enumerated() {
            guard let system = try r.string("system", in: item, path: "identifier[\(i)].system"),
                  let value = try r.string("value", in: item, path: "identifier[\(i)].value") else { continue }
            return ExchangeIdentifier(system: system, value: value)
        }
        return nil
    }

    func exchanged<V>(_ r: ResourceReader, patient: PatientRef?, _ value: V,
                      identifier: ExchangeIdentifier? = nil) -> Exchanged<V> {
        Exchanged(origin: r.origin, resourceId: r.id, identifier: identifier, patient: patient, value: value)
    }
}
