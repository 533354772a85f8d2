import Foundation
import NaraDomain

/// ServiceRequest is the referral; Task is its workflow, with this program's steps
/// (who, when, what) carried in an extension each.
extension ReadContext {
    mutating func readServiceRequest(_ r: ResourceReader, entry: Int) throws {
        let patient = try subject(r)
        let status = try r.string("status") ?? "active"
        if status == "entered-in-error" {
            batch.skipped["ServiceRequest (entered-in-error)", default: 0] += 1
            return
        }
        guard let requester = try r.reference("requester", path: "requester") else {
            throw r.fail("requester", "missing: who sent the referral?")
        }
        let createdBy = try staff(r, requester, path: "requester")
        let fromUnit = try unit(r, requester, path: "requester")
        guard let performer = try r.array("performer").first,
              let performerRef = try r.reference("performer", in: .object(["performer": performer]), path: "performer[0]")
        else { throw r.fail("performer", "missing: to which unit?") }
        let toUnit = try unit(r, performerRef, path: "performer[0]")

        let question = (try r.array("note").compactMap { $0["text"]?.string }.first)
            ?? r.conceptText("reasonCode") ?? r.conceptText("code")
        guard let question, !question.isEmpty else { throw r.fail("note", "missing: the referral's question") }
        try Self.limit(r, "note", question, 4000)

        let authored = try r.dateTime("authoredOn", path: "authoredOn")
        let state: ReferralState = r.code("status", system: Systems.referralState).flatMap(ReferralState.init(rawValue:))
            ?? Self.state(serviceRequestStatus: status)
        let fhirPriority = try r.string("priority")
        let extensions = try r.array("extension")
        // The region's own scale rides in an extension; FHIR's four codes are the fallback.
        let priority = extensions.first { $0["url"]?.string == Systems.priority }?["valueCode"]?.string
            .map(ReferralPriority.init(rawValue:)) ?? Self.priority(fhirPriority)
        let guarantee = r.code("category", system: Systems.guarantee).flatMap(GuaranteeKind.init(rawValue:))
            ?? .specialistVisit
        let selfReferral = extensions.first { $0["url"]?.string == Systems.selfReferralExtension }?["valueBoolean"]?.bool ?? false
        let created = authored ?? today.noon(in: .stockholm)
        let referral = Referral(id: 0, patientId: PatientID(0), fromUnitId: fromUnit, toUnitId: toUnit,
                                priority: priority, question: question, guarantee: guarantee,
                                selfReferral: selfReferral, state: state, createdAt: created, createdBy: createdBy,
                                sentOn: state == .draft ? nil : authored.map { LocalDate(date: $0, in: .stockholm) },
                                pauses: try Self.pauses(r, extensions))
        referralOf[entry] = batch.referrals.count
        batch.referrals.append(exchanged(r, patient: patient, referral, identifier: try identifier(r)))
    }

    /// The workflow of a referral: its state, current holder, reply and history.
    mutating func readTask(_ r: ResourceReader) throws {
        guard let focus = try r.reference("focus", path: "focus") else {
            batch.skipped["Task (no focus)", default: 0] += 1
            return
        }
        guard let i = entryIndex(focus), let index = referralOf[i] else {
            if focus.typeAndId?.type == "ServiceRequest" || focus.text?.hasPrefix("urn:") == true {
                throw missing(r, "focus", focus)
            }
            batch.skipped["Task (not a referral)", default: 0] += 1
            return
        }
        var referral = batch.referrals[index].value
        let status = try r.required("status")
        if let state = r.code("businessStatus", system: Systems.referralState).flatMap(ReferralState.init(rawValue:)) {
            referral.state = state
        } else {
            guard let state = Self.state(taskStatus: status, current: referral.state) else {
                throw r.fail("status", "\"\(status)\" is not a Task status")
            }
            referral.state = state
        }
        if let owner = try r.reference("owner", path: "owner") { referral.toUnitId = try unit(r, owner, path: "owner") }
        // The sending unit: a person may have moved on since they wrote the referral.
        if let requester = try r.reference("requester", path: "requester") {
            referral.fromUnitId = try unit(r, requester, path: "requester")
        }
        if let sent = try r.periodDays("executionPeriod", path: "executionPeriod").start { referral.sentOn = sent }
        for (n, output) in try r.array("output").enumerated() {
            if let text = try r.string("valueString", in: output, path: "output[\(n)].valueString") {
                try Self.limit(r, "output[\(n)]", text, 8000)
                referral.reply = text
            }
        }
        let extensions = try r.array("extension")
        for (n, ext) in extensions.enumerated() {
            let path = "extension[\(n)]"
            switch ext["url"]?.string {
            case Systems.eventExtension?: referral.history.append(try event(r, ext, path: path))
            case Systems.bookedExtension?: referral.bookedOn = try r.date("valueDate", in: ext, path: path)
            case Systems.seenExtension?: referral.seenOn = try r.date("valueDate", in: ext, path: path)
            default: break
            }
        }
        referral.pauses += try Self.pauses(r, extensions)
        if referral.state != .draft, referral.sentOn == nil, let on = try r.dateTime("authoredOn", path: "authoredOn") {
            referral.sentOn = LocalDate(date: on, in: .stockholm)
        }
        batch.referrals[index].value = referral
    }

