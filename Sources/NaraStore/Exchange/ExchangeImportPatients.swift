import Foundation
import GRDB
import NaraDomain

/// Patients in an import: a new one is inserted with its listings; one already in the
/// store takes the file's changes under the policy and the conflict rule (docs/INTEROP.md).
extension ImportRun {
    mutating func importPatients() throws {
        for (index, item) in batch.patients.enumerated() {
            tick()
            let p = item.value.patient
            let ident = p.identifier
            var id: Int64? = try db.rows("SELECT id FROM patient WHERE ident = ?", [ident.value]).first?["id"]
            if id == nil {
                let given = try text(p.givenName, item.origin, "name.given", 200, min: 1)
                let family = try text(p.familyName, item.origin, "name.family", 200, min: 1)
                id = try db.insert("""
                    INSERT INTO patient(ident, ident_short, ident_kind, given_name, family_name, search_name, sex,
                                        birth_date, street, postal_code, city, phone, protected, protection_label,
                                        deceased, deceased_on, next_of_kin, interpreter, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [ident.value, String(ident.value.suffix(10)), ident.kind.rawValue, given, family,
                                     p.protectedIdentity ? "" : SearchFolding.fold(given + " " + family), p.sex.rawValue,
                                     p.birthDate?.iso, p.address?.street, p.address?.postalCode, p.address?.city,
                                     p.phone, p.protectedIdentity, protectionLabel(item), p.deceased, p.deceasedOn?.iso,
                                     SQLiteStore.encodeNextOfKin(p.nextOfKin), p.interpreter?.language,
                                     item.value.lastUpdated.map { Int64($0.timeIntervalSince1970.rounded(.down)) }])
                written.insert(id!)
                summary.created["Patient", default: 0] += 1
                try insertListings(item, patient: id!)
            } else {
                try update(item, patient: id!)
            }
            let patient = id!
            patients[index] = (patient, ident.value)
            _ = try db.insertIfMissing("""
                INSERT INTO exchange_link(kind, match_key, local_id, resource_id) VALUES ('patient', ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, ["ident:" + ident.value, patient, item.resourceId])
            for local in item.value.localIdentifiers {
                if try db.insertIfMissing("""
                    INSERT INTO patient_identifier(patient_id, system, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                    """, [patient, String(local.system.prefix(300)), String(local.value.prefix(300))]) {
                    summary.localIdentifiers += 1
                    written.insert(patient)
                }
            }
        }
    }

    func protectionLabel(_ item: Exchanged<ExchangedPatient>) -> String? {
        item.value.patient.protectedIdentity ? item.value.protectionLabel.map { String($0.prefix(40)) } : nil
    }

    /// A patient already in the store takes what the file says of name, address, phone,
    /// protected identity and death, field by field (a field the file leaves out is kept), unless the store's row changed after
    /// the file's `meta.lastUpdated` (a conflict) or the policy refuses the importing user:
    /// then nothing of it is written and the summary says why. One exception: a file that
    /// marks the patient protected applies that at once whatever else is held back, since
    /// showing a protected name is the harm and hiding one is not.
    mutating func update(_ item: Exchanged<ExchangedPatient>, patient: Int64) throws {
        guard let row = try db.rows("SELECT * FROM patient WHERE id = ?", [patient]).first else { return }
        let old = Decode.patient(row)
        let oldLabel: String? = row["protection_label"]
        var new = item.value.patient
        new.givenName = try text(new.givenName, item.origin, "name.given", 200, min: 1)
        new.familyName = try text(new.familyName, item.origin, "name.family", 200, min: 1)
        // What the file leaves out stays as it is: many systems send no address or phone.
        // A death is recorded, never undone by a file; `deceasedBoolean` keeps a known day.
        if new.address == nil { new.address = old.address }
        if new.phone == nil { new.phone = old.phone }
        if new.nextOfKin.isEmpty { new.nextOfKin = old.nextOfKin }
        if new.interpreter == nil { new.interpreter = old.interpreter }
        if !new.deceased || new.deceasedOn == nil {
            new.deceased = new.deceased || old.deceased
            new.deceasedOn = old.deceasedOn
        }
        let label = protectionLabel(item)
        let fields = PatientChange.fields(from: old, oldLabel: oldLabel, to: new, newLabel: label)
        guard !fields.isEmpty else {
            summary.unchanged["Patient", default: 0] += 1
            return
        }
        let resource = "\(item.origin.resourceType)/\(item.resourceId)"
        let who = resource + " (" + old.identifier.display + ")"
        let storeChanged = (row["updated_at"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        var refusal: String?
        if let storeChanged, let fileChanged = item.value.lastUpdated, storeChanged > fileChanged {
            refusal = "\(who): conflict: the store's record changed at \(Self.utc(storeChanged))"
                + ((row["updated_by"] as String?).map { " (\($0))" } ?? "")
                + ", after the file's meta.lastUpdated \(Self.utc(fileChanged)); not overwritten"
        } else {
            do { grants[patient] = try authorize(patient) } catch {
                refusal = "\(who): not changed: \(error)"
            }
        }
        if let refusal {
            summary.conflicts.append(refusal)
            if new.protectedIdentity && !old.protectedIdentity {
                try db.run("UPDATE patient SET protected = TRUE, protection_label = ?, search_name = '' WHERE id = ?",
                           [label, patient])
                written.insert(patient)
                changedFields[patient] = ["protection"]
                summary.updated["Patient", default: 0] += 1
                summary.changes.append(PatientChange(patient: old.identifier.display, patientId: old.id, resource: resource,
                                                     fields: fields.filter { $0.name == "protection" },
                                                     protectedIdentity: true))
            } else {
                summary.unchanged["Patient", default: 0] += 1
            }
            return
        }
        let keptLabel = new.protectedIdentity ? label ?? oldLabel : nil
        let changedAt = Int64((item.value.lastUpdated ?? now).timeIntervalSince1970.rounded(.down))
        try db.run("""
            UPDATE patient SET given_name = ?, family_name = ?, search_name = ?, street = ?, postal_code = ?, city = ?,
                               phone = ?, protected = ?, protection_label = ?, deceased = ?, deceased_on = ?,
                               next_of_kin = ?, interpreter = ?, updated_at = ?, updated_by = ?
            WHERE id = ?
            """, [new.givenName, new.familyName,
                             new.protectedIdentity ? "" : SearchFolding.fold(new.givenName + " " + new.familyName),
                             new.address?.street, new.address?.postalCode, new.address?.city, new.phone,
                             new.protectedIdentity, keptLabel, new.deceased, new.deceasedOn?.iso,
                             SQLiteStore.encodeNextOfKin(new.nextOfKin), new.interpreter?.language,
                             changedAt, String(editor.prefix(100)), patient])
        written.insert(patient)
        changedFields[patient] = fields.map(\.name)
        summary.updated["Patient", default: 0] += 1
        summary.changes.append(PatientChange(patient: old.identifier.display, patientId: old.id, resource: resource,
                                             fields: fields,
                                             protectedIdentity: old.protectedIdentity || new.protectedIdentity))
    }

    static func utc(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withInternetDateTime])
    }

    /// Ended listings first, so the one active listing goes in last and never clashes.
    mutating func insertListings(_ item: Exchanged<ExchangedPatient>, patient: Int64) throws {
        let listings = item.value.listings.sorted { ($0.to == nil ? 1 : 0, $0.from) < ($1.to == nil ? 1 : 0, $1.from) }
        var active = false
        for l in listings {
            if l.to == nil {
                guard !active else { throw ImportError(origin: item.origin, problem: "more than one active listing") }
                active = true
            }
            try db.run("INSERT INTO listing(patient_id, unit_id, from_date, to_date) VALUES (?, ?, ?, ?)",
                       [patient, try unitId(l.unitId, item.origin), l.from.iso, l.to?.iso])
        }
    }

    /// The store row of the patient a record belongs to.
    func patient(_ ref: PatientRef?, _ origin: ExchangeOrigin) throws -> (id: Int64, ident: String) {
        switch ref {
        case .batch(let i)?:
            return patients[i]!
        case .resource(let id)?:
            let rows = try db.rows("""
                SELECT DISTINCT p.id, p.ident FROM exchange_link l JOIN patient p ON p.id = l.local_id
                WHERE l.kind = 'patient' AND l.resource_id = ? LIMIT 2
                """, [id])
            // Two systems may both have a Patient/1: then the id alone cannot say who.
            guard rows.count < 2 else {
                throw ImportError(origin: origin, problem: "subject: Patient/\(id) names more than one patient in the store; import the records in one file with their patients")
            }
            if let row = rows.first { return (row["id"], row["ident"]) }
            throw ImportError(origin: origin, problem: "subject: Patient/\(id) is neither in the file nor in the store")
        case nil:
            throw ImportError(origin: origin, problem: "subject: missing")
        }
    }
}
