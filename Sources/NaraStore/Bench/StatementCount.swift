import GRDB
import Synchronization

extension SQLiteStore {
    /// The SQL statements `body` runs, in order: on the writing connection, where every
    /// read through the door and every write runs (BEGIN and COMMIT included), and on the
    /// readers, where plain reads outside the door run (work-list counts). For the speed
    /// table and the statement budgets: a screen that costs 20 statements is fast on SQLite
    /// and slow when each is a round trip. The identifier lookup's own connection is not seen.
    public func recordingStatements<T>(_ body: () throws -> T) throws -> (result: T, statements: [String]) {
        let seen = Recorded()
        writer.writeWithoutTransaction { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { seen.record(statement.sql) }
            }
        }
        readerRecorder.active.withLock { $0 = seen }
        defer {
            readerRecorder.active.withLock { $0 = nil }
            writer.writeWithoutTransaction { db in db.trace(options: [], nil) }
        }
        let result = try body()
        return (result, seen.sql.withLock { $0 })
    }

    final class Recorded: Sendable {
        let sql = Mutex<[String]>([])

        /// SQLite reports the statements a trigger or a virtual table (the name index)
        /// runs inside a statement with a leading "--": they are no round trips of their
        /// own, so they are left out.
        func record(_ text: String) {
            guard !text.hasPrefix("--") else { return }
            sql.withLock { $0.append(text) }
        }
    }
}

/// Traces a reader's statements into the active recording, if there is one; costs one
/// uncontended lock per read otherwise.
final class ReaderRecorder: Sendable {
    let active = Mutex<SQLiteStore.Recorded?>(nil)

    func tracing<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        guard let seen = active.withLock({ $0 }) else { return try body(db) }
        db.trace(options: .statement) { event in
            if case .statement(let statement) = event { seen.record(statement.sql) }
        }
        defer { db.trace(options: [], nil) }
        return try body(db)
    }
}
