import Foundation
import NaraDomain

/// One function a resource type; the reader's matching code is in the Read*.swift files.
extension FHIRWriter {
    func organization(_ u: CareUnit) -> [String: JSON] {
        var r: [String: JSON] = [
            "name": .string(u.name), "active": .bool(true),
            "type": .array([Self.coding(Systems.unitKind, u.kind.rawValue), Self.coding(Systems.principal, u.principal.rawValue)]),
        ]
        if Systems.isHSA(u.id.rawValue) {
            r["identifier"] = .array([.object(["system": .string(Systems.hsa), "value": .string(u.id.rawValue)])])
        }
        return r
    }

    func practitioner(_ s: Staff) -> [String: JSON] {
        var r: [String: JSON] = [
            "active": .bool(s.active),
            "name": .array([.object(["text": .string(s.name)])]),
            "qualification": .array([.object(["code": Self.coding(Systems.profession, s.profession.rawValue)])]),
        ]
        if let hsa = s.hsaId { r["identifier"] = .array([.object(["system": .string(Systems.hsa), "value": .string(hsa)])]) }
        return r
    }

    func role(_ s: Staff, practitionerId: String) -> [String: JSON] {
        ["practitioner": .object(["reference": .string("Practitioner/\(practitionerId)")]),
         "organization": unitRef(s.unitId),
         "code": .array([Self.coding(Systems.profession, s.profession.rawValue)])]
    }

    func patient(_ e: Exchanged<ExchangedPatient>) -> [String: JSON] {
        let p = e.value.patient
        // A region's reserve number as the region writes it (Gävleborg's has a hyphen).
        let value = p.identifier.kind.region == nil ? p.identifier.value : p.identifier.display
        var identifiers: [JSON] = [.object(["system": .string(Systems.system(for: p.identifier.kind)),
                                            "value": .string(value)])]
        identifiers += e.value.localIdentifiers.map { .object(["system": .string($0.system), "value": .string($0.value)]) }
        var r: [String: JSON] = [
            "identifier": .array(identifiers),
            "name": .array([.object(["use": "official", "family": .string(p.familyName),
                                     "given": .array(p.givenName.split(separator: " ").map { .string(String($0)) })])]),
            "gender": .string(p.sex == .unknown ? "unknown" : p.sex.rawValue),
        ]
        if let b = p.birthDate { r["birthDate"] = .string(b.iso) }
        if let a = p.address {
            var address: [String: JSON] = ["line": .array([.string(a.street)])]
            if !a.postalCode.isEmpty { address["postalCode"] = .string(a.postalCode) }
            if !a.city.isEmpty { address["city"] = .string(a.city) }
            r["address"] = .array([.object(address)])
        }
        if let phone = p.phone { r["telecom"] = .array([.object(["system": "phone", "value": .string(phone)])]) }
        if !p.nextOfKin.isEmpty { r["contact"] = .array(p.nextOfKin.map(Self.contact)) }
        if let need = p.interpreter {
            r["communication"] = .array([.object([
                "language": Self.coding(Systems.bcp47, need.language),
                "preferred": .bool(true)])])
        }
        var meta: [String: JSON] = [:]
        if let changed = e.value.lastUpdated { meta["lastUpdated"] = Self.instant(changed) }
        if p.protectedIdentity { meta["security"] = .array(Self.protectionLabels(e.value.protectionLabel)) }
        if !meta.isEmpty { r["meta"] = .object(meta) }
        if let day = p.deceasedOn {
            r["deceasedDateTime"] = .string(day.iso)
        } else if p.deceased {
            r["deceasedBoolean"] = .bool(true)
        }
        var extensions: [JSON] = p.interpreter == nil ? [] : [.object(["url": .string(Systems.interpreterRequired),
                                                                        "valueBoolean": .bool(true)])]
        extensions += e.value.listings.map { l in
            Self.ext(Systems.listingExtension, [("unit", "valueReference", unitRef(l.unitId)),
                                                ("period", "valuePeriod", Self.period(l.from, l.to))])
        }
        if !extensions.isEmpty { r["extension"] = .array(extensions) }
        if !e.value.listings.isEmpty {
            if let active = e.value.listings.first(where: { $0.to == nil }) {
                r["generalPractitioner"] = .array([unitRef(active.unitId)])
            }
        }
        return r
    }

