import Foundation
@testable import NaraDomain

/// Shared cast for referral tests: a health centre refers to medicine, which may
/// forward to orthopaedics.
enum Fx {
    static let centre: UnitID = "vc01"
    static let medicine: UnitID = "med"
    static let orthopaedics: UnitID = "ort"
    static let stranger: UnitID = "kir"

    static let gp = ReferralActor(staffId: "anna.lund", unitId: centre)
    static let dayZero = LocalDate(iso: "2025-03-03")!

    static func day(_ offset: Int) -> LocalDate { dayZero.adding(days: offset) }
    static func at(_ offset: Int) -> Date { day(offset).noon(in: .stockholm) }

    static func receiver(of referral: Referral) -> ReferralActor {
        ReferralActor(staffId: "bo.ek", unitId: referral.toUnitId)
    }
    static func sender(of referral: Referral) -> ReferralActor { gp }

    static func draft(guarantee: GuaranteeKind = .specialistVisit) throws(ReferralError) -> Referral {
        try Referral.draft(id: 1, patientId: PatientID(7), from: centre, to: medicine, priority: .routine,
                           question: "Exertional chest pain, please assess.", guarantee: guarantee,
                           by: gp.staffId, at: at(0))
    }

    /// A referral brought to `state` by legal steps only, optionally with an open
    /// pause, so every fixture is one the rules themselves could produce.
    static func referral(in state: ReferralState, paused: Bool = false,
                         guarantee: GuaranteeKind = .specialistVisit) throws(ReferralError) -> Referral {
        var r = try draft(guarantee: guarantee)
        func step(_ a: ReferralAction, sender: Bool = false, day offset: Int) throws(ReferralError) {
            r = try r.applying(a, by: sender ? gp : receiver(of: r), at: at(offset))
        }
        let path: [ReferralState]
        switch state {
        case .draft: path = []
        case .sent: path = [.sent]
        case .received: path = [.sent, .received]
        case .accepted: path = [.sent, .received, .accepted]
        case .rejected: path = [.sent, .received, .rejected]
        case .forwarded: path = [.sent, .received, .forwarded]
        case .booked: path = [.sent, .received, .accepted, .booked]
        case .seen: path = [.sent, .received, .accepted, .booked, .seen]
        case .answered: path = [.sent, .received, .accepted, .booked, .seen, .answered]
        case .acknowledged: path = [.sent, .received, .accepted, .booked, .seen, .answered, .acknowledged]
        case .cancelled: path = [.sent, .cancelled]
        }
        for (offset, target) in path.enumerated() {
            switch target {
            case .sent: try step(.send, sender: true, day: offset)
            case .received: try step(.confirmReceipt, day: offset)
            case .accepted: try step(.accept, day: offset)
            case .rejected: try step(.reject(reason: "Belongs in primary care"), day: offset)
            case .forwarded: try step(.forward(to: orthopaedics, reason: "Musculoskeletal"), day: offset)
            case .booked: try step(.book(on: day(30)), day: offset)
            case .seen: try step(.markSeen, day: 30)
            case .answered: try step(.reply(text: "Stable angina; treatment started."), day: 31)
            case .acknowledged: try step(.acknowledgeReply, sender: true, day: 32)
            case .cancelled: try step(.cancel(reason: "Patient moved"), sender: true, day: offset)
            case .draft: break
            }
        }
        if paused { try step(.pauseClock(.patientChosen, comment: "Declined offered time", offeredOn: day(path.count + 7),
                                           patientInformed: true), day: path.count) }
        return r
    }

    /// A valid example of each step, so a refusal can only come from the rules.
    static func sample(_ kind: ReferralActionKind, for r: Referral) -> ReferralAction? {
        switch kind {
        case .create: return nil
        case .send: return .send
        case .confirmReceipt: return .confirmReceipt
        case .accept: return .accept
        case .reject: return .reject(reason: "Not our speciality")
        case .forward:
            let target = [orthopaedics, stranger].first { $0 != r.toUnitId && $0 != r.fromUnitId }!
            return .forward(to: target, reason: "Better suited elsewhere")
        case .book: return .book(on: day(40))
        case .markSeen: return .markSeen
        case .reply: return .reply(text: "All well.")
        case .adviceReply: return .adviceReply(text: "Try a beta blocker first; refer again if no better.")
        case .acknowledgeReply: return .acknowledgeReply
        case .patientInformed: return .patientInformed
        case .cancel: return .cancel(reason: "No longer needed")
        case .pauseClock: return .pauseClock(.medical, comment: "Acute illness first")
        case .resumeClock: return .resumeClock
        }
    }

    static var steps: [ReferralActionKind] { ReferralActionKind.allCases.filter { $0 != .create } }
}

/// One starting point for the exhaustive tests.
struct Situation: Sendable, CustomStringConvertible {
    var state: ReferralState
    var paused: Bool
    var description: String { paused ? "\(state.rawValue) (paused)" : state.rawValue }

    static let all: [Situation] = ReferralState.allCases.flatMap { state in
        state.awaitsVisit ? [Situation(state: state, paused: false), Situation(state: state, paused: true)]
                          : [Situation(state: state, paused: false)]
    }
}
