import NaraDomain

/// Organization, Practitioner and PractitionerRole: the units and staff that the
/// clinical resources name.
extension ReadContext {
    mutating func readOrganization(_ r: ResourceReader, entry: Int) throws {
        let hsa = try r.array("identifier").first { $0["system"]?.string == Systems.hsa }?["value"]?.string
        let name = try r.string("name") ?? r.string("alias")
        guard let name else { throw r.fail("name", "missing") }
        let id = UnitID(hsa ?? r.id)
        let kind = r.code("type", system: Systems.unitKind).flatMap(UnitKind.init(rawValue:)) ?? Self.guessKind(name)
        let principal = r.code("type", system: Systems.principal).flatMap(Principal.init(rawValue:))
            ?? (name.lowercased().contains("kommun") ? .municipality : .region)
        unitOf[entry] = id
        batch.units.append(exchanged(r, patient: nil, CareUnit(id: id, name: name, principal: principal, kind: kind)))
    }

    /// Another system's Organization says nothing this program's unit kinds know; the
    /// Swedish name of a unit nearly always does.
    static func guessKind(_ name: String) -> UnitKind {
        let n = name.lowercased()
        if n.contains("vårdcentral") || n.contains("hälsocentral") || n.contains("husläkar") { return .primaryCare }
        if n.contains("hemsjukvård") || n.contains("hemtjänst") { return .homeCare }
        if n.contains("socialtjänst") || n.contains("elevhälsa") { return .socialServices }
        if n.contains("avdelning") { return .hospital }
        if n.contains("mottagning") || n.contains("klinik") { return .specialist }
        if n.contains("sjukhus") || n.contains("lasarett") { return .hospital }
        return .other
    }

    mutating func readPractitioner(_ r: ResourceReader, entry: Int) throws {
        let hsa = try r.array("identifier").first { $0["system"]?.string == Systems.hsa }?["value"]?.string
        guard let name = try Self.humanName(r) else { throw r.fail("name", "missing") }
        let profession = Self.profession(r, key: "qualification") ?? .other
        let staff = Staff(id: StaffID(r.id), name: name, profession: profession, unitId: UnitID(""),
                          roles: Self.roles(for: profession), hsaId: hsa,
                          active: r.json["active"]?.bool ?? true)
        staffOf[entry] = batch.staff.count
        batch.staff.append(exchanged(r, patient: nil, staff))
    }

    mutating func readRole(_ r: ResourceReader, entry: Int) throws {
        var staff: StaffID?
        var unit: UnitID?
        if let ref = try r.reference("organization", path: "organization") {
            unit = try self.unit(r, ref, path: "organization")
        }
        if let ref = try r.reference("practitioner", path: "practitioner") {
            guard let i = entryIndex(ref), let s = staffOf[i] else {
                staff = try self.staff(r, ref, path: "practitioner")
                roleOf[entry] = (staff, unit)
                return
            }
            staff = batch.staff[s].value.id
            // The first role with an organization decides where the person works.
            if let unit, batch.staff[s].value.unitId.rawValue.isEmpty { batch.staff[s].value.unitId = unit }
            if let coded = Self.profession(r, key: "code"), batch.staff[s].value.profession == .other {
                batch.staff[s].value.profession = coded
                batch.staff[s].value.roles = Self.roles(for: coded)
            }
        }
        roleOf[entry] = (staff, unit)
    }

    /// Staff whose unit no PractitionerRole gave work where their encounters were.
    mutating func settleStaffUnits() throws {
        for i in batch.staff.indices where batch.staff[i].value.unitId.rawValue.isEmpty {
            let id = batch.staff[i].value.id
            if let unit = batch.encounters.first(where: { $0.value.staffId == id })?.value.unitId
                ?? batch.contacts.first(where: { $0.value.staffId == id })?.value.unitId {
                batch.staff[i].value.unitId = unit
            }
        }
    }

    static func humanName(_ r: ResourceReader) throws -> String? {
        let names = try r.array("name")
        let chosen = names.first { $0["use"]?.string == "official" } ?? names.first
        guard let chosen else { return nil }
        if let text = try r.string("text", in: chosen, path: "name.text") { return CleanText.line(text) }
        let given = (chosen["given"]?.array ?? []).compactMap(\.string).joined(separator: " ")
        let family = chosen["family"]?.string ?? ""
        let full = CleanText.line(given + " " + family)
        return full.isEmpty ? nil : full
    }

    static func roles(for profession: Profession) -> Set<StaffRole> {
        switch profession {
        case .physician: return [.physician]
        case .nurse, .districtNurse: return [.nurse]
        case .assistantNurse: return [.assistantNurse]
        case .secretary: return [.secretary]
        case .coordinator: return [.careCoordinator]
        default: return profession.isLicensed ? [.otherLicensed] : []
        }
    }

    /// A profession from this program's code, a SNOMED CT occupation, or the words a
    /// Swedish or English title uses.
    static func profession(_ r: ResourceReader, key: String) -> Profession? {
        var concepts: [(system: String, code: String, display: String?)] = []
        if key == "qualification" {
            for q in r.json["qualification"]?.array ?? [] { concepts += r.codings("code", in: q) }
        } else {
            concepts = r.codings(key)
        }
        if let own = concepts.first(where: { $0.system == Systems.profession }), let p = Profession(rawValue: own.code) {
            return p
        }
        let snomed: [String: Profession] = ["309343006": .physician, "158965000": .physician, "62247001": .physician,
                                            "224535009": .nurse, "106292003": .nurse, "224571005": .districtNurse,
                                            "36682004": .physiotherapist, "80546007": .occupationalTherapist,
                                            "59944000": .psychologist, "159033005": .dietitian,
                                            "106328005": .counsellor]
        for c in concepts { if let p = snomed[c.code] { return p } }
        for c in concepts {
            let words = ((c.display ?? "") + " " + c.code).lowercased()
            let table: [(String, Profession)] = [
                ("distriktssköterska", .districtNurse), ("undersköterska", .assistantNurse),
                ("sjuksköterska", .nurse), ("nurse", .nurse), ("läkare", .physician), ("physician", .physician),
                ("doctor", .physician), ("fysioterapeut", .physiotherapist), ("sjukgymnast", .physiotherapist),
                ("physiotherapist", .physiotherapist), ("arbetsterapeut", .occupationalTherapist),
                ("psykolog", .psychologist), ("kurator", .counsellor), ("dietist", .dietitian),
                ("koordinator", .coordinator), ("samordnare", .coordinator), ("sekreterare", .secretary),
            ]
            if let hit = table.first(where: { words.contains($0.0) }) { return hit.1 }
        }
        return nil
    }
}
