/// Why a patient is on a list. The associated values carry the numbers so the UI can
/// word the reason in Swedish or English without parsing text.
public enum WorkListReason: Sendable, Hashable, Codable {
    case elderlyMultimorbid(age: Int, chronic: Int)
    case lowContinuity(encounters: Int, coc: Double)
    case planFollowUpPassed(planId: RecordID, followUpOn: LocalDate, daysPast: Int)
    case dischargedWithoutContact(dischargedOn: LocalDate, days: Int)
    case referralOverdue(referralId: RecordID, days: Int)
    /// Sent, but the receiver has not confirmed receipt.
    case referralUnconfirmed(referralId: RecordID, sentOn: LocalDate, days: Int)
    /// Answered, but nobody at the sending unit has acknowledged the reply.
    case replyNotAcknowledged(referralId: RecordID, answeredOn: LocalDate, days: Int)
    case chronicWithoutEncounter(chronic: Int, lastEncounter: LocalDate?)
    /// In hospital without a fast vårdkontakt here; `daysLeft` to the discharge day the
    /// ward expects (negative when past), nil when the ward gave none.
    case admittedWithoutCareContact(ward: String, admittedOn: LocalDate, daysLeft: Int?)
    /// Ready for discharge without a SIP; `daysLeft` to the last day to call it
    /// (negative when overdue).
    case readyWithoutPlan(ward: String, readyOn: LocalDate, daysLeft: Int)
    /// Rejected by the receiver `days` ago; not sent again and the patient not met since.
    case referralRejected(referralId: RecordID, rejectedOn: LocalDate, days: Int)
    /// Listed here since `listedSince` without a named GP at this unit.
    case noNamedGP(age: Int?, listedSince: LocalDate)
    /// Lives in a residential care home, listed here since `listedSince`, no named GP here.
    case residentialCareNoNamedGP(age: Int?, listedSince: LocalDate)
    /// `stays` hospital stays in the window and diagnoses in `chapters` ICD-10 chapters.
    case multimorbidElderly(age: Int, stays: Int, chapters: Int)
    /// Parts of a yearly check not done in the window, per condition.
    case yearlyCheckDue(missing: [ConditionChecks])

    /// English wording for logs, tests and `--lang en`; the Swedish text is the UI's.
    public var summary: String {
        switch self {
        case let .elderlyMultimorbid(age, chronic):
            return "Age \(age), \(chronic) chronic diagnoses, no named care contact"
        case let .lowContinuity(encounters, coc):
            return "\(encounters) encounters, COC \(Self.twoDecimals(coc))"
        case let .planFollowUpPassed(planId, followUpOn, daysPast):
            return "Plan \(planId): follow-up \(followUpOn.iso) passed \(Self.days(daysPast)) ago"
        case let .dischargedWithoutContact(dischargedOn, days):
            return "Discharged \(dischargedOn.iso) (\(Self.days(days)) ago), no primary-care contact since"
        case let .referralOverdue(referralId, days):
            return "Referral \(referralId): \(Self.days(days)) past the care-guarantee deadline"
        case let .referralUnconfirmed(referralId, sentOn, days):
            return "Referral \(referralId): sent \(sentOn.iso), not confirmed after \(Self.days(days))"
        case let .replyNotAcknowledged(referralId, answeredOn, days):
            return "Referral \(referralId): answered \(answeredOn.iso), not acknowledged after \(Self.days(days))"
        case let .chronicWithoutEncounter(chronic, lastEncounter):
            let last = lastEncounter.map { "last encounter \($0.iso)" } ?? "no encounter recorded"
            return "\(chronic) chronic \(chronic == 1 ? "diagnosis" : "diagnoses"), \(last)"
        case let .admittedWithoutCareContact(ward, admittedOn, daysLeft):
            let expected = daysLeft.map { $0 < 0 ? "expected discharge passed \(Self.days(-$0)) ago"
                                                 : "expected discharge in \(Self.days($0))" }
                ?? "no expected discharge day"
            return "Admitted \(admittedOn.iso) at \(ward), \(expected), no named care contact here"
        case let .readyWithoutPlan(ward, readyOn, daysLeft):
            let call = daysLeft < 0 ? "call overdue by \(Self.days(-daysLeft))" : "call within \(Self.days(daysLeft))"
            return "Ready for discharge \(readyOn.iso) at \(ward), no SIP: \(call)"
        case let .referralRejected(referralId, rejectedOn, days):
            return "Referral \(referralId): rejected \(rejectedOn.iso) (\(Self.days(days)) ago), not acted on"
        case let .noNamedGP(age, listedSince):
            return (age.map { "Age \($0), " } ?? "") + "listed here since \(listedSince.iso), no named GP here"
        case let .residentialCareNoNamedGP(age, listedSince):
            return (age.map { "Age \($0), " } ?? "") + "SÄBO, listed here since \(listedSince.iso), no named GP here"
        case let .multimorbidElderly(age, stays, chapters):
            return "Age \(age), \(stays) recent hospital stays, diagnoses in \(chapters) ICD-10 chapters"
        case let .yearlyCheckDue(missing):
            return "Yearly check not done: " + missing.map { c in
                Self.words(c.condition.rawValue) + " (" + c.items.map { Self.words($0.rawValue) }
                    .joined(separator: ", ") + ")"
            }.joined(separator: "; ")
        }
    }

    /// "foot_examination" as "foot examination".
    private static func words(_ code: String) -> String { code.split(separator: "_").joined(separator: " ") }

    private static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// Fixed two decimals without Foundation's locale-dependent formatting.
    private static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        return sign + String(a / 100) + "." + LocalDate.pad(a % 100, 2)
    }
}

/// One patient on one list.
public struct WorkListEntry: Sendable, Hashable, Codable {
    public var patientId: PatientID
    public var kind: WorkListKind
    public var reason: WorkListReason
    /// Larger is more urgent; only comparable within one kind. Lists sort by it
    /// descending, then by patient id, so a list reads the same every run.
    public var sortKey: Int

    public init(patientId: PatientID, kind: WorkListKind, reason: WorkListReason, sortKey: Int) {
        self.patientId = patientId
        self.kind = kind
        self.reason = reason
        self.sortKey = sortKey
    }

    public var summary: String { reason.summary }

    /// Most urgent first, ties by patient id.
    public static func urgencyOrder(_ a: WorkListEntry, _ b: WorkListEntry) -> Bool {
        a.sortKey != b.sortKey ? a.sortKey > b.sortKey : a.patientId < b.patientId
    }
}

/// What a patient lacks of one condition's yearly check.
public struct ConditionChecks: Sendable, Hashable, Codable {
    public var condition: ChronicCondition
    public var items: [CheckItem]

    public init(condition: ChronicCondition, items: [CheckItem]) {
        self.condition = condition
        self.items = items
    }
}
