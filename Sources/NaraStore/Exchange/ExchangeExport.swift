import Foundation
import GRDB
import NaraDomain

/// Reading a store, or one patient of it, as an exchange batch for export. Records that
/// came in through an import keep the resource id and identifier they came with, so an
/// export of an import says what the original file said.
extension SQLiteStore {
    /// The store, or one patient, as the user may see it: patients without a care
    /// relationship are left out (one named patient is refused), each record is kept or
    /// left out by the policy, and each patient exported gets an export row with its basis.
    public func exportBatch(patient: PatientID? = nil, as context: AccessContext, detail: String) throws -> ExchangeBatch {
        try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            if let patient {
                _ = try checkRead(db, context, subject: subject, patient: patient)
            }
            let instance = try Self.instance(db)
            var reader = ExportReader(db: SQLiteExchangeSQL(db: db), instance: instance)
            let whole = try reader.read(patient: patient?.rawValue)
            var grants: [PatientID: AccessGrant] = [:]
            for (id, grant) in try self.grants(db, subject, patients: reader.patientIds) {
                grants[PatientID(rawValue: id)] = grant
            }
            let batch = whole.seen(through: grants)
            let exported = batch.patients.map(\.value.patient.id)
            try appendLog(db, context: context, entries: exported.compactMap { id in
                grants[id].map { (id, Self.logged(detail, $0)) }
            }, action: .export)
            try appendLog(db, context: context, patient: nil, action: .export,
                          detail: "\(detail): \(exported.count) patients")
            return batch
        }
    }

    static func instance(_ db: Database) throws -> String {
        if let id = try StoreMeta.value(db, .instance) { return id }
        let id = String(UUID().uuidString.lowercased().prefix(8))
        try StoreMeta.write(db, key: .instance, value: id)
        return id
    }
}

