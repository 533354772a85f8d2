import Foundation
import NaraDomain
#if canImport(Glibc)
import Glibc
#endif

/// A `flock` on a file beside the store. Two are used:
///
/// - `<store>.lock`, exclusive, held while a store file is created and migrated, and
///   while a backup is restored. Running GRDB's migrator from two processes at once on a
///   new file crashed one of them ("table already exists", TERMINAL.md); with the lock
///   the second process waits, then finds the schema in place and migrates nothing.
/// - `<store>.sessions`, shared, held by every open store for as long as it is open, so
///   that `nara restore` can tell that no session has the file open before it replaces it.
///
/// Separate lock files, not the database itself: closing any descriptor of a file drops
/// the process's POSIX locks on it, which would silently release SQLite's own. A `flock`
/// belongs to the open file, so the kernel drops it when the process ends in any way,
/// SIGKILL included: a crashed session never leaves a lock behind.
final class StoreLock: Sendable {
    enum Kind: Sendable {
        case migration
        case sessions

        var suffix: String { self == .migration ? ".lock" : ".sessions" }
    }

    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// Waits up to `deadline` seconds for the lock. Nil when the lock file cannot be
    /// opened at all (a read-only folder): nothing can be migrated or restored there
    /// anyway, so the caller goes on without it. Throws `StoreError.locked` when another
    /// process holds the lock past the deadline, rather than waiting forever.
    static func acquire(_ kind: Kind, storePath: String, exclusive: Bool,
                        deadline: TimeInterval = StoreConfiguration.busyDeadline) throws -> StoreLock? {
        let path = storePath + kind.suffix
        // The owner's alone: a flock needs only a descriptor open for reading, so a
        // lock file others can open lets any local user stop every session. Never
        // through a symlink: a link left in the folder would make nara create or lock
        // another file.
        var fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, StoreFiles.fileMode)
        if fd < 0 && errno == ELOOP {
            throw StoreError.other("\(path) is a symbolic link; remove it (nara makes its lock files itself)")
        }
        if fd < 0 { fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 {
            fchmod(fd, StoreFiles.fileMode)
        }
        // Root (a systemd unit writing the log's anchor) must not leave a lock file the
        // store's owner cannot open: like SQLite with the -wal and -shm it makes, it hands
        // a lock file it made to the store's owner.
        var store = stat()
        if geteuid() == 0, info.st_uid == 0, stat(storePath, &store) == 0, store.st_uid != 0 {
            fchown(fd, store.st_uid, store.st_gid)
        }
        let operation = (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
        let start = Date()
        while flock(fd, operation) != 0 {
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else { close(fd); return nil }
            if Date().timeIntervalSince(start) >= deadline {
                close(fd)
                throw StoreError.locked(path: storePath)
            }
            usleep(2_000)
        }
        return StoreLock(fd: fd)
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

/// The shared `.sessions` lock an open store holds until it is closed.
final class SessionPresence: Sendable {
    private let lock: StoreLock?

    init(storePath: String) throws {
        lock = try StoreLock.acquire(.sessions, storePath: storePath, exclusive: false)
    }

    private init() { lock = nil }

    /// For a copy opened only to be checked: it is no one's store yet.
    static var none: SessionPresence { SessionPresence() }

    deinit { lock?.release() }
}
