import Foundation
import Testing
@testable import NaraDomain

/// Konsultationssvar: the receiver answers with advice, without a visit; the sender
/// acknowledges it as any reply, and the guarantee clock stops.
@Suite struct AdviceReplyTests {
    @Test(arguments: [ReferralState.received, .accepted])
    func theReceiverAnswersWithAdviceOnceTheReferralIsInHand(_ state: ReferralState) throws {
        let r = try Fx.referral(in: state, paused: true)
        #expect(r.availableActions(for: Fx.medicine).contains(.adviceReply))
        #expect(!r.availableActions(for: Fx.centre).contains(.adviceReply))
        let answered = try r.applying(.adviceReply(text: "  Start metoprolol; no visit needed.  "),
                                      by: Fx.receiver(of: r), at: Fx.at(10))
        #expect(answered.state == .answered)
        #expect(answered.reply == "Start metoprolol; no visit needed.")
        #expect(answered.history.last?.action == .adviceReply)
        // The wait for a visit is over: the pause ends and the clock no longer runs.
        #expect(answered.pauses.allSatisfy { $0.to != nil })
        #expect(!answered.isOverdue(today: Fx.day(400)))
        let acknowledged = try answered.applying(.acknowledgeReply, by: Fx.gp, at: Fx.at(11))
        #expect(acknowledged.state == .acknowledged)
    }

    @Test(arguments: [ReferralState.sent, .booked, .seen, .rejected, .answered])
    func notBeforeReceiptNorAfterABookingOrAnAnswer(_ state: ReferralState) throws {
        let r = try Fx.referral(in: state)
        #expect(throws: ReferralError.self) {
            _ = try r.applying(.adviceReply(text: "Advice"), by: Fx.receiver(of: r), at: Fx.at(40))
        }
    }

    @Test func adviceNeedsText() throws {
        let r = try Fx.referral(in: .received)
        #expect(throws: ReferralError.replyRequired) {
            _ = try r.applying(.adviceReply(text: "   "), by: Fx.receiver(of: r), at: Fx.at(5))
        }
    }
}
