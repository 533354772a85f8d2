import Foundation
import GRDB

enum StoreConfiguration {
    /// How long a writer waits for another session's write lock before giving up.
    static let busyDeadline: TimeInterval = 10

    static func make(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.label = "nara"
        // SQLite's own busy handler sleeps in growing steps up to 100 ms, which made p99
        // commit latency 430 ms with 20 writers (TERMINAL.md). Retrying every
        // millisecond keeps waits as short as the other writer's transaction.
        config.busyMode = .callback { tries in
            if tries >= Int(busyDeadline * 1000) { return false }
            usleep(tries < 10 ? 200 : 1000)
            return true
        }
        config.prepareDatabase { db in
            // synchronous=NORMAL in WAL mode: a commit is durable once the WAL is written,
            // the WAL is synced at checkpoints. It cannot corrupt the file; a power cut may
            // lose the last commits, while FULL (an fsync per commit) tripled p99 commit
            // latency under 20 concurrent writers on this hardware (TERMINAL.md).
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        return config
    }
}