    private func event(_ r: ResourceReader, _ ext: JSON, path: String) throws -> ReferralEvent {
        let parts = ext["extension"]?.array ?? []
        func part(_ name: String) -> JSON? { parts.first { $0["url"]?.string == name } }
        guard let at = try part("at").flatMap({ try r.dateTime("valueDateTime", in: $0, path: path + ".at") }) else {
            throw r.fail(path + ".at", "missing")
        }
        guard let who = try part("staff").flatMap({ try r.reference("valueReference", in: $0, path: path + ".staff") }),
              let whereRef = try part("unit").flatMap({ try r.reference("valueReference", in: $0, path: path + ".unit") })
        else { throw r.fail(path, "a step needs its staff and unit") }
        let code = { (name: String) in part(name)?["valueCode"]?.string ?? "" }
        guard let action = ReferralActionKind(rawValue: code("action")) else {
            throw r.fail(path + ".action", "\"\(code("action"))\" is not a referral step")
        }
        guard let from = ReferralState(rawValue: code("from")), let to = ReferralState(rawValue: code("to")) else {
            throw r.fail(path + ".from", "not a referral state")
        }
        let forwarded = try part("forwardedTo").flatMap { try r.reference("valueReference", in: $0, path: path + ".forwardedTo") }
        return ReferralEvent(at: at, staffId: try staff(r, who, path: path + ".staff"),
                             unitId: try unit(r, whereRef, path: path + ".unit"), action: action, from: from, to: to,
                             comment: CleanText.clean(part("comment")?["valueString"]?.string ?? "", allowNewlines: true),
                             forwardedTo: try forwarded.map { try unit(r, $0, path: path + ".forwardedTo") })
    }

    private static func pauses(_ r: ResourceReader, _ extensions: [JSON]) throws -> [GuaranteePause] {
        try extensions.enumerated().compactMap { n, ext -> GuaranteePause? in
            guard ext["url"]?.string == Systems.pauseExtension else { return nil }
            let path = "extension[\(n)]"
            let parts = ext["extension"]?.array ?? []
            func part(_ name: String) -> JSON? { parts.first { $0["url"]?.string == name } }
            guard let kind = part("kind")?["valueCode"]?.string.flatMap(PauseKind.init(rawValue:)) else {
                throw r.fail(path + ".kind", "patient_chosen or medical")
            }
            guard let period = part("period") else { throw r.fail(path + ".period", "missing") }
            let days = try r.periodDays("valuePeriod", in: period, path: path + ".period")
            guard let from = days.start else { throw r.fail(path + ".period.start", "missing") }
            return GuaranteePause(kind: kind, from: from, to: days.end,
                                  comment: CleanText.clean(part("comment")?["valueString"]?.string ?? ""),
                                  offeredOn: part("offeredOn")?["valueDate"]?.string.flatMap(LocalDate.init(iso:)),
                                  patientInformed: part("patientInformed")?["valueBoolean"]?.bool ?? false)
        }
    }

    static func state(serviceRequestStatus status: String) -> ReferralState {
        switch status {
        case "draft": return .draft
        case "revoked": return .cancelled
        case "completed": return .answered
        case "on-hold": return .accepted
        default: return .sent
        }
    }

    static func state(taskStatus status: String, current: ReferralState) -> ReferralState? {
        switch status {
        case "draft": return .draft
        case "requested": return .sent
        case "received": return .received
        case "accepted", "on-hold": return .accepted
        case "rejected", "failed": return .rejected
        case "ready", "in-progress": return .booked
        case "cancelled": return .cancelled
        case "completed": return current == .acknowledged ? .acknowledged : .answered
        case "entered-in-error": return current
        default: return nil
        }
    }

    /// FHIR's four priorities onto the three of the default scale.
    static func priority(_ code: String?) -> ReferralPriority {
        switch code {
        case "asap", "stat": return .urgent
        case "urgent": return .priority
        default: return .routine
        }
    }
}
