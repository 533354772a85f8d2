import Foundation

/// Records on their way into or out of a store through an exchange format (FHIR), kept
/// as domain values plus what the format needs to find them again: where each came
/// from (for error messages), its resource id and its business identifier.
///
/// The format reader fills a batch and knows nothing of stores; the store writes a batch
/// in one transaction and knows nothing of JSON. Export runs the same way backwards.
public struct ExchangeBatch: Sendable {
    public var units: [Exchanged<CareUnit>] = []
    public var staff: [Exchanged<Staff>] = []
    public var patients: [Exchanged<ExchangedPatient>] = []
    public var contacts: [Exchanged<CareContact>] = []
    public var problems: [Exchanged<Problem>] = []
    public var encounters: [Exchanged<Encounter>] = []
    public var discharges: [Exchanged<HospitalDischarge>] = []
    /// Stays still going on (an inpatient Encounter with `hospitalization` and no end):
    /// admission notices under lag (2017:612). `unitId` is set on import, to the unit
    /// where the patient is listed.
    public var dischargeNotices: [Exchanged<DischargeNotice>] = []
    public var referrals: [Exchanged<Referral>] = []
    public var plans: [Exchanged<CoordinatedPlan>] = []
    public var observations: [Exchanged<Observation>] = []
    /// Resource types the reader does not take, with how many of each it passed over.
    public var skipped: [String: Int] = [:]

    public init() {}

    /// Resources of every kind the batch holds.
    public var count: Int {
        units.count + staff.count + patients.count + contacts.count + problems.count + encounters.count
            + discharges.count + dischargeNotices.count + referrals.count + plans.count + observations.count
    }
}

/// Where a resource sat in its file: the error for a bad file names it.
public struct ExchangeOrigin: Hashable, Sendable, CustomStringConvertible {
    /// 1-based: the bundle entry, or the NDJSON line.
    public var position: Int
    public var isLine: Bool
    public var resourceType: String
    public var resourceId: String?

    public init(position: Int, isLine: Bool = false, resourceType: String, resourceId: String?) {
        self.position = position
        self.isLine = isLine
        self.resourceType = resourceType
        self.resourceId = resourceId
    }

    public var description: String {
        let place = isLine ? "line \(position)" : "entry \(position)"
        return "\(place) (\(resourceType)/\(resourceId ?? "?"))"
    }
}

/// A business identifier as exchanged: `system` is a URI or `urn:oid:`.
public struct ExchangeIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    public var system: String
    public var value: String

    public init(system: String, value: String) {
        self.system = system
        self.value = value
    }

    public var description: String { "\(system)|\(value)" }
}

/// The patient a record belongs to: one in the same batch, or one imported earlier
/// under a resource id (NDJSON exports put each resource type in a file of its own).
public enum PatientRef: Hashable, Sendable {
    case batch(Int)
    case resource(String)
}

/// One exchanged record. Domain ids inside `value` (the record's own id, its patient
/// id) are placeholders: the store gives the real ones.
public struct Exchanged<Value: Sendable>: Sendable {
    public var origin: ExchangeOrigin
    public var resourceId: String
    public var identifier: ExchangeIdentifier?
    public var patient: PatientRef?
    public var value: Value

    public init(origin: ExchangeOrigin, resourceId: String, identifier: ExchangeIdentifier? = nil,
                patient: PatientRef? = nil, value: Value) {
        self.origin = origin
        self.resourceId = resourceId
        self.identifier = identifier
        self.patient = patient
        self.value = value
    }

    /// What makes the record the same one when a file is imported again: its business
    /// identifier, or else its resource id. Within a patient, so two systems that both
    /// number their encounters from 1 do not collide.
    public var matchKey: String {
        if let identifier { return "ident:" + identifier.description }
        return "id:" + resourceId
    }
}

/// A patient with what FHIR keeps on the Patient resource itself.
public struct ExchangedPatient: Sendable {
    public var patient: Patient
    public var listings: [Listing]
    /// Identifiers outside the Swedish systems (another system's record number): kept,
    /// exported again, and flagged when imported.
    public var localIdentifiers: [ExchangeIdentifier]
    /// The security label that marked the patient's protected identity in the file it
    /// came from (HL7 Sweden's `sekretessmarkering` or `skyddadFolkbokforing`, or v3
    /// Confidentiality `R` or `V`), kept so an export says what the source said.
    public var protectionLabel: String?
    /// `meta.lastUpdated`: when the sender's record last changed. An import does not
    /// overwrite a record the store changed later (docs/INTEROP.md).
    public var lastUpdated: Date?

    public init(patient: Patient, listings: [Listing] = [], localIdentifiers: [ExchangeIdentifier] = [],
                protectionLabel: String? = nil, lastUpdated: Date? = nil) {
        self.patient = patient
        self.listings = listings
        self.localIdentifiers = localIdentifiers
        self.protectionLabel = protectionLabel
        self.lastUpdated = lastUpdated
    }
}

extension ExchangeBatch {
    /// The batch as the grants let their subject see it, patient by patient: patients
    /// without a grant are left out, and every record is kept or left out by the same
    /// policy as the record on screen (`PatientRecord.seen(through:)`).
    public func seen(through grants: [PatientID: AccessGrant]) -> ExchangeBatch {
        var b = self
        func keep<V>(_ items: [Exchanged<V>], _ patient: (V) -> PatientID,
                     _ visible: (V, AccessGrant) -> V?) -> [Exchanged<V>] {
            items.compactMap { item in
                guard let grant = grants[patient(item.value)], let value = visible(item.value, grant) else { return nil }
                var kept = item
                kept.value = value
                return kept
            }
        }
        b.patients = patients.filter { grants[$0.value.patient.id] != nil }
        b.contacts = keep(contacts, \.patientId) { c, g in g.sees(.coordination, documentedAt: c.unitId) ? c : nil }
        b.problems = keep(problems, \.patientId) { p, g in g.sees(.clinical, documentedAt: p.unitId) ? p : nil }
        b.encounters = keep(encounters, \.patientId) { e, g in g.sees(.clinical, documentedAt: e.unitId) ? e : nil }
        b.discharges = keep(discharges, \.patientId) { d, g in g.sees(.clinical, documentedAt: d.unitId) ? d : nil }
        b.dischargeNotices = keep(dischargeNotices, \.patientId) { n, g in
            g.sees(.coordination, documentedAt: n.unitId) ? n : nil
        }
        b.observations = keep(observations, \.patientId) { o, g in g.sees(.clinical, documentedAt: o.unitId) ? o : nil }
        b.referrals = keep(referrals, \.patientId) { r, g in g.seen(r) }
        b.plans = keep(plans, \.patientId) { p, g in g.sees(.coordination, documentedAt: g.documentingUnit(of: p)) ? p : nil }
        return b
    }
}
