import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Security review M5, M6, L3, L4: what the store's files let other local users do.
@Suite struct StoreFileModeTests {
    func tempFolder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-mode-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }

    /// M5, M6: the store, its WAL and shared memory, both lock files and the folders
    /// made for it are the owner's alone (the test runs under the usual umask 022).
    @Test func everyFileAndFolderANewStoreMakesIsTheOwnersAlone() throws {
        let folder = tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b/clinic.sqlite").path
        let store = try SQLiteStore.open(at: path, mode: .createIfMissing(.production))
        try store.addUnit(CareUnit(id: "SE1-vc", name: "VC", principal: .region, kind: .primaryCare))
        for suffix in ["", "-wal", "-shm", ".lock", ".sessions"] {
            #expect(mode(path + suffix) == 0o600, "\(suffix)")
        }
        #expect(mode(folder.appendingPathComponent("a").path) == 0o700)
        #expect(mode(folder.appendingPathComponent("a/b").path) == 0o700)
        withExtendedLifetime(store) {}
    }

    /// M5: a store in a folder, or a file, that others can write is refused.
    @Test func aStoreOthersCanWriteIsRefused() throws {
        let folder = tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        _ = try SQLiteStore.open(at: path, mode: .createIfMissing(.production))

        chmod(folder.path, 0o1777)
        #expect(throws: StoreError.othersCanWrite(store: path, path: folder.path)) { try SQLiteStore.open(at: path) }
        #expect(throws: StoreError.othersCanWrite(store: path, path: folder.path)) {
            try SQLiteStore.open(at: path, readOnly: true)
        }
        let fresh = folder.appendingPathComponent("new.sqlite").path
        #expect(throws: StoreError.othersCanWrite(store: fresh, path: folder.path)) {
            try SQLiteStore.open(at: fresh, mode: .createIfMissing(.production))
        }
        #expect(!FileManager.default.fileExists(atPath: fresh))

        chmod(folder.path, 0o700)
        chmod(path, 0o646)
        #expect(throws: StoreError.othersCanWrite(store: path, path: path)) { try SQLiteStore.open(at: path) }
        #expect(StoreError.othersCanWrite(store: path, path: path).description.contains("others can write"))
        chmod(path, 0o600)
        _ = try SQLiteStore.open(at: path)
    }

    /// L4: a lock file name that is a symlink is not followed; nothing is made at its target.
    @Test func aSymlinkedLockFileIsNotFollowed() throws {
        let folder = tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        let victim = folder.appendingPathComponent("victim").path
        #expect(symlink(victim, path + ".lock") == 0)
        #expect(throws: (any Error).self) { try SQLiteStore.open(at: path, mode: .createIfMissing(.production)) }
        #expect(!FileManager.default.fileExists(atPath: victim))
    }

    /// L4: a session that opened the store through a symlink holds the real file's
    /// sessions lock, so a restore through the real name is refused, and the other way round.
    @Test func aSessionThroughASymlinkStopsARestoreThroughTheRealName() throws {
        let folder = tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        let link = folder.appendingPathComponent("link.sqlite").path
        let backup = folder.appendingPathComponent("backup.sqlite").path
        try {
            let store = try SQLiteStore.open(at: path, mode: .createIfMissing(.production))
            _ = try store.backup(to: backup)
        }()
        #expect(symlink(path, link) == 0)

        func restoreIsRefused(to target: String) -> Bool {
            do {
                _ = try SQLiteStore.restore(from: backup, to: target)
                return false
            } catch StoreError.inUse {
                return true
            } catch {
                Issue.record("\(error)")
                return false
            }
        }
        let throughLink = try SQLiteStore.open(at: link)
        #expect(restoreIsRefused(to: path))
        withExtendedLifetime(throughLink) {}

        let throughName = try SQLiteStore.open(at: path)
        #expect(restoreIsRefused(to: link))
        withExtendedLifetime(throughName) {}
    }

    /// L3: a -wal left beside a backup's name (from a file once there) is not merged
    /// into the new backup, which is one file, 0600, and stays in rollback mode.
    @Test func aBackupNeverAdoptsAStaleWAL() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.patient(TestPnr.a, "Anna", "Svensson")
        let backup = f.folder.appendingPathComponent("backup.sqlite").path

        // A WAL database at the backup's name, its -wal kept and the file removed.
        let old = try DatabaseQueue(path: backup)
        _ = try old.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        try old.write { db in try db.execute(sql: "CREATE TABLE junk(x); INSERT INTO junk VALUES (1)") }
        try FileManager.default.copyItem(atPath: backup + "-wal", toPath: backup + "-wal.kept")
        try old.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: backup + suffix) }
        try FileManager.default.moveItem(atPath: backup + "-wal.kept", toPath: backup + "-wal")
        #expect((try FileManager.default.attributesOfItem(atPath: backup + "-wal")[.size] as? Int ?? 0) > 0)

        _ = try f.store.backup(to: backup)
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: backup + "-shm"))
        #expect(mode(backup) == 0o600)
        let copy = try DatabaseQueue(path: backup, configuration: {
            var c = Configuration(); c.readonly = true; return c
        }())
        #expect(try copy.read { db in try db.tableExists("junk") } == false)
        #expect(try copy.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM patient") } == 1)
        try copy.close()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: f.folder.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }

    /// L3: checking a backup reads it: it stays one file in rollback mode.
    @Test func readingABackupLeavesItInRollbackMode() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let backup = f.folder.appendingPathComponent("backup.sqlite").path
        _ = try f.store.backup(to: backup)
        let opened = try SQLiteStore.open(at: backup, readOnly: true)
        _ = try opened.verifyAccessLog()
        #expect(try opened.integrityProblems().isEmpty)
        let header = try Data(contentsOf: URL(fileURLWithPath: backup)).prefix(20)
        #expect(header[18] == 1 && header[19] == 1)
        withExtendedLifetime(opened) {}
    }
}
