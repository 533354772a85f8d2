import Testing
@testable import NaraStore

/// The wait for another writer's lock: longest waiters retry fastest, and the number
/// of tries stands for the busy deadline.
@Suite struct BusyWaitTests {
    @Test func writersThatHaveWaitedLongerRetrySooner() {
        let pauses = (0..<40).map { Int(StoreConfiguration.pause(afterTries: $0)) }
        #expect(pauses.first == 1_000)
        #expect(pauses.last == 250)
        #expect(zip(pauses, pauses.dropFirst()).allSatisfy { $0 >= $1 }, "\(pauses)")
    }

    @Test func theTriesAddUpToTheDeadline() {
        #expect(StoreConfiguration.tries(within: 0) == 0)
        for deadline in [0.001, 0.01, 1, 10, 3600] {
            let tries = StoreConfiguration.tries(within: deadline)
            let waited = (0..<tries).reduce(0) { $0 + Int(StoreConfiguration.pause(afterTries: $1)) }
            let next = Int(StoreConfiguration.pause(afterTries: tries))
            #expect(Double(waited) <= deadline * 1e6, "\(deadline)")
            #expect(Double(waited + next) > deadline * 1e6, "\(deadline)")
        }
    }
}
