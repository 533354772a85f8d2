import GRDB
import Synchronization

extension SQLiteStore {
    /// How many SQL statements `body` runs on the writing connection, where every read
    /// through the door and every write runs (BEGIN and COMMIT count). For the speed
    /// table: a screen that costs 20 statements is fast on SQLite and slow over a network.
    /// Plain reads outside the door (work-list counts) run on the readers and are not counted.
    public func countingStatements<T>(_ body: () throws -> T) throws -> (result: T, statements: Int) {
        let count = Counter()
        try writer.writeWithoutTransaction { db in
            db.trace(options: .statement) { _ in count.value.add(1, ordering: .relaxed) }
        }
        defer { try? writer.writeWithoutTransaction { db in db.trace(options: [], nil) } }
        let result = try body()
        return (result, count.value.load(ordering: .relaxed))
    }

    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }
}
