import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// A konsultationssvar is stored as a step of its own and waits for the sender's
/// acknowledgement like any reply.
@Suite struct AdviceReplyStoreTests {
    @Test func anAdviceReplyIsStoredAndAwaitsAcknowledgement() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        var r = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                       toUnitId: StoreFixture.cardiology, priority: .routine,
                                                       question: "Förmaksflimmer, behandling?"),
                                           at: f.at(2026, 10, 30), as: f.nurse)
        r = try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: f.at(2026, 10, 30), comment: "",
                                      as: f.nurse)
        r = try f.store.applyReferral(r.id, .confirmReceipt, expectedVersion: r.version, at: f.at(2026, 11, 2),
                                      comment: "", as: f.cardiologist)
        r = try f.store.applyReferral(r.id, .adviceReply(text: "Antikoagulation enligt CHA2DS2-VASc; inget besök."),
                                      expectedVersion: r.version, at: f.at(2026, 11, 3), comment: "",
                                      as: f.cardiologist)
        let stored = try #require(try f.store.openRecord(p.id, as: f.nurse).referrals.first { $0.id == r.id })
        #expect(stored.state == .answered)
        #expect(stored.history.last?.action == .adviceReply)
        #expect(stored.reply == "Antikoagulation enligt CHA2DS2-VASc; inget besök.")
        let settings = WorkListSettings(acknowledgementDays: 14)
        let rows = try f.store.workList(.unacknowledgedReferrals, unit: StoreFixture.vc, settings: settings,
                                        today: LocalDate(year: 2026, month: 11, day: 17)!, limit: 10, as: f.nurse)
        #expect(rows.first?.entry.reason == .replyNotAcknowledged(referralId: r.id,
                                                                   answeredOn: LocalDate(year: 2026, month: 11, day: 3)!,
                                                                   days: 14))
    }
}
