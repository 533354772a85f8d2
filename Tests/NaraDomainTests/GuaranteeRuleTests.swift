import Foundation
import Testing
@testable import NaraDomain

/// The guarantee as HSF 2017:80 6 kap 1 § counts it: limits and starts as data, no pause
/// of the 3-day clock, a patient-chosen pause only with an offer, and a deadline moved by
/// a pause that says so.
@Suite struct GuaranteeRuleTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    static func at(_ iso: String) -> Date { day(iso).noon(in: .stockholm) }
    let receiver = ReferralActor(staffId: "bo.ek", unitId: Fx.medicine)

    func sent(created: String, sent: String, selfReferral: Bool = false,
              guarantee: GuaranteeKind = .specialistVisit) throws -> Referral {
        let draft = try Referral.draft(id: 1, patientId: PatientID(7), from: Fx.centre, to: Fx.medicine, priority: .routine,
                                       question: "Knäsmärta", guarantee: guarantee, selfReferral: selfReferral,
                                       by: "anna.lund", at: Self.at(created))
        return try draft.applying(.send, by: Fx.gp, at: Self.at(sent))
    }

    @Test func limitsAndStartsAreData() {
        #expect(GuaranteeKind.assessment.rule == GuaranteeRule(limitDays: 3, start: .patientContact, pausable: false))
        #expect(GuaranteeKind.specialistVisit.rule == GuaranteeRule(limitDays: 90, start: .referralIssued, pausable: true))
        #expect(GuaranteeKind.treatment.rule == GuaranteeRule(limitDays: 90, start: .decisionToTreat, pausable: true))
        #expect(GuaranteeKind.none.rule == nil && GuaranteeKind.none.limitDays == nil)
    }

    /// 90 calendar days, the deadline day in time: from 2024-03-01 to 2024-05-30; a
    /// self-referral registered on 2024-02-28 counts from the patient's contact, over the
    /// leap day, to 2024-05-28.
    @Test func theClockStartsAtTheReferralOrThePatientsOwnContact() throws {
        let referral = try sent(created: "2024-02-28", sent: "2024-03-01")
        #expect(referral.guaranteeStart == Self.day("2024-03-01"))
        #expect(referral.guaranteeClock()?.deadline(today: Self.day("2024-03-01")) == Self.day("2024-05-30"))
        let own = try sent(created: "2024-02-28", sent: "2024-03-01", selfReferral: true)
        #expect(own.guaranteeStart == Self.day("2024-02-28"))
        #expect(own.guaranteeClock()?.deadline(today: Self.day("2024-03-01")) == Self.day("2024-05-28"))
    }

    @Test func theThreeDayClockNeverPauses() throws {
        var r = try sent(created: "2025-12-30", sent: "2025-12-30", guarantee: .assessment)
        r = try r.applying(.confirmReceipt, by: receiver, at: Self.at("2025-12-31"))
        #expect(!r.availableActions(for: Fx.medicine).contains(.pauseClock))
        #expect(throws: ReferralError.clockNeverPauses) {
            _ = try r.applying(.pauseClock(.medical, comment: "Feber"), by: receiver, at: Self.at("2025-12-31"))
        }
    }

    @Test func aPatientChosenWaitNeedsAnOfferWithinTheGuaranteeAndThePatientTold() throws {
        var r = try sent(created: "2025-01-31", sent: "2025-01-31")
        r = try r.applying(.confirmReceipt, by: receiver, at: Self.at("2025-02-03"))
        // Sent 2025-01-31: the last day is 2025-05-01 (February 28 days, no leap day).
        #expect(r.guaranteeClock()?.deadline(today: Self.day("2025-02-03")) == Self.day("2025-05-01"))
        #expect(throws: ReferralError.offerRequired) {
            _ = try r.applying(.pauseClock(.patientChosen, comment: "Reser"), by: receiver, at: Self.at("2025-03-31"))
        }
        #expect(throws: ReferralError.offerRequired) {
            _ = try r.applying(.pauseClock(.patientChosen, comment: "Reser", offeredOn: Self.day("2025-04-15")),
                               by: receiver, at: Self.at("2025-03-31"))
        }
        #expect(throws: ReferralError.offerAfterDeadline(Self.day("2025-05-01"))) {
            _ = try r.applying(.pauseClock(.patientChosen, comment: "Reser", offeredOn: Self.day("2025-05-02"),
                                           patientInformed: true), by: receiver, at: Self.at("2025-03-31"))
        }
        let paused = try r.applying(.pauseClock(.patientChosen, comment: "Reser", offeredOn: Self.day("2025-05-01"),
                                                patientInformed: true), by: receiver, at: Self.at("2025-03-31"))
        #expect(paused.pauses.last?.offeredOn == Self.day("2025-05-01"))
        #expect(paused.pauses.last?.patientInformed == true)
        // A medical pause needs no offer.
        _ = try r.applying(.pauseClock(.medical, comment: "Infektion"), by: receiver, at: Self.at("2025-03-31"))
    }

    /// A medical pause from 2025-04-28 to 2025-05-05 spans the last day 2025-05-01: the
    /// clock stands still seven days, so the last day moves to 2025-05-08 and the
    /// referral is never overdue meanwhile.
    @Test func aPauseAcrossTheDeadlineMovesItAndSaysSo() throws {
        var r = try sent(created: "2025-01-31", sent: "2025-01-31")
        r = try r.applying(.confirmReceipt, by: receiver, at: Self.at("2025-02-03"))
        r = try r.applying(.pauseClock(.medical, comment: "Lunginflammation"), by: receiver, at: Self.at("2025-04-28"))
        let during = try #require(r.guaranteeClock())
        #expect(during.status(today: Self.day("2025-05-02")) == .paused(daysLeft: 4))
        #expect(!r.isOverdue(today: Self.day("2025-05-02")))
        r = try r.applying(.resumeClock, by: receiver, at: Self.at("2025-05-05"))
        let clock = try #require(r.guaranteeClock())
        #expect(clock.movedDeadline(today: Self.day("2025-05-06"))! == (7, Self.day("2025-05-08")))
        #expect(clock.status(today: Self.day("2025-05-08")) == .running(daysLeft: 0))
        #expect(clock.status(today: Self.day("2025-05-09")) == .overdue(days: 1))
        #expect(try sent(created: "2025-01-31", sent: "2025-01-31").guaranteeClock()?
            .movedDeadline(today: Self.day("2025-05-06")) == nil)
    }
}
