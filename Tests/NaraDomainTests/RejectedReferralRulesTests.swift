import Foundation
import Testing
@testable import NaraDomain

/// A referral the receiver rejected comes back to the sender until it is acted on: sent
/// again, or the patient met since.
@Suite struct RejectedReferralRulesTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    let vc: UnitID = "SE-vc"

    func rejected(_ id: RecordID, on iso: String, sent: String? = nil) -> ReferralFacts {
        ReferralFacts(id: id, state: .rejected, sentOn: sent.map(Self.day) ?? Self.day(iso).adding(days: -10), fromUnitId: vc,
                      rejectedOn: Self.day(iso))
    }

    func run(_ referrals: [ReferralFacts], met: [String] = [], on today: String) -> WorkListEntry? {
        let f = WorkListPatientFacts(patientId: PatientID(3), primaryCareEncounterDays: met.map(Self.day),
                                     referrals: referrals)
        return WorkListRules.evaluate(.rejectedReferrals, facts: f, settings: .default, today: Self.day(today))
    }

    @Test func aRejectionWaitsForTheSenderWithItsAge() {
        // 2024-02-28 to 2024-03-01 over the leap day is two days.
        let entry = run([rejected(4, on: "2024-02-28")], on: "2024-03-01")
        #expect(entry?.reason == .referralRejected(referralId: 4, rejectedOn: Self.day("2024-02-28"), days: 2))
        #expect(entry?.summary == "Referral 4: rejected 2024-02-28 (2 days ago), not acted on")
        #expect(entry?.sortKey == 2)
        // The longest waiting is reported; both were sent before either was rejected.
        let two = run([rejected(4, on: "2025-12-31", sent: "2025-11-01"), rejected(5, on: "2025-11-30", sent: "2025-11-01")],
                      on: "2026-01-01")
        #expect(two?.reason == .referralRejected(referralId: 5, rejectedOn: Self.day("2025-11-30"), days: 32))
    }

    @Test func aNewReferralFromTheSameUnitOrAMeetingSinceActsOnIt() {
        let r = rejected(4, on: "2025-01-31")
        let resent = ReferralFacts(id: 6, state: .sent, sentOn: Self.day("2025-02-01"), fromUnitId: vc)
        #expect(run([r, resent], on: "2025-02-03") == nil)
        // Sent before the rejection, or by another unit: not an answer to it.
        let earlier = ReferralFacts(id: 6, state: .sent, sentOn: Self.day("2025-01-30"), fromUnitId: vc)
        #expect(run([r, earlier], on: "2025-02-03") != nil)
        let elsewhere = ReferralFacts(id: 6, state: .sent, sentOn: Self.day("2025-02-01"), fromUnitId: "SE-other")
        #expect(run([r, elsewhere], on: "2025-02-03") != nil)
        #expect(run([r], met: ["2025-01-31"], on: "2025-02-03") == nil)
        #expect(run([r], met: ["2025-01-30"], on: "2025-02-03") != nil)
    }

    @Test func thePatientInformedTakesItOff() {
        var r = rejected(4, on: "2025-01-31")
        #expect(run([r], on: "2025-02-03") != nil)
        r.patientInformed = true
        #expect(run([r], on: "2025-02-03") == nil)
    }

    @Test func onlyTheSenderRecordsThePatientInformedOnceAfterARejection() throws {
        let doctor = ReferralActor(staffId: "bo.ek", unitId: Fx.medicine)
        var r = try Fx.draft().applying(.send, by: Fx.gp, at: Fx.at(0))
        r = try r.applying(.confirmReceipt, by: doctor, at: Fx.at(1))
        #expect(!r.availableActions(for: Fx.centre).contains(.patientInformed))
        r = try r.applying(.reject(reason: "Not ours"), by: doctor, at: Fx.at(2))
        #expect(r.availableActions(for: Fx.centre).contains(.patientInformed))
        #expect(throws: ReferralError.self) { try r.applying(.patientInformed, by: doctor, at: Fx.at(3)) }
        r = try r.applying(.patientInformed, by: Fx.gp, at: Fx.at(3), comment: "Called, new referral to orthopaedics")
        #expect(r.state == .rejected)
        #expect(r.history.last?.action == .patientInformed)
        #expect(r.history.last?.comment == "Called, new referral to orthopaedics")
        #expect(!r.availableActions(for: Fx.centre).contains(.patientInformed))
        #expect(throws: ReferralError.notAllowed(action: .patientInformed, state: .rejected)) {
            try r.applying(.patientInformed, by: Fx.gp, at: Fx.at(4))
        }
    }

    @Test func onlyRejectedReferralsCount() {
        let open = ReferralFacts(id: 4, state: .received, sentOn: Self.day("2025-01-02"), fromUnitId: vc)
        #expect(run([open], on: "2025-02-03") == nil)
        #expect(WorkListKind(rawValue: "rejected-referrals") == .rejectedReferrals)
    }
}
