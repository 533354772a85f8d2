import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// A rejected referral stays with the sender on the list `rejected-referrals` until a
/// new referral is sent or the patient is met.
@Suite struct RejectedReferralStoreTests {
    @Test func aRejectionComesBackToTheSenderUntilActedOn() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        func step(_ r: Referral, _ action: ReferralAction, _ who: AccessContext, day: Int) throws -> Referral {
            try f.store.applyReferral(r.id, action, expectedVersion: r.version, at: f.at(2026, 11, day), comment: "",
                                      as: who)
        }
        var r = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                      toUnitId: StoreFixture.cardiology, priority: .routine,
                                                      question: "Bedömning"), at: f.at(2026, 11, 2), as: f.nurse)
        r = try step(r, .send, f.nurse, day: 2)
        r = try step(r, .confirmReceipt, f.cardiologist, day: 3)
        r = try step(r, .reject(reason: "Fel mottagare"), f.cardiologist, day: 9)
        func list() throws -> [WorkListReason] {
            try f.store.workList(.rejectedReferrals, unit: StoreFixture.vc, settings: .default, today: f.today,
                                 limit: 10, as: f.nurse).map(\.entry.reason)
        }
        #expect(try list() == [.referralRejected(referralId: r.id, rejectedOn: f.today.adding(days: -14), days: 14)])
        // Not the receiver's list.
        #expect(try f.store.workList(.rejectedReferrals, unit: StoreFixture.cardiology, settings: .default,
                                     today: f.today, limit: 10, as: f.cardiologist).isEmpty)
        var again = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                          toUnitId: StoreFixture.cardiology, priority: .routine,
                                                          question: "Bedömning, med EKG"), at: f.at(2026, 11, 20),
                                               as: f.nurse)
        #expect(try list().count == 1)
        again = try step(again, .send, f.nurse, day: 20)
        #expect(try list().isEmpty)
    }

    @Test func theSenderRecordsThePatientInformedAndItIsStoredAndLogged() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        var r = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                      toUnitId: StoreFixture.cardiology, priority: .routine,
                                                      question: "Bedömning"), at: f.at(2026, 11, 2), as: f.nurse)
        for (action, who) in [(ReferralAction.send, f.nurse), (.confirmReceipt, f.cardiologist),
                              (.reject(reason: "Fel mottagare"), f.cardiologist)] {
            r = try f.store.applyReferral(r.id, action, expectedVersion: r.version, at: f.at(2026, 11, 9), comment: "",
                                          as: who)
        }
        func listed() throws -> Bool {
            try !f.store.workList(.rejectedReferrals, unit: StoreFixture.vc, settings: .default, today: f.today,
                                  limit: 10, as: f.nurse).isEmpty
        }
        #expect(try listed())
        r = try f.store.applyReferral(r.id, .patientInformed, expectedVersion: r.version, at: f.at(2026, 11, 10),
                                      comment: "Ringt, ny remiss övervägs", as: f.nurse)
        #expect(r.state == .rejected && r.history.last?.action == .patientInformed)
        #expect(try !listed())
        let again = try f.store.openRecord(p.id, as: f.nurse).referrals.first
        #expect(again?.history.last?.action == .patientInformed)
        #expect(again?.history.last?.comment == "Ringt, ny remiss övervägs")
    }
}
