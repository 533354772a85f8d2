import Foundation
import NaraDomain

/// CareTeam (named contacts), Condition (problems) and CarePlan (coordinated plans).
extension ReadContext {
    mutating func readCareTeam(_ r: ResourceReader) throws {
        let patient = try subject(r)
        let ident = try identifier(r)
        let teamPeriod = try r.periodDays("period", path: "period")
        let managing = try r.array("managingOrganization").first.flatMap {
            try r.reference("m", in: .object(["m": $0]), path: "managingOrganization[0]")
        }
        let named = try r.string("name")
        let given = r.conceptText("reasonCode") ?? named
        let inactive = (try r.string("status")) == "inactive"
        var n = 0
        for (i, member) in try r.array("participant").enumerated() {
            let path = "participant[\(i)]"
            guard let ref = try r.reference("member", in: member, path: path + ".member") else { continue }
            let isPerson = entryIndex(ref).map { staffOf[$0] != nil || roleOf[$0] != nil }
                ?? (ref.typeAndId?.type == "Practitioner")
            guard isPerson else { continue }
            let staff = try self.staff(r, ref, path: path + ".member")
            let unit = try managing.map { try self.unit(r, $0, path: "managingOrganization[0]") }
                ?? (try r.reference("onBehalfOf", in: member, path: path + ".onBehalfOf")).map { try self.unit(r, $0, path: path + ".onBehalfOf") }
                ?? (try? self.unit(r, ref, path: path + ".member"))
            guard let unit, !unit.rawValue.isEmpty else { throw r.fail("managingOrganization", "missing: at which unit?") }
            let period = try r.periodDays("period", in: member, path: path + ".period")
            guard let from = period.start ?? teamPeriod.start else { throw r.fail(path + ".period.start", "missing") }
            var to = period.end ?? teamPeriod.end
            if inactive, to == nil { to = today }
            let role = Self.contactRole(r, member)
            let reason = given ?? (role == .namedPhysician ? "Fast läkarkontakt" : "Fast vårdkontakt")
            try Self.limit(r, "reasonCode", reason, 500)
            let contact = CareContact(id: 0, patientId: PatientID(0), role: role, staffId: staff, unitId: unit,
                                      reason: reason, from: from, to: to)
            var item = exchanged(r, patient: patient, contact, identifier: ident)
            if n > 0 {
                item.resourceId += "-p\(n)"
                item.identifier = ident.map { ExchangeIdentifier(system: $0.system, value: $0.value + "-p\(n)") }
            }
            batch.contacts.append(item)
            n += 1
        }
        if n == 0 { throw r.fail("participant", "no practitioner: a named contact is a person") }
    }

    /// Fast läkarkontakt or fast vårdkontakt, from this program's code or the role's words.
    static func contactRole(_ r: ResourceReader, _ member: JSON) -> ContactRole {
        let codings = r.codings("role", in: member)
        if let own = codings.first(where: { $0.system == Systems.contactRole }), let role = ContactRole(rawValue: own.code) {
            return role
        }
        let words = codings.map { ($0.display ?? "") + " " + $0.code }.joined(separator: " ").lowercased()
        return words.contains("läkarkontakt") || words.contains("named gp") || words.contains("general practitioner")
            ? .namedPhysician : .careContact
    }

