import Foundation

/// Where a referral is in its lifecycle (DOMAIN.md):
/// `draft → sent → received → accepted | rejected | forwarded → booked → seen → answered → acknowledged`,
/// and `cancelled` from an open state before the patient is seen.
public enum ReferralState: String, CaseIterable, Sendable, Codable {
    case draft, sent, received, accepted, rejected, forwarded, booked, seen, answered, acknowledged, cancelled

    /// Ended: nothing more can happen to it.
    public var isClosed: Bool { self == .rejected || self == .acknowledged || self == .cancelled }
    public var isOpen: Bool { !isClosed }
    /// Still waiting for the first specialist visit: the care guarantee's clock runs.
    public var awaitsVisit: Bool {
        switch self {
        case .sent, .received, .accepted, .forwarded, .booked: return true
        default: return false
        }
    }
}

/// Priority as a data-driven scale: regions use their own words, so a priority is a
/// code plus its rank in the region's scale, not a closed enum.
public struct ReferralPriority: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let urgent = ReferralPriority(rawValue: "urgent")
    public static let priority = ReferralPriority(rawValue: "priority")
    public static let routine = ReferralPriority(rawValue: "routine")

    /// The scale used when a store has none of its own: most urgent first.
    public static let defaultScale: [ReferralPriority] = [.urgent, .priority, .routine]
}

/// Which legal waiting-time limit applies (vårdgaranti, HSL 9 kap 1 §).
public enum GuaranteeKind: String, CaseIterable, Sendable, Codable {
    /// Medical assessment in primary care within 3 days.
    case assessment
    /// First visit in specialist care within 90 days of the referral decision.
    case specialistVisit = "specialist_visit"
    /// Treatment within 90 days of the decision to treat.
    case treatment
    /// No legal limit (for example a referral to the municipality).
    case none

    /// The limit in calendar days, from `GuaranteeRules`.
    public var limitDays: Int? { rule?.limitDays }
}

public enum PauseKind: String, CaseIterable, Sendable, Codable {
    /// The patient declined an offered time (patientvald väntan).
    case patientChosen = "patient_chosen"
    /// Care is medically impossible for now (medicinskt orsakad väntan).
    case medical
}

/// A stretch of days the guarantee clock stands still. `from` is the first paused day;
/// `to` is the day the clock runs again (exclusive), nil while the pause lasts.
public struct GuaranteePause: Hashable, Sendable, Codable {
    public var kind: PauseKind
    public var from: LocalDate
    public var to: LocalDate?
    public var comment: String
    /// A patient-chosen wait counts only when the patient was offered a time within the
    /// guarantee (`offeredOn`) and was told of the guarantee (`patientInformed`).
    public var offeredOn: LocalDate?
    public var patientInformed: Bool

    public init(kind: PauseKind, from: LocalDate, to: LocalDate? = nil, comment: String = "",
                offeredOn: LocalDate? = nil, patientInformed: Bool = false) {
        self.kind = kind
        self.from = from
        self.to = to
        self.comment = comment
        self.offeredOn = offeredOn
        self.patientInformed = patientInformed
    }
}

/// One step a user can take on a referral. Steps that need more than a comment carry it.
public enum ReferralAction: Hashable, Sendable {
    case send
    case confirmReceipt
    case accept
    case reject(reason: String)
    case forward(to: UnitID, reason: String)
    case book(on: LocalDate)
    case markSeen
    case reply(text: String)
    /// Konsultationssvar: the receiver answers with advice, without seeing the patient.
    case adviceReply(text: String)
    case acknowledgeReply
    /// The sender has told the patient that the referral was rejected (and what now).
    case patientInformed
    case cancel(reason: String)
    /// A patient-chosen pause records the time offered within the guarantee and that the
    /// patient was told of the guarantee; a medical one needs neither.
    case pauseClock(PauseKind, comment: String, offeredOn: LocalDate? = nil, patientInformed: Bool = false)
    case resumeClock

