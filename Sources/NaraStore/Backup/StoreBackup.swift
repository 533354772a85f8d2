import Foundation
import GRDB
import NaraDomain
#if canImport(Glibc)
import Glibc
#endif

/// What a backup or restore left behind, checked: the copy's rows per table and its
/// access-log chain, read back from the file itself.
public struct StoreCopyReport: Sendable {
    public var path: String
    public var counts: [StoreCount]
    public var log: AccessLogVerification
    /// Where a restore kept the store it replaced; nil for a backup or a new file.
    public var keptAs: String?
}

public struct StoreCount: Sendable, Equatable {
    public var table: String
    public var rows: Int
}

extension SQLiteStore {
    /// Copies the store to `destination` with SQLite's online backup, while other
    /// sessions go on writing. All pages are copied in one step inside one read
    /// transaction: a WAL reader sees one snapshot and blocks no writer, while a
    /// step-by-step copy restarts whenever another process commits and might never end
    /// on a busy server. The copy is written beside the destination, switched to a
    /// single self-contained file (journal_mode=DELETE), checked (integrity and the
    /// access-log chain) and only then renamed into place, so `destination` is either
    /// the old file or a checked copy, never half a backup.
    public func backup(to destination: String, replace: Bool = false) throws -> StoreCopyReport {
        let fm = FileManager.default
        if fm.fileExists(atPath: destination) && !replace {
            throw StoreError.duplicate(destination)
        }
        if StoreFiles.resolve(destination) == StoreFiles.resolve(path) {
            throw StoreError.invalid("cannot back up \(path) onto itself")
        }
        let folder = (destination as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard folder.isEmpty || (fm.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) else {
            throw StoreError.other("cannot write \(destination): there is no folder \(folder)")
        }
        // A fresh name no one else can have made, nor put a -wal beside; 0600.
        let temporary = try StoreFiles.temporary(beside: destination, tag: "partial")
        do {
            let target = try DatabaseQueue(path: temporary)
            do {
                try writer.backup(to: target)
                try target.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
                try target.close()
            } catch {
                try? target.close()
                throw error
            }
            try StoreBackup.requireSingleFile(temporary)
            let report = try StoreBackup.check(copy: temporary, reportAs: destination)
            try StoreBackup.requireSingleFile(temporary)
            try StoreBackup.syncFile(temporary)
            // A -wal or -shm left beside the destination's name (a store once there, a
            // crash) would be read as the backup's own the first time it is opened.
            try StoreBackup.removeCompanions(of: destination)
            guard rename(temporary, destination) == 0 else {
                throw StoreError.other("cannot write \(destination): \(String(cString: strerror(errno)))")
            }
            StoreBackup.syncFolder(of: destination)
            return report
        } catch {
            StoreBackup.removeDatabase(at: temporary)
            throw StoreError.from(error, path: destination)
        }
    }

    /// Replaces the store at `path` with the backup at `backupPath`. Refused while any
    /// session has the store open (each holds a shared lock on `<store>.sessions`), and
    /// refused for a backup that fails its integrity check or whose access-log chain is
    /// broken. The replaced store is kept, with its WAL, as
    /// `<store>.before-restore-<UTC time>`; nothing is deleted.
    public static func restore(from backupPath: String, to path: String, now: Date = Date()) throws -> StoreCopyReport {
        do {
            // The real path: a session that opened the store through a symlink holds
            // the sessions lock of the file it reaches, not of the name it was given.
            return try StoreBackup.restore(from: backupPath, to: StoreFiles.resolve(path), now: now)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }
}

enum StoreBackup {
    static func restore(from backupPath: String, to path: String, now: Date) throws -> StoreCopyReport {
        let fm = FileManager.default
        guard fm.fileExists(atPath: backupPath) else { throw StoreError.missing(path: backupPath) }
        try StoreFileCheck.checkHeader(path: backupPath)
        _ = try check(copy: backupPath, reportAs: backupPath)

        try StoreFiles.makeFolder((path as NSString).deletingLastPathComponent)
        let migration = try StoreLock.acquire(.migration, storePath: path, exclusive: true)
        defer { migration?.release() }
        let presence: StoreLock?
        do {
            presence = try StoreLock.acquire(.sessions, storePath: path, exclusive: true, deadline: 0)
        } catch {
            throw StoreError.inUse(path: path)
        }
        guard let sessions = presence else {
            throw StoreError.other("cannot open \(path).sessions to learn whether sessions have the store open")
        }
        defer { sessions.release() }

        let temporary = try StoreFiles.temporary(beside: path, tag: "restoring")
        do {
            let source = try DatabaseQueue(path: backupPath, configuration: StoreConfiguration.make(readOnly: true))
            let target = try DatabaseQueue(path: temporary)
            try source.backup(to: target)
            try source.close()
            try target.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try target.close()
            var report = try check(copy: temporary, reportAs: path)
            // Back to WAL, as every session expects, while no one else can have it open.
            let wal = try DatabaseQueue(path: temporary)
            try wal.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try wal.close()
            try? fm.removeItem(atPath: temporary + "-shm")
            try syncFile(temporary)
            if fm.fileExists(atPath: path) {
                let kept = try keep(path, now: now)
                report.keptAs = kept
            }
            try removeCompanions(of: path)
            guard rename(temporary, path) == 0 else {
                throw StoreError.other("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            syncFolder(of: path)
            return report
        } catch {
            removeDatabase(at: temporary)
            throw error
        }
    }

    /// Moves the store and its WAL aside under one new name. The WAL goes with it: it
    /// may hold commits of a session that was killed, and beside the restored file it
    /// would be replayed into the wrong database.
    private static func keep(_ path: String, now: Date) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        func pad(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        let stamp = "\(c.year ?? 0)\(pad(c.month))\(pad(c.day))T\(pad(c.hour))\(pad(c.minute))\(pad(c.second))Z"
        var kept = path + ".before-restore-" + stamp
        var n = 2
        while FileManager.default.fileExists(atPath: kept) {
            kept = path + ".before-restore-" + stamp + "-\(n)"
            n += 1
        }
        guard rename(path, kept) == 0 else {
            throw StoreError.other("cannot move \(path) aside: \(String(cString: strerror(errno)))")
        }
        if FileManager.default.fileExists(atPath: path + "-wal") {
            guard rename(path + "-wal", kept + "-wal") == 0 else {
                throw StoreError.other("cannot move \(path)-wal aside: \(String(cString: strerror(errno)))")
            }
        }
        return kept
    }

    /// Reads a copy back: a Nära store of a schema this program knows, SQLite's
    /// integrity check passing, and the access-log chain intact.
    static func check(copy: String, reportAs: String) throws -> StoreCopyReport {
        let store = try SQLiteStore.openCopy(at: copy)
        let problems = try store.integrityProblems()
        guard problems.isEmpty else {
            throw StoreError.corrupt(path: reportAs, detail: problems.prefix(3).joined(separator: "; "))
        }
        let log = try store.verifyAccessLog()
        if case .broken(let row, let problem) = log {
            throw StoreError.corrupt(path: reportAs, detail: "access log broken at row \(row): \(problem)")
        }
        let counts = try store.counts().map { StoreCount(table: $0.table, rows: $0.rows) }
        return StoreCopyReport(path: reportAs, counts: counts, log: log, keptAs: nil)
    }

    /// A backup is one file: the copy must have left no -wal or -shm of its own.
    static func requireSingleFile(_ path: String) throws {
        for suffix in StoreFiles.companions where FileManager.default.fileExists(atPath: path + suffix) {
            throw StoreError.other("the copy \(path) left \(path + suffix) behind; it is not one file")
        }
    }

    /// Removes what SQLite may keep beside `path`; refuses when one cannot be removed.
    static func removeCompanions(of path: String) throws {
        for suffix in StoreFiles.companions {
            let companion = path + suffix
            var info = stat()
            guard lstat(companion, &info) == 0 else { continue }
            guard unlink(companion) == 0 else {
                throw StoreError.other("cannot remove the stale \(companion): \(String(cString: strerror(errno)))")
            }
        }
    }

    static func removeDatabase(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func syncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.other("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        if fsync(fd) != 0 { throw StoreError.other("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }

    /// Makes the rename itself durable.
    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
