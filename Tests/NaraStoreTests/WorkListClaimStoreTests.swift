import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Taking and handling work-list rows: shared by the unit's sessions, refused for a row a
/// colleague has, logged naming the patient, and left out of the count once handled.
@Suite struct WorkListClaimStoreTests {
    /// A patient listed at the vårdcentral without a named GP, so on `withoutNamedGP`.
    static func setUp(_ f: StoreFixture) throws -> PatientID {
        try f.patient(TestPnr.a, "Åsa", "Öberg").id
    }

    var colleague: AccessContext { AccessContext(staffId: "olof.hagg", unitId: StoreFixture.vc, sessionId: "s-olof") }

    @Test func aTakenRowIsRefusedToAColleagueAndGivenBackByItsTaker() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try Self.setUp(f)
        let taken = try #require(try f.store.toggleWorkListClaim(.withoutNamedGP, patient: p, as: f.nurse))
        #expect(taken.claimedBy == "karin.berg" && !taken.isHandled)
        #expect(try f.log(p).first?.detail.hasPrefix("work list no-named-gp take [") == true)
        #expect(throws: StoreError.refused(.rowTakenBy(name: "Karin Berg", at: taken.claimedAt))) {
            try f.store.toggleWorkListClaim(.withoutNamedGP, patient: p, as: colleague)
        }
        let rows = try f.store.workList(.withoutNamedGP, unit: StoreFixture.vc, settings: .default, today: f.today,
                                        limit: 100, as: colleague)
        #expect(rows.first { $0.patient.id == p }?.claim?.claimedByName == "Karin Berg")
        #expect(try f.store.toggleWorkListClaim(.withoutNamedGP, patient: p, as: f.nurse) == nil)
        #expect(try f.store.toggleWorkListClaim(.withoutNamedGP, patient: p, as: colleague)?.claimedBy == "olof.hagg")
    }

    @Test func aHandledRowKeepsWhoAndWhyAndLeavesTheCount() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try Self.setUp(f)
        let before = try f.store.workListCounts(unit: StoreFixture.vc, settings: .default, today: f.today, as: f.nurse)
        _ = try f.store.toggleWorkListClaim(.withoutNamedGP, patient: p, as: colleague)
        #expect(throws: StoreError.refused(.required(.comment))) {
            try f.store.markWorkListHandled(.withoutNamedGP, patient: p, note: "  ", as: f.nurse)
        }
        let handled = try f.store.markWorkListHandled(.withoutNamedGP, patient: p, note: "Ringt, väljer läkare själv",
                                                      as: f.nurse)
        #expect(handled.claimedBy == "olof.hagg" && handled.handledBy == "karin.berg")
        #expect(handled.note == "Ringt, väljer läkare själv")
        let after = try f.store.workListCounts(unit: StoreFixture.vc, settings: .default, today: f.today, as: f.nurse)
        #expect(after[.withoutNamedGP] == before[.withoutNamedGP]! - 1)
        // Still shown, marked, and after the rows left to do.
        let rows = try f.store.workList(.withoutNamedGP, unit: StoreFixture.vc, settings: .default, today: f.today,
                                        limit: 100, as: f.nurse)
        #expect(rows.last?.patient.id == p && rows.last?.claim?.handledByName == "Karin Berg")
        // A handled mark grows old: after 30 days the patient is on the list afresh.
        try f.store.write { db in
            try db.execute(sql: "UPDATE work_list_claim SET handled_at = handled_at - 31 * 86400")
        }
        let later = try f.store.workList(.withoutNamedGP, unit: StoreFixture.vc, settings: .default, today: f.today,
                                         limit: 100, as: f.nurse)
        #expect(later.first { $0.patient.id == p }?.claim == nil)
        #expect(try f.store.toggleWorkListClaim(.withoutNamedGP, patient: p, as: f.nurse)?.isHandled == false)
    }

    @Test func aPatientNotOnTheListOrNotTheUsersCannotBeTaken() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try Self.setUp(f)
        #expect(throws: StoreError.refused(.notOnWorkList)) {
            try f.store.toggleWorkListClaim(.readyWithoutPlan, patient: p, as: f.nurse)
        }
        #expect(throws: StoreError.emergencyAccessRequired(p)) {
            try f.store.toggleWorkListClaim(.withoutNamedGP, patient: p, as: f.cardiologist)
        }
        #expect(try f.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM work_list_claim") } == 0)
    }
}
