import Foundation
import NaraDomain
import Testing
@testable import NaraStore

@Suite struct ChangeWatcherTests {
    /// A session that is busy with keys polls late; a commit made between opening the
    /// store and the first poll must still count.
    @Test func aCommitBeforeTheFirstPollCounts() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let late = try SQLiteStore.open(at: f.path)
        let scope = ChangeScope(unit: StoreFixture.vc)
        let first = try late.changeStamp(scope)
        try f.store.addStaff(Staff(id: "ny.kollega", name: "Ny Kollega", profession: .nurse, unitId: StoreFixture.vc,
                                   roles: [.nurse]))
        #expect(try late.changeStamp(scope).unit == first.unit + 1)
    }

    /// Nothing committed since the last poll: the answer is the last one, read from no page.
    @Test func aPollWithNothingCommittedGivesTheSameStamp() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let scope = ChangeScope(patient: p.id, unit: StoreFixture.vc)
        let stamp = try f.store.changeStamp(scope)
        #expect(stamp.patient > 0 && stamp.unit > 0)
        #expect(try f.store.changeStamp(scope) == stamp)
        // Another patient asked about: that patient's counter, the unit's as before.
        let b = try f.patient(TestPnr.b, "Anna", "Oberg", listed: false)
        #expect(try f.store.changeStamp(ChangeScope(patient: b.id, unit: StoreFixture.vc)).unit == stamp.unit)
    }
}