    mutating func readCondition(_ r: ResourceReader) throws {
        let patient = try subject(r)
        if let status = r.codings("clinicalStatus").first?.code, ["inactive", "resolved", "remission"].contains(status) {
            batch.skipped["Condition (\(status))", default: 0] += 1
            return
        }
        if r.codings("verificationStatus").contains(where: { ["refuted", "entered-in-error"].contains($0.code) }) {
            batch.skipped["Condition (refuted)", default: 0] += 1
            return
        }
        let codings = r.codings("code")
        guard let coding = codings.first(where: { $0.system == Systems.icd10se || $0.system == Systems.icd10 })
            ?? codings.first(where: { !$0.code.isEmpty }) else {
            throw r.fail("code", "missing: an ICD-10 code")
        }
        let code = coding.code.uppercased()
        guard Problem.isValidCode(code) else { throw r.fail("code.coding.code", "\"\(coding.code)\" is not an ICD-10 code") }
        let text = CleanText.line(r.conceptText("code") ?? coding.display ?? code)
        let chronic = r.codings("category").contains { $0.system == Systems.chronic && $0.code == "chronic" }
            || (!r.codings("category").contains { $0.system == Systems.chronic } && Self.chronicCodes.contains { code.hasPrefix($0) })
        let since = try r.dateOrDateTimeIfPresent("onsetDateTime", path: "onsetDateTime")
            ?? r.dateOrDateTimeIfPresent("recordedDate", path: "recordedDate")
        let problem = Problem(id: 0, patientId: PatientID(0), code: code, text: String(text.prefix(200)),
                              chronic: chronic, since: since)
        batch.problems.append(exchanged(r, patient: patient, problem, identifier: try identifier(r)))
    }

    /// Diagnoses that are chronic by nature, for files that do not say: diabetes,
    /// hypertension, heart disease, COPD and asthma, kidney failure, dementia, arthritis.
    static let chronicCodes = ["E10", "E11", "E12", "E13", "E14", "I10", "I11", "I12", "I13", "I20", "I25", "I48",
                               "I50", "J44", "J45", "N18", "F00", "F01", "F02", "F03", "G30", "M05", "M06", "G20",
                               "E03", "M15", "M16", "M17", "K50", "K51", "G35", "F20", "F31"]

    mutating func readCarePlan(_ r: ResourceReader) throws {
        let patient = try subject(r)
        let status = try r.string("status") ?? "active"
        if status == "entered-in-error" {
            batch.skipped["CarePlan (entered-in-error)", default: 0] += 1
            return
        }
        guard let author = try r.reference("author", path: "author") else {
            throw r.fail("author", "missing: which unit is responsible?")
        }
        let responsible = try unit(r, author, path: "author")
        var participants: [PlanParticipant] = []
        for (i, c) in try r.array("contributor").enumerated() {
            guard let ref = try r.reference("c", in: .object(["c": c]), path: "contributor[\(i)]") else { continue }
            let unit = try self.unit(r, ref, path: "contributor[\(i)]")
            let role = CleanText.line(c["display"]?.string ?? "")
            if !participants.contains(where: { $0.unitId == unit }) {
                participants.append(PlanParticipant(unitId: unit, role: String(role.prefix(200))))
            }
        }
        let description = try r.string("description")
        let title = try r.string("title")
        let goal = description ?? title ?? ""
        try Self.limit(r, "description", goal, 2000)
        let period = try r.periodDays("period", path: "period")
        let created = try r.dateOrDateTimeIfPresent("created", path: "created")
        guard let agreed = period.start ?? created else { throw r.fail("period.start", "missing: when was it agreed?") }
        let followUp = try r.array("extension").first { $0["url"]?.string == Systems.followUpExtension }
            .flatMap { try r.date("valueDate", in: $0, path: "extension.followUp") }
        let closed: LocalDate? = ["completed", "revoked"].contains(status) ? (period.end ?? today) : nil
        let plan = CoordinatedPlan(id: 0, patientId: PatientID(0), responsibleUnitId: responsible,
                                   participants: participants, goal: goal, agreedOn: agreed,
                                   followUpOn: followUp ?? (closed == nil ? period.end : nil), closedOn: closed)
        batch.plans.append(exchanged(r, patient: patient, plan, identifier: try identifier(r)))
    }
}

extension ResourceReader {
    func dateOrDateTimeIfPresent(_ key: String, path: String) throws -> LocalDate? {
        guard json[key] != nil else { return nil }
        return try dateOrDateTime(key, in: json, path: path)
    }
}
