@testable import NaraApp
import NaraDomain
import Testing
import TerminalUI

/// Slow reads follow the frame, and screens that read much are kept when left.
@Suite struct IdleWorkTests {
    static let lowContinuity = "Täta kontakter (≥4 på 12 mån) med låg kontinuitet (COC < 0,3)"

    @Test func workListCountsFollowTheFirstFrame() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.app.handle(.key(.function(6))) // as the runner: the frame comes before the idle work
        #expect(f.app.state.top.id == .workLists)
        #expect(f.app.hasIdleWork)
        #expect(try #require(f.line(containing: Self.lowContinuity)).hasSuffix(" … │"))
        f.app.doIdleWork()
        #expect(!f.app.hasIdleWork)
        #expect(try #require(f.line(containing: Self.lowContinuity)).hasSuffix(" 366 │"))
    }

    @Test func aKeptScreenComesBackWithoutReadingAgain() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6), .down, .down)
        f.app.handle(.key(.function(2)))
        #expect(f.app.state.top.id == .search)
        f.app.handle(.key(.function(6)))
        #expect(!f.app.hasIdleWork)
        #expect(try #require(f.line(containing: Self.lowContinuity)).hasSuffix(" 366 │"))
        // The selection is where the nurse left it.
        #expect((f.app.state.top as? WorkListsScreen)?.state.lists.selected == 2)
    }

    @Test func othersCommitsMakeAKeptScreenReadAgainAfterItsFrame() throws {
        let clock = StepClock(day: WorkListsFixture.day)
        let f = try WorkListsFixture(clock: clock)
        defer { f.remove() }
        f.press(.function(6))
        f.app.handle(.key(.function(2)))
        clock.advance(seconds: WorkListsScreen.recountInterval)
        // A colleague joins the unit: the unit's counter moves (a log row alone would not).
        try f.store.addStaff(Staff(id: "ny.kollega", name: "Ny Kollega", profession: .nurse,
                                   unitId: f.app.state.session.unit.id, roles: [.nurse]))
        f.app.handle(.tick)
        f.app.handle(.key(.function(6)))
        #expect(f.app.hasIdleWork)
        f.app.doIdleWork()
        #expect(!f.app.hasIdleWork)
        #expect(try #require(f.line(containing: Self.lowContinuity)).hasSuffix(" 366 │"))
    }

    /// Others' commits count the lists again at most once a minute: the first at once,
    /// later ones when the minute since the last count is over, on a tick.
    @Test func othersCommitsCountTheListsAgainAtMostOnceAMinute() throws {
        let clock = StepClock(day: WorkListsFixture.day)
        let f = try WorkListsFixture(clock: clock)
        defer { f.remove() }
        f.press(.function(6))
        #expect(!f.app.hasIdleWork)
        let unit = f.app.state.session.unit.id
        func colleagueJoins(_ id: String) throws {
            try f.store.addStaff(Staff(id: StaffID(rawValue: id), name: "Ny Kollega", profession: .nurse, unitId: unit, roles: [.nurse]))
        }
        clock.advance(seconds: 20)
        try colleagueJoins("ny.kollega1")
        f.app.handle(.tick)
        #expect(!f.app.hasIdleWork, "counted 20 s ago: held back")
        clock.advance(seconds: 30)
        try colleagueJoins("ny.kollega2")
        f.app.handle(.tick)
        #expect(!f.app.hasIdleWork, "50 s after the count: still held back")
        clock.advance(seconds: 10)
        f.app.handle(.tick)
        #expect(f.app.hasIdleWork, "a minute after the count, a tick counts again")
        f.app.doIdleWork()
        #expect(!f.app.hasIdleWork)
        f.app.handle(.tick)
        #expect(!f.app.hasIdleWork, "nothing held back any more")
        clock.advance(seconds: 61)
        try colleagueJoins("ny.kollega3")
        f.app.handle(.tick)
        #expect(f.app.hasIdleWork, "the first commit after a quiet minute counts at once")
    }

    /// A colleague looking at a record commits a log row and nothing else: the unit's
    /// work-list counts, the dearest reads there are, are not made again for it.
    @Test func aCommitOfALogRowAloneMakesNoKeptScreenReadAgain() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6))
        f.app.handle(.key(.function(2)))
        try f.store.logEvent("another session", action: .read, as: f.app.state.session.context)
        f.app.handle(.tick)
        f.app.handle(.key(.function(6)))
        #expect(!f.app.hasIdleWork)
    }
}
