import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `<store>.lock`, held while a store file is created and
/// migrated. Running GRDB's migrator from two processes at once on a new file crashed
/// one of them ("table already exists", TERMINAL.md); with the lock the second process
/// waits, then finds the schema in place and migrates nothing.
///
/// A separate lock file, not the database itself: closing any descriptor of a file
/// drops the process's POSIX locks on it, which would silently release SQLite's own.
struct StoreLock {
    private let fd: Int32

    /// Nil when the lock file cannot be created (a read-only folder): nothing can be
    /// migrated there anyway, so the caller opens without it.
    init?(storePath: String) {
        let fd = open(storePath + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { close(fd); return nil }
        }
        self.fd = fd
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
