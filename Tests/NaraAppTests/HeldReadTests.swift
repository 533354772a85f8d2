import Foundation
@testable import NaraApp
import Testing

/// A read made again for others' commits: at once, then at most once an interval.
@Suite struct HeldReadTests {
    @Test func theFirstMoveIsReadAtOnceAndLaterOnesWhenTheIntervalIsOver() {
        let start = Date(timeIntervalSince1970: 1_000_000)
        var reads = HeldRead(interval: 10)
        let first = reads.moved(at: start)
        #expect(first, "never read: at once")
        reads.read(at: start)
        #expect(!reads.due(at: start.addingTimeInterval(20)), "nothing held")
        let soon = reads.moved(at: start.addingTimeInterval(4))
        #expect(!soon, "4 s after the read: held")
        #expect(!reads.due(at: start.addingTimeInterval(9)))
        #expect(reads.due(at: start.addingTimeInterval(10)))
        let later = reads.moved(at: start.addingTimeInterval(10))
        #expect(later, "a move after the interval, held or not, at once")
        reads.read(at: start.addingTimeInterval(10))
        #expect(!reads.isHeld)
        #expect(!reads.due(at: start.addingTimeInterval(30)))
    }
}
