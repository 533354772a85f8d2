import GRDB
import Synchronization

/// Learns that another session committed. GRDB's `ValueObservation` only sees commits
/// made through the same pool, never another process's; `PRAGMA data_version` on one
/// dedicated connection changes whenever any other connection commits (TERMINAL.md).
/// The connection holds no transaction between polls, so it never pins the WAL.
final class ChangeWatcher: Sendable {
    private let queue: DatabaseQueue
    private let last = Mutex<Int64?>(nil)

    init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.label = "nara.watcher"
        queue = try DatabaseQueue(path: path, configuration: config)
        // Learn where the file stands now, so a commit made before the first poll counts.
        _ = try hasChanged()
    }

    func hasChanged() throws -> Bool {
        let version = try queue.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        return last.withLock { previous in
            defer { previous = version }
            return previous.map { $0 != version } ?? false
        }
    }
}
