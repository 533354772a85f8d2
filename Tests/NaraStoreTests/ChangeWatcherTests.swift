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
        try f.store.addUnit(CareUnit(id: "SE1-late", name: "Sen enhet", principal: .region, kind: .other))
        #expect(try late.hasChanged() == true)
        #expect(try late.hasChanged() == false)
    }
}
