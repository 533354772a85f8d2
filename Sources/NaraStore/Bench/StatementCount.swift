import GRDB
import Synchronization

extension SQLiteStore {
    /// The SQL statements `body` runs on the writing connection, where every read through
    /// the door and every write runs (BEGIN and COMMIT included), in order. For the speed
    /// table and the statement budgets: a screen that costs 20 statements is fast on SQLite
    /// and slow when each is a round trip. Plain reads outside the door (work-list counts)
    /// run on the readers and are not seen.
    public func recordingStatements<T>(_ body: () throws -> T) throws -> (result: T, statements: [String]) {
        let seen = Recorded()
        writer.writeWithoutTransaction { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { seen.sql.withLock { $0.append(statement.sql) } }
            }
        }
        defer { writer.writeWithoutTransaction { db in db.trace(options: [], nil) } }
        let result = try body()
        return (result, seen.sql.withLock { $0 })
    }

    private final class Recorded: Sendable {
        let sql = Mutex<[String]>([])
    }
}