    /// A next of kin as a Patient.contact: the relation in the person's words, coded as
    /// v2-0131 "N" (next of kin) so that a receiver knows what kind of contact it is.
    static func contact(_ k: NextOfKin) -> JSON {
        var c: [String: JSON] = [
            "relationship": .array([.object([
                "coding": .array([.object(["system": .string(Systems.v2ContactRole), "code": "N"])]),
                "text": .string(k.relation)])]),
            "name": .object(["text": .string(k.name)]),
        ]
        if let phone = k.phone { c["telecom"] = .array([.object(["system": "phone", "value": .string(phone)])]) }
        return .object(c)
    }

    /// HL7 Sweden's label, with the code that came in when it was one of HL7 Sweden's
    /// (else `sekretessmarkering`); then v3 Confidentiality for receivers outside Sweden,
    /// `V` when that came in, else `R`.
    static func protectionLabels(_ kept: String?) -> [JSON] {
        let code = kept.flatMap { Systems.securityLabelSECodes[$0] == nil ? nil : $0 } ?? "sekretessmarkering"
        let v3 = kept == "V" ? "V" : "R"
        return [
            .object(["system": .string(Systems.securityLabelSE), "code": .string(code),
                     "display": .string(Systems.securityLabelSECodes[code]!)]),
            .object(["system": .string(Systems.v3Confidentiality), "code": .string(v3),
                     "display": .string(v3 == "V" ? "very restricted" : "restricted")]),
        ]
    }

    func careTeam(_ e: Exchanged<CareContact>) -> [String: JSON] {
        let c = e.value
        var r: [String: JSON] = [
            "status": .string(c.to == nil ? "active" : "inactive"),
            "subject": patientRef(e.patient),
            "managingOrganization": .array([unitRef(c.unitId)]),
            "reasonCode": .array([.object(["text": .string(c.reason)])]),
            "participant": .array([.object([
                "member": staffRef(c.staffId),
                "role": .array([Self.coding(Systems.contactRole, c.role.rawValue,
                                            c.role == .namedPhysician ? "Fast läkarkontakt" : "Fast vårdkontakt")]),
                "period": Self.period(c.from, c.to),
            ])]),
        ]
        if let ids = Self.identifiers(e.identifier) { r["identifier"] = ids }
        return r
    }

    func condition(_ e: Exchanged<Problem>) -> [String: JSON] {
        let p = e.value
        var code = Self.coding(Systems.icd10se, p.code, p.text)
        if case .object(var o) = code { o["text"] = .string(p.text); code = .object(o) }
        var r: [String: JSON] = [
            "subject": patientRef(e.patient),
            "code": code,
            "clinicalStatus": Self.coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
            "category": .array([Self.coding(Systems.conditionCategory, "problem-list-item"),
                                Self.coding(Systems.chronic, p.chronic ? "chronic" : "not-chronic")]),
        ]
        if let since = p.since { r["onsetDateTime"] = .string(since.iso) }
        if let ids = Self.identifiers(e.identifier) { r["identifier"] = ids }
        return r
    }

