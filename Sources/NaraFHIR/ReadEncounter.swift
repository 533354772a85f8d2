import Foundation
import NaraDomain

extension ReadContext {
    static let inpatientClasses: Set<String> = ["IMP", "ACUTE", "NONAC"]

    mutating func readEncounter(_ r: ResourceReader) throws {
        let patient = try subject(r)
        let status = try r.string("status") ?? "finished"
        // Planned, cancelled and mistaken encounters never happened: they count for nothing.
        guard ["finished", "arrived", "in-progress", "triaged", "onleave"].contains(status) else {
            batch.skipped["Encounter (\(status))", default: 0] += 1
            return
        }
        let ident = try identifier(r)
        let classCode = r.json["class"]?["code"]?.string ?? ""
        let period = try r.period("period", path: "period")
        guard let start = period.start else { throw r.fail("period.start", "missing: when was the encounter?") }

        var unit: UnitID? = try r.reference("serviceProvider", path: "serviceProvider")
            .map { try self.unit(r, $0, path: "serviceProvider") }

        if Self.inpatientClasses.contains(classCode) {
            guard let end = period.end else {
                // A stay going on, told by the ward (`hospitalization`): an admission notice.
                guard r.json["hospitalization"] != nil else {
                    batch.skipped["Encounter (still admitted)", default: 0] += 1
                    return
                }
                guard let unit else { throw r.fail("serviceProvider", "missing: which ward?") }
                let notice = DischargeNotice(id: 0, patientId: PatientID(0), wardUnitId: unit, unitId: unit,
                                             admittedOn: LocalDate(date: start, in: .stockholm), recordedBy: "")
                batch.dischargeNotices.append(exchanged(r, patient: patient, notice, identifier: ident))
                return
            }
            guard let unit else { throw r.fail("serviceProvider", "missing: which ward?") }
            let stay = HospitalDischarge(id: 0, patientId: PatientID(0), unitId: unit,
                                         admittedOn: LocalDate(date: start, in: .stockholm),
                                         dischargedOn: LocalDate(date: end, in: .stockholm))
            guard stay.dischargedOn >= stay.admittedOn else { throw r.fail("period.end", "before period.start") }
            batch.discharges.append(exchanged(r, patient: patient, stay, identifier: ident))
            return
        }

        let participants = try r.array("participant")
        let primary = participants.firstIndex { p in
            r.codings("type", in: p).contains { $0.code == "PPRF" }
        } ?? participants.firstIndex { $0["individual"] != nil }
        guard let primary, let ref = try r.reference("individual", in: participants[primary],
                                                     path: "participant[\(primary)].individual") else {
            throw r.fail("participant", "no practitioner: an encounter is with someone")
        }
        let staff = try self.staff(r, ref, path: "participant[\(primary)].individual")
        if unit == nil, let i = entryIndex(ref) {
            unit = roleOf[i]?.unit ?? staffOf[i].map { batch.staff[$0].value.unitId }
            if unit?.rawValue.isEmpty == true { unit = nil }
        }
        guard let unit else { throw r.fail("serviceProvider", "missing: at which unit?") }

        let reason = r.conceptText("reasonCode") ?? r.conceptText("type").flatMap { text in
            EncounterMode(rawValue: text) == nil ? text : nil
        } ?? ""
        try Self.limit(r, "reasonCode", reason, 500)
        let encounter = Encounter(id: 0, patientId: PatientID(0), at: start, mode: Self.mode(r, classCode: classCode),
                                  planned: Self.planned(r), staffId: staff, unitId: unit, reason: reason)
        batch.encounters.append(exchanged(r, patient: patient, encounter, identifier: ident))
    }

    /// Visit, phone, video, chat or home visit: this program's code when there is one,
    /// else the class (AMB, HH, VR) and the words of the type.
    static func mode(_ r: ResourceReader, classCode: String) -> EncounterMode {
        if let own = r.code("type", system: Systems.encounterMode).flatMap(EncounterMode.init(rawValue:)) { return own }
        let words = r.codings("type").map { ($0.display ?? "") + " " + $0.code }.joined(separator: " ").lowercased()
        if words.contains("telefon") || words.contains("phone") { return .phone }
        if words.contains("chatt") || words.contains("chat") { return .chat }
        if words.contains("video") { return .video }
        switch classCode {
        case "HH": return .homeVisit
        case "VR": return .video
        default: return .visit
        }
    }

    /// Unplanned when the priority says urgent or emergency; planned otherwise.
    static func planned(_ r: ResourceReader) -> Bool {
        let codes = r.codings("priority").map(\.code)
        return !codes.contains { ["UR", "EM", "A", "S", "CR"].contains($0) }
    }
}