    public var kind: ReferralActionKind {
        switch self {
        case .send: return .send
        case .confirmReceipt: return .confirmReceipt
        case .accept: return .accept
        case .reject: return .reject
        case .forward: return .forward
        case .book: return .book
        case .markSeen: return .markSeen
        case .reply: return .reply
        case .adviceReply: return .adviceReply
        case .acknowledgeReply: return .acknowledgeReply
        case .patientInformed: return .patientInformed
        case .cancel: return .cancel
        case .pauseClock: return .pauseClock
        case .resumeClock: return .resumeClock
        }
    }
}

/// The name of a step, without its data: what the history stores and menus offer.
public enum ReferralActionKind: String, CaseIterable, Sendable, Codable {
    case create
    case send
    case confirmReceipt = "confirm_receipt"
    case accept, reject, forward, book
    case markSeen = "mark_seen"
    case reply
    case adviceReply = "advice_reply"
    case acknowledgeReply = "acknowledge_reply"
    case patientInformed = "patient_informed"
    case cancel
    case pauseClock = "pause_clock"
    case resumeClock = "resume_clock"
}

/// Who did what to a referral and when. Every step leaves one.
public struct ReferralEvent: Hashable, Sendable, Codable {
    public var at: Date
    public var staffId: StaffID
    public var unitId: UnitID
    public var action: ReferralActionKind
    public var from: ReferralState
    public var to: ReferralState
    public var comment: String
    /// The unit a forward sent it to: `toUnitId` only shows the latest holder.
    public var forwardedTo: UnitID?

    public init(at: Date, staffId: StaffID, unitId: UnitID, action: ReferralActionKind,
                from: ReferralState, to: ReferralState, comment: String, forwardedTo: UnitID? = nil) {
        self.at = at
        self.staffId = staffId
        self.unitId = unitId
        self.action = action
        self.from = from
        self.to = to
        self.comment = comment
        self.forwardedTo = forwardedTo
    }
}

/// Remiss: a request from one unit to another, followed until the sender has the answer.
public struct Referral: Hashable, Sendable, Codable, Identifiable {
    public var id: RecordID
    public var patientId: PatientID
    public var fromUnitId: UnitID
    /// The unit that must act now; changes when the referral is forwarded.
    public var toUnitId: UnitID
    public var priority: ReferralPriority
    public var question: String
    public var guarantee: GuaranteeKind
    /// Egen vårdbegäran: the patient asked directly; joins the same queue.
    public var selfReferral: Bool
    public var state: ReferralState
    public var createdAt: Date
    public var createdBy: StaffID
    /// The day the referral decision was sent: the guarantee clock starts here.
    public var sentOn: LocalDate?
    public var bookedOn: LocalDate?
    public var seenOn: LocalDate?
    public var reply: String?
    public var pauses: [GuaranteePause]
    public var history: [ReferralEvent]
    /// Bumped on every step; a step based on an older version is a conflict.
    public var version: Int

    public init(id: RecordID, patientId: PatientID, fromUnitId: UnitID, toUnitId: UnitID,
                priority: ReferralPriority, question: String, guarantee: GuaranteeKind = .specialistVisit,
                selfReferral: Bool = false, state: ReferralState = .draft, createdAt: Date, createdBy: StaffID,
                sentOn: LocalDate? = nil, bookedOn: LocalDate? = nil, seenOn: LocalDate? = nil,
                reply: String? = nil, pauses: [GuaranteePause] = [], history: [ReferralEvent] = [], version: Int = 1) {
        self.id = id
        self.patientId = patientId
        self.fromUnitId = fromUnitId
        self.toUnitId = toUnitId
        self.priority = priority
        self.question = question
        self.guarantee = guarantee
        self.selfReferral = selfReferral
        self.state = state
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.sentOn = sentOn
        self.bookedOn = bookedOn
        self.seenOn = seenOn
        self.reply = reply
        self.pauses = pauses
        self.history = history
        self.version = version
    }
}