    func encounter(_ e: Exchanged<Encounter>) -> [String: JSON] {
        let x = e.value
        let classCode: String
        switch x.mode {
        case .homeVisit: classCode = "HH"
        case .video, .phone, .chat: classCode = "VR"
        case .visit: classCode = "AMB"
        }
        var r: [String: JSON] = [
            "status": "finished",
            "class": .object(["system": .string(Systems.v3ActCode), "code": .string(classCode)]),
            "type": .array([Self.coding(Systems.encounterMode, x.mode.rawValue)]),
            "priority": Self.coding(Systems.v3ActPriority, x.planned ? "EL" : "UR"),
            "subject": patientRef(e.patient),
            "participant": .array([.object([
                "type": .array([Self.coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PPRF")]),
                "individual": staffRef(x.staffId),
            ])]),
            "period": .object(["start": Self.dateTime(x.at)]),
            "serviceProvider": unitRef(x.unitId),
        ]
        if !x.reason.isEmpty { r["reasonCode"] = .array([.object(["text": .string(x.reason)])]) }
        if let ids = Self.identifiers(e.identifier) { r["identifier"] = ids }
        return r
    }

    func stay(_ e: Exchanged<HospitalDischarge>) -> [String: JSON] {
        var r: [String: JSON] = [
            "status": "finished",
            "class": .object(["system": .string(Systems.v3ActCode), "code": "IMP"]),
            "subject": patientRef(e.patient),
            "period": Self.period(e.value.admittedOn, e.value.dischargedOn),
            "serviceProvider": unitRef(e.value.unitId),
        ]
        if let ids = Self.identifiers(e.identifier) { r["identifier"] = ids }
        return r
    }

    func serviceRequest(_ e: Exchanged<Referral>) -> [String: JSON] {
        let x = e.value
        let status: String
        switch x.state {
        case .draft: status = "draft"
        case .cancelled, .rejected: status = "revoked"
        case .answered, .acknowledged: status = "completed"
        default: status = "active"
        }
        let fhirPriority: String
        switch x.priority {
        case .urgent: fhirPriority = "asap"
        case .priority: fhirPriority = "urgent"
        default: fhirPriority = "routine"
        }
        var extensions: [JSON] = [.object(["url": .string(Systems.priority), "valueCode": .string(x.priority.rawValue)])]
        if x.selfReferral { extensions.append(.object(["url": .string(Systems.selfReferralExtension), "valueBoolean": .bool(true)])) }
        var r: [String: JSON] = [
            "status": .string(status), "intent": "order", "priority": .string(fhirPriority),
            "subject": patientRef(e.patient),
            "requester": staffRef(x.createdBy),
            "performer": .array([unitRef(x.toUnitId)]),
            "category": .array([Self.coding(Systems.guarantee, x.guarantee.rawValue)]),
            "note": .array([.object(["text": .string(x.question)])]),
            "authoredOn": Self.dateTime(x.createdAt),
            "extension": .array(extensions),
        ]
        // The requester is a person; the unit that sent it is said beside them.
        r["requester"] = staffRef(x.createdBy)
        r["locationReference"] = nil
        if let ids = Self.identifiers(e.identifier) { r["identifier"] = ids }
        return r
    }

    func task(_ e: Exchanged<Referral>) -> [String: JSON] {
        let x = e.value
        let status: String
        switch x.state {
        case .draft: status = "draft"
        case .sent: status = "requested"
        case .received: status = "received"
        case .accepted, .forwarded: status = "accepted"
        case .rejected: status = "rejected"
        case .booked, .seen: status = "in-progress"
        case .answered, .acknowledged: status = "completed"
        case .cancelled: status = "cancelled"
        }
        var extensions: [JSON] = x.history.map { h in
            var parts: [(String, String, JSON)] = [
                ("at", "valueDateTime", Self.dateTime(h.at)), ("staff", "valueReference", staffRef(h.staffId)),
                ("unit", "valueReference", unitRef(h.unitId)), ("action", "valueCode", .string(h.action.rawValue)),
                ("from", "valueCode", .string(h.from.rawValue)), ("to", "valueCode", .string(h.to.rawValue)),
            ]
            if !h.comment.isEmpty { parts.append(("comment", "valueString", .string(h.comment))) }
            if let f = h.forwardedTo { parts.append(("forwardedTo", "valueReference", unitRef(f))) }
            return Self.ext(Systems.eventExtension, parts)
        }
        extensions += x.pauses.map { p in
            var parts: [(String, String, JSON)] = [("kind", "valueCode", .string(p.kind.rawValue)),
                                                    ("period", "valuePeriod", Self.period(p.from, p.to))]
            if !p.comment.isEmpty { parts.append(("comment", "valueString", .string(p.comment))) }
            if let offered = p.offeredOn { parts.append(("offeredOn", "valueDate", .string(offered.iso))) }
            if p.patientInformed { parts.append(("patientInformed", "valueBoolean", .bool(true))) }
            return Self.ext(Systems.pauseExtension, parts)
        }
        if let b = x.bookedOn { extensions.append(.object(["url": .string(Systems.bookedExtension), "valueDate": .string(b.iso)])) }
        if let s = x.seenOn { extensions.append(.object(["url": .string(Systems.seenExtension), "valueDate": .string(s.iso)])) }
        var r: [String: JSON] = [
            "status": .string(status), "intent": "order",
            "businessStatus": Self.coding(Systems.referralState, x.state.rawValue),
            "focus": .object(["reference": .string("ServiceRequest/\(e.resourceId)")]),
            "for": patientRef(e.patient),
            "requester": unitRef(x.fromUnitId),
            "owner": unitRef(x.toUnitId),
            "authoredOn": Self.dateTime(x.createdAt),
        ]
        if let sent = x.sentOn { r["executionPeriod"] = .object(["start": .string(sent.iso)]) }
        if let reply = x.reply { r["output"] = .array([.object(["type": .object(["text": "reply"]), "valueString": .string(reply)])]) }
        if !extensions.isEmpty { r["extension"] = .array(extensions) }
        return r
    }

    func carePlan(_ e: Exchanged<CoordinatedPlan>) -> [String: JSON] {
        let p = e.value
        var r: [String: JSON] = [
            "status": .string(p.isOpen ? "active" : "completed"), "intent": "plan",
            "title": "SIP", "description": .string(p.goal),
            "subject": patientRef(e.patient),
            "author": unitRef(p.responsibleUnitId),
            "contributor": .array(p.participants.map { part in
                var ref = unitRef(part.unitId)
                if case .object(var o) = ref, !part.role.isEmpty { o["display"] = .string(part.role); ref = .object(o) }
                return ref
            }),
            "period": Self.period(p.agreedOn, p.closedOn),
        ]
        if let f = p.followUpOn { r["extension"] = .array([.object(["url": .string(Systems.followUpExtension), "valueDate": .string(f.iso)])]) }
        if let ids = Self.identifiers(e.identifier) { r["identifier"] = ids }
        return r
    }
}

extension FHIRWriter {
    /// LOINC code, UCUM unit, category vital-signs, laboratory or social-history; blood
    /// pressure as the panel with its two components; smoking as a SNOMED CT answer.
    func observation(_ e: Exchanged<Observation>) -> [String: JSON] {
        let o = e.value
        func quantity(_ value: Double?) -> JSON {
            .object(["value": .number(value ?? 0), "unit": .string(o.kind.unitText), "system": .string(Systems.ucum),
                     "code": .string(o.kind.ucum ?? "")])
        }
        var r: [String: JSON] = [
            "status": "final",
            "category": .array([Self.coding(Systems.observationCategory, o.kind.category)]),
            "code": Self.coding(Systems.loinc, o.kind.loinc),
            "subject": patientRef(e.patient),
            "effectiveDateTime": Self.dateTime(o.at),
            "performer": .array([unitRef(o.unitId)] + (o.staffId.map { [staffRef($0)] } ?? [])),
        ]
        switch o.kind {
        case .smoking:
            if let s = o.smoking { r["valueCodeableConcept"] = Self.coding(Systems.snomed, s.snomed, s.display) }
        case .bloodPressure:
            r["component"] = .array([
                .object(["code": Self.coding(Systems.loinc, ObservationKind.systolicLoinc), "valueQuantity": quantity(o.value)]),
                .object(["code": Self.coding(Systems.loinc, ObservationKind.diastolicLoinc), "valueQuantity": quantity(o.value2)]),
            ])
        default:
            r["valueQuantity"] = quantity(o.value)
        }
        if let ids = Self.identifiers(e.identifier) { r["identifier"] = ids }
        return r
    }
}
