import Foundation
import NaraDomain

extension ReadContext {
    /// The measurements primary care follows, by LOINC code: HbA1c (mmol/mol), blood
    /// pressure (a panel with systolic and diastolic components), body weight, BMI, eGFR
    /// and smoking status (a SNOMED CT answer). Other codes, and observations that are
    /// not final, are skipped and counted. The unit is the performer Organization, else
    /// the performing practitioner's unit.
    mutating func readObservation(_ r: ResourceReader) throws {
        let codes = r.codings("code")
        guard let kind = codes.lazy.filter({ $0.system == Systems.loinc }).compactMap({ ObservationKind.of(loinc: $0.code) }).first
        else {
            batch.skipped["Observation (code not followed)", default: 0] += 1
            return
        }
        let status = try r.string("status") ?? "final"
        guard ["final", "amended", "corrected", "preliminary"].contains(status) else {
            batch.skipped["Observation (\(status))", default: 0] += 1
            return
        }
        let patient = try subject(r)
        let ident = try identifier(r)
        guard let at = try r.dateTime("effectiveDateTime", path: "effectiveDateTime")
                ?? r.dateTime("issued", path: "issued") else {
            throw r.fail("effectiveDateTime", "missing: when was it measured?")
        }
        var unit: UnitID?, staff: StaffID?
        for (i, ref) in try r.array("performer").enumerated() {
            let path = "performer[\(i)]"
            guard let reference = try r.reference("performer", in: .object(["performer": ref]), path: path) else { continue }
            let type = reference.typeAndId?.type ?? entryIndex(reference).map { entries[$0].origin.resourceType }
            if type == "Organization", unit == nil {
                unit = try self.unit(r, reference, path: path)
            } else if type == "Practitioner" || type == "PractitionerRole", staff == nil {
                staff = try self.staff(r, reference, path: path)
                if unit == nil, let e = entryIndex(reference) {
                    unit = roleOf[e]?.unit ?? staffOf[e].map { batch.staff[$0].value.unitId }
                    if unit?.rawValue.isEmpty == true { unit = nil }
                }
            }
        }
        guard let unit else { throw r.fail("performer", "missing: which unit documented it?") }
        var o = Observation(id: 0, patientId: PatientID(0), kind: kind, at: at, unitId: unit, staffId: staff)
        switch kind {
        case .smoking:
            guard let status = r.codings("valueCodeableConcept").lazy.filter({ $0.system == Systems.snomed })
                .compactMap({ SmokingStatus.of(snomed: $0.code) }).first else {
                throw r.fail("valueCodeableConcept", "not a SNOMED CT smoking status (77176002, 8517006, 266919005)")
            }
            o.smoking = status
        case .bloodPressure:
            for (i, component) in try r.array("component").enumerated() {
                let code = r.codings("code", in: component).first { $0.system == Systems.loinc }?.code
                let value = try quantity(r, in: component, path: "component[\(i)].valueQuantity", kind: kind)
                if code == ObservationKind.systolicLoinc { o.value = value }
                if code == ObservationKind.diastolicLoinc { o.value2 = value }
            }
            guard o.value != nil, o.value2 != nil else {
                throw r.fail("component", "a blood pressure needs systolic (8480-6) and diastolic (8462-4) components")
            }
        default:
            o.value = try quantity(r, in: r.json, path: "valueQuantity", kind: kind)
            guard o.value != nil else { throw r.fail("valueQuantity", "missing") }
        }
        batch.observations.append(exchanged(r, patient: patient, o, identifier: ident))
    }

    /// A `valueQuantity` in the unit the kind is kept in (UCUM code, or the unit's text).
    private func quantity(_ r: ResourceReader, in object: JSON, path: String, kind: ObservationKind) throws -> Double? {
        guard let q = object["valueQuantity"] else { return nil }
        guard case .number(let value)? = q["value"] else { throw r.fail(path + ".value", "expected a number") }
        let unit = q["code"]?.string ?? q["unit"]?.string ?? ""
        let accepted: Set<String> = [kind.ucum ?? "", kind.unitText, "mmHg", "kg/m²", "mL/min/1.73m2", "ml/min/1,73 m²"]
        guard accepted.contains(unit) else {
            throw r.fail(path + ".code", "\"\(unit)\" is not \(kind.ucum ?? "") (\(kind.rawValue) is kept in that unit)")
        }
        return value
    }
}
