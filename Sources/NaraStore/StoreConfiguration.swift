import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

enum StoreConfiguration {
    /// How long a session waits for another session's lock before saying the store is
    /// busy: 10 seconds, or `NARA_BUSY_TIMEOUT` seconds. A writer's transaction takes
    /// milliseconds, so waiting that long means something holds the file on purpose
    /// (a stuck process, a restore, an administrator's shell).
    static let busyDeadline: TimeInterval = {
        if let text = ProcessInfo.processInfo.environment["NARA_BUSY_TIMEOUT"],
           let seconds = TimeInterval(text), seconds >= 0, seconds <= 3600 {
            return seconds
        }
        return 10
    }()

    /// Microseconds to wait before the next try for the write lock.
    static func pause(afterTries tries: Int) -> useconds_t {
        tries < 5 ? 1_000 : tries < 20 ? 500 : 250
    }

    /// How many tries fit in `deadline` seconds of pauses.
    static func tries(within deadline: TimeInterval) -> Int {
        let limit = deadline * 1_000_000
        var waited = 0.0
        var tries = 0
        while tries < 20 {
            waited += Double(pause(afterTries: tries))
            if waited > limit { return tries }
            tries += 1
        }
        return tries + Int((limit - waited) / Double(pause(afterTries: tries)))
    }

    /// The size, in bytes, the WAL file is cut back to when it is reset.
    static let walSizeLimit = 8 * 1024 * 1024

    static func make(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.label = "nara"
        // SQLite's own busy handler sleeps in growing steps up to 100 ms, which made p99
        // commit latency 430 ms with 20 writers (TERMINAL.md). SQLite's write lock is no
        // queue: whoever retries first after a commit wins, so a writer can lose many
        // rounds in a row. Retrying faster the longer a writer has waited puts the
        // longest waiters first: with 20 writers committing back to back, p99 went from
        // 73–88 ms (every millisecond) to 31–39 ms (docs/BENCHMARKS.md). Faster still
        // (100 µs) burnt the CPU the lock holder needed and made it worse again.
        let maximum = tries(within: busyDeadline)
        config.busyMode = .callback { tries in
            if tries >= maximum { return false }
            usleep(Self.pause(afterTries: tries))
            return true
        }
        config.prepareDatabase { db in
            // synchronous=NORMAL in WAL mode: a commit is durable once the WAL is written,
            // the WAL is synced at checkpoints. It cannot corrupt the file; a power cut may
            // lose the last commits, while FULL (an fsync per commit) tripled p99 commit
            // latency under 20 concurrent writers on this hardware (TERMINAL.md).
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Writers that overlap without a pause (a burst of saves) can keep the WAL
                // from being reset to its start, so it grows past the 1,000-page
                // autocheckpoint until the first quiet moment. The file keeps its
                // high-water size after that unless a limit says otherwise: this one cuts
                // it back to 8 MiB each time the WAL is reset.
                _ = try Int.fetchOne(db, sql: "PRAGMA journal_size_limit = \(walSizeLimit)")
            }
        }
        return config
    }

    /// What to open for reading. A WAL store needs its `-shm` file, which a user who may
    /// only read cannot create in a folder they cannot write: SQLite then refuses the
    /// file. When the folder is not writable and there is no WAL, no session can be
    /// writing the store (it would need to create the WAL there), so the file is opened
    /// as immutable: read as it is, with no shared memory at all.
    static func readLocation(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        guard access(folder.isEmpty ? "." : folder, W_OK) != 0,
              !FileManager.default.fileExists(atPath: path + "-wal") else { return path }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var escaped = ""
        for c in absolute.unicodeScalars {
            switch c {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(c)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }
}
