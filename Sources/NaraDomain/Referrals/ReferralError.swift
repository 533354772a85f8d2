/// Which side of a referral a step belongs to. Steps are granted to units, not to
/// people: whoever works at the unit holding the referral may take its next step.
public enum UnitRole: String, CaseIterable, Hashable, Sendable, Codable {
    /// The unit that wrote the referral (`fromUnitId`).
    case sender
    /// The unit that must act now (`toUnitId`, which moves when forwarded).
    case receiver
}

/// Why a referral step was refused. Each case names one reason so the UI can say
/// exactly what to fix; `code` is a stable key for translated messages.
public enum ReferralError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The step does not exist from this state.
    case notAllowed(action: ReferralActionKind, state: ReferralState)
    /// The step exists, but the other unit must take it.
    case wrongUnit(action: ReferralActionKind, required: UnitRole)
    /// Reject, forward, cancel and pause must say why.
    case reasonRequired(ReferralActionKind)
    case replyRequired
    case questionRequired
    /// A draft addressed to the unit that writes it.
    case sameUnit
    /// Forwarding to the unit that already holds the referral.
    case forwardToSameUnit
    /// Forwarding back to the sender would make one unit both sides; that is a rejection.
    case forwardToSender
    case bookingBeforeSent
    case alreadyPaused
    case notPaused
    /// No guarantee limit applies, so there is no clock to pause.
    case clockNotRunning
    /// The 0 and 3 clocks never pause (HSF 2017:80 6 kap 1 §).
    case clockNeverPauses
    /// A patient-chosen wait needs the offered time and the patient told of the guarantee.
    case offerRequired
    /// The offered time lies after the guarantee's last day: declining it is no choice.
    case offerAfterDeadline(LocalDate)

    public var code: String {
        switch self {
        case .notAllowed: return "referral.not_allowed"
        case .wrongUnit: return "referral.wrong_unit"
        case .reasonRequired: return "referral.reason_required"
        case .replyRequired: return "referral.reply_required"
        case .questionRequired: return "referral.question_required"
        case .sameUnit: return "referral.same_unit"
        case .forwardToSameUnit: return "referral.forward_to_same_unit"
        case .forwardToSender: return "referral.forward_to_sender"
        case .bookingBeforeSent: return "referral.booking_before_sent"
        case .alreadyPaused: return "referral.already_paused"
        case .notPaused: return "referral.not_paused"
        case .clockNotRunning: return "referral.clock_not_running"
        case .clockNeverPauses: return "referral.clock_never_pauses"
        case .offerRequired: return "referral.offer_required"
        case .offerAfterDeadline: return "referral.offer_after_deadline"
        }
    }

    public var description: String {
        switch self {
        case let .notAllowed(action, state):
            return "cannot \(action.verb) a referral that is \(state.rawValue)"
        case let .wrongUnit(action, required):
            let side = required == .sender ? "sending" : "receiving"
            return "only the \(side) unit can \(action.verb) a referral"
        case .reasonRequired(.pauseClock):
            return "a comment is required to pause the guarantee clock"
        case let .reasonRequired(action):
            return "a reason is required to \(action.verb) a referral"
        case .replyRequired: return "the reply cannot be empty"
        case .questionRequired: return "the referral needs a question"
        case .sameUnit: return "a referral must go to another unit"
        case .forwardToSameUnit: return "the referral is already at that unit"
        case .forwardToSender: return "cannot forward a referral back to its sender; reject it instead"
        case .bookingBeforeSent: return "the booking is before the day the referral was sent"
        case .alreadyPaused: return "the guarantee clock is already paused"
        case .notPaused: return "the guarantee clock is not paused"
        case .clockNotRunning: return "no care guarantee clock runs for this referral"
        case .clockNeverPauses: return "this guarantee's clock never pauses"
        case .offerRequired:
            return "a patient-chosen wait needs the time offered and the patient informed of the guarantee"
        case let .offerAfterDeadline(day): return "the offered time is after the guarantee's last day (\(day.iso))"
        }
    }
}

extension ReferralActionKind {
    /// Fits "cannot … a referral" in error messages.
    var verb: String {
        switch self {
        case .create: return "create"
        case .send: return "send"
        case .confirmReceipt: return "confirm receipt of"
        case .accept: return "accept"
        case .reject: return "reject"
        case .forward: return "forward"
        case .book: return "book"
        case .markSeen: return "mark as seen"
        case .reply: return "reply to"
        case .adviceReply: return "answer with advice"
        case .acknowledgeReply: return "acknowledge the reply to"
        case .patientInformed: return "record the patient informed of"
        case .cancel: return "cancel"
        case .pauseClock: return "pause the clock of"
        case .resumeClock: return "resume the clock of"
        }
    }
}