/// The store's rows as a batch, on either store (`ExchangeSQL`); the caller decides which
/// patients the user may see (`ExchangeBatch.seen(through:)`) and logs them.
package struct ExportReader {
    let db: any ExchangeSQL
    let instance: String
    var batch = ExchangeBatch()
    package var patientIds: [Int64] = []
    var index: [Int64: Int] = [:]

    package init(db: any ExchangeSQL, instance: String) {
        self.db = db
        self.instance = instance
    }

    package mutating func read(patient: Int64?) throws -> ExchangeBatch {
        let filter = patient == nil ? "" : "WHERE patient_id = \(patient!)"
        let patientFilter = patient == nil ? "" : "WHERE id = \(patient!)"
        let links = try self.links()

        for row in try db.rows("SELECT * FROM patient \(patientFilter) ORDER BY id", []) {
            let p = Decode.patient(row)
            index[p.id.rawValue] = batch.patients.count
            patientIds.append(p.id.rawValue)
            let link = links["patient"]?[p.id.rawValue]
            batch.patients.append(Exchanged(origin: origin("Patient"), resourceId: link?.resourceId ?? id("pat", p.id.rawValue),
                                            value: ExchangedPatient(patient: p, protectionLabel: row["protection_label"],
                                                                   lastUpdated: (row["updated_at"] as Int64?).map {
                                                                       Date(timeIntervalSince1970: TimeInterval($0))
                                                                   })))
        }
        for row in try db.rows("SELECT * FROM listing \(filter) ORDER BY id", []) {
            guard let i = index[row["patient_id"]] else { continue }
            batch.patients[i].value.listings.append(Decode.listing(row))
        }
        for row in try db.rows("SELECT * FROM patient_identifier \(filter) ORDER BY rowid", []) {
            guard let i = index[row["patient_id"]] else { continue }
            batch.patients[i].value.localIdentifiers.append(ExchangeIdentifier(system: row["system"], value: row["value"]))
        }
        batch.contacts = try records("SELECT * FROM care_contact \(filter) ORDER BY patient_id, id", kind: "contact",
                                     prefix: "ct", links: links, Decode.contact)
        batch.problems = try records("SELECT * FROM problem \(filter) ORDER BY patient_id, id", kind: "problem",
                                     prefix: "cond", links: links, Decode.problem)
        batch.encounters = try records("SELECT * FROM encounter \(filter) ORDER BY patient_id, id", kind: "encounter",
                                       prefix: "enc", links: links, Decode.encounter)
        // What was registered in error is not sent on: a receiver would count it as care.
        batch.contacts.removeAll { $0.value.annulment != nil }
        batch.encounters.removeAll { $0.value.annulment != nil }
        batch.discharges = try records("SELECT * FROM discharge \(filter) ORDER BY patient_id, id", kind: "discharge",
                                       prefix: "stay", links: links, Decode.discharge)
        batch.observations = try records("SELECT * FROM observation \(filter) ORDER BY patient_id, id",
                                         kind: "observation", prefix: "obs", links: links, Decode.observation)
        let referrals = try self.referrals(where: patient == nil ? "TRUE" : "patient_id = \(patient!)")
        batch.referrals = referrals.map { r in item(r, patient: r.patientId.rawValue, localId: r.id, kind: "referral",
                                                    prefix: "ref", links: links) }
        let plans = try self.plans(where: patient == nil ? "TRUE" : "patient_id = \(patient!)")
            .sorted { ($0.patientId, $0.id) < ($1.patientId, $1.id) }
        batch.plans = plans.map { p in item(p, patient: p.patientId.rawValue, localId: p.id, kind: "plan", prefix: "plan",
                                            links: links) }
        try readDirectory(whole: patient == nil)
        return batch
    }

    /// Units and staff: all of them for a whole store, those the records name for one patient.
    mutating func readDirectory(whole: Bool) throws {
        var units = Set<String>(), staff = Set<String>()
        if !whole {
            for p in batch.patients { units.formUnion(p.value.listings.map(\.unitId.rawValue)) }
            for c in batch.contacts { units.insert(c.value.unitId.rawValue); staff.insert(c.value.staffId.rawValue) }
            for e in batch.encounters { units.insert(e.value.unitId.rawValue); staff.insert(e.value.staffId.rawValue) }
            for d in batch.discharges { units.insert(d.value.unitId.rawValue) }
            for o in batch.observations {
                units.insert(o.value.unitId.rawValue)
                if let s = o.value.staffId { staff.insert(s.rawValue) }
            }
            for r in batch.referrals {
                units.formUnion([r.value.fromUnitId.rawValue, r.value.toUnitId.rawValue])
                units.formUnion(r.value.history.flatMap { [$0.unitId.rawValue] + ($0.forwardedTo.map { [$0.rawValue] } ?? []) })
                staff.insert(r.value.createdBy.rawValue)
                staff.formUnion(r.value.history.map(\.staffId.rawValue))
            }
            for p in batch.plans { units.formUnion(p.value.unitIds.map(\.rawValue)) }
        }
        let staffRows = try (whole ? db.rows("SELECT * FROM staff ORDER BY id", [])
                                   : byIds("staff", staff))
        batch.staff = staffRows.map(Decode.staff).map { s in
            Exchanged(origin: origin("Practitioner"), resourceId: Self.fhirId(s.id.rawValue), value: s)
        }
        units.formUnion(batch.staff.map(\.value.unitId.rawValue))
        let unitRows = try (whole ? db.rows("SELECT * FROM care_unit ORDER BY id", [])
                                  : byIds("care_unit", units))
        batch.units = unitRows.map(Decode.unit).map { u in
            Exchanged(origin: origin("Organization"), resourceId: Self.fhirId(u.id.rawValue), value: u)
        }
    }

    /// The rows of `table` with these ids, in id order.
    func byIds(_ table: String, _ ids: Set<String>) throws -> [Row] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        return try db.rows("SELECT * FROM \(table) WHERE id IN (\(marks)) ORDER BY id", ids.sorted())
    }

    /// The referrals `condition` selects, with their histories and pauses, in three reads.
    func referrals(where condition: String) throws -> [Referral] {
        let ids = "SELECT id FROM referral WHERE \(condition)"
        return ReferralRows.assemble(
            try db.rows("SELECT * FROM referral WHERE \(condition) ORDER BY patient_id, id", []),
            events: try db.rows("SELECT * FROM referral_event WHERE referral_id IN (\(ids)) ORDER BY id", []),
            pauses: try db.rows("SELECT * FROM referral_pause WHERE referral_id IN (\(ids)) ORDER BY id", []))
    }

    /// The plans `condition` selects, with participants, people and services, in four reads.
    func plans(where condition: String) throws -> [CoordinatedPlan] {
        let ids = "SELECT id FROM coordinated_plan WHERE \(condition)"
        return PlanRows.assemble(
            try db.rows("SELECT * FROM coordinated_plan WHERE \(condition) ORDER BY id", []),
            participants: try db.rows("SELECT * FROM plan_participant WHERE plan_id IN (\(ids)) ORDER BY rowid", []),
            people: try db.rows("SELECT * FROM plan_person WHERE plan_id IN (\(ids)) ORDER BY plan_id, position", []),
            services: try db.rows("SELECT * FROM plan_service WHERE plan_id IN (\(ids)) ORDER BY plan_id, position", []))
    }

    struct Link {
        var resourceId: String
        var identifier: ExchangeIdentifier?
    }

    func links() throws -> [String: [Int64: Link]] {
        var out: [String: [Int64: Link]] = [:]
        for row in try db.rows("SELECT * FROM exchange_link ORDER BY rowid", []) {
            let system: String? = row["identifier_system"], value: String? = row["identifier_value"]
            let ident = system.flatMap { s in value.map { ExchangeIdentifier(system: s, value: $0) } }
            let kind: String = row["kind"], local: Int64 = row["local_id"]
            if out[kind]?[local] == nil { out[kind, default: [:]][local] = Link(resourceId: row["resource_id"], identifier: ident) }
        }
        return out
    }

    func records<V>(_ sql: String, kind: String, prefix: String, links: [String: [Int64: Link]],
                    _ decode: (Row) -> V) throws -> [Exchanged<V>] {
        try db.rows(sql, []).map { row in
            item(decode(row), patient: row["patient_id"], localId: row["id"], kind: kind, prefix: prefix, links: links)
        }
    }

    func item<V>(_ value: V, patient: Int64, localId: Int64, kind: String, prefix: String,
                 links: [String: [Int64: Link]]) -> Exchanged<V> {
        let link = links[kind]?[localId]
        return Exchanged(origin: origin(kind), resourceId: link?.resourceId ?? id(prefix, localId),
                         identifier: link?.identifier, patient: index[patient].map { .batch($0) }, value: value)
    }

    func id(_ prefix: String, _ local: Int64) -> String { "\(prefix)-\(instance)-\(local)" }

    func origin(_ type: String) -> ExchangeOrigin { ExchangeOrigin(position: 0, resourceType: type, resourceId: nil) }

    /// A unit or staff id as a FHIR id: HSA-ids and logins already are one.
    static func fhirId(_ id: String) -> String {
        let allowed = id.unicodeScalars.map { s -> Character in
            (s.isASCII && (CharacterSet.alphanumerics.contains(s) || s == "-" || s == ".")) ? Character(s) : "-"
        }
        return String(String(allowed).prefix(64))
    }
}
