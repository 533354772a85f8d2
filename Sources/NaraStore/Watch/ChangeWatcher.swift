import GRDB
import NaraDomain
import Synchronization

/// Reads the change counters of a session's scope (`SchemaChangeCounters`) on one
/// dedicated connection, so a poll never waits for the pool's readers. GRDB's
/// `ValueObservation` only sees commits made through the same pool, never another
/// process's, and the counters are in the file, so every process sees them.
///
/// `PRAGMA data_version` changes whenever any other connection commits (TERMINAL.md):
/// while it stands still the last reading is still true, and a poll costs no statement
/// that reads a page. When it moved, one statement reads both counters. The connection
/// holds no transaction between polls, so it never pins the WAL.
final class ChangeWatcher: Sendable {
    private let queue: DatabaseQueue

    private struct Reading {
        var dataVersion: Int64
        var scope: ChangeScope
        var stamp: ChangeStamp
    }
    private let last = Mutex<Reading?>(nil)

    init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.label = "nara.watcher"
        queue = try DatabaseQueue(path: path, configuration: config)
    }

    func stamp(_ scope: ChangeScope) throws -> ChangeStamp {
        // Outside a transaction: the pragma and the select are each one statement.
        try queue.inDatabase { db in
            let version = try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
            if let seen = last.withLock({ $0 }), seen.dataVersion == version, seen.scope == scope {
                return seen.stamp
            }
            // Read after the pragma: a commit in between makes the next poll read again.
            let patient = scope.patient.map { "patient/\($0.rawValue)" }
            let unit = "unit/\(scope.unit.rawValue)"
            var stamp = ChangeStamp()
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT scope, version FROM change_counter WHERE scope IN (?, ?)
                """), arguments: [unit, patient])
            for row in rows {
                let key: String = row["scope"]
                if key == unit { stamp.unit = row["version"] } else { stamp.patient = row["version"] }
            }
            last.withLock { $0 = Reading(dataVersion: version, scope: scope, stamp: stamp) }
            return stamp
        }
    }
}
