import Foundation
import Testing

/// `nara backup` while sessions write, and `nara restore` of what it made.
@Suite struct BackupRestoreTests {
    func counts(_ path: String) throws -> (encounters: Int, log: Int) {
        let rows = try sqliteShell(path, "SELECT count(*) FROM encounter; SELECT count(*) FROM access_log;")
            .split(separator: "\n").compactMap { Int($0) }
        return (rows.first ?? -1, rows.last ?? -1)
    }

    @Test func aBackupTakenWhileOthersWriteRestoresWithItsCountsAndLogChain() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        let backup = folder.appendingPathComponent("backups/clinic-1.sqlite").path
        try FileManager.default.createDirectory(atPath: (backup as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "200", "--seed", "4"]).status == 0)
        let before = try counts(path)

        let writers = try (0..<4).map { _ in
            try RunningNara(["selftest", "write", "--store", path, "--count", "600", "--print-ids"])
        }
        for writer in writers { #expect(writer.waitForLine(seconds: 30) { Int($0) != nil }) }
        let made = try NaraBinary.run(["backup", "--store", path, "--to", backup])
        let stillWriting = writers.filter { $0.process.isRunning }.count
        for writer in writers { #expect(writer.finish() == 0, "\(writer.output)") }
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("integrity\tok"))
        #expect(made.stdout.contains("access_log_chain\tintact"))
        let after = try counts(path)

        // One moment of the store: some of the writers' work, each encounter with its log row.
        let copied = try counts(backup)
        #expect(copied.encounters > before.encounters)
        #expect(stillWriting == 0 || copied.encounters < after.encounters)
        #expect(copied.encounters - before.encounters == copied.log - before.log)
        #expect(try sqliteShell(backup, "PRAGMA integrity_check") == "ok")
        #expect(try sqliteShell(backup, "PRAGMA journal_mode") == "delete")
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
        #expect(try NaraBinary.run(["backup", "--store", path, "--to", backup]).status == 1) // never over a file
        let backupHead = try sqliteShell(backup, "SELECT id || ' ' || hash FROM access_log ORDER BY id DESC LIMIT 1")

        // Not while a session has the store open; at once when that session is killed.
        let session = try RunningNara(["selftest", "hold", "open", "--store", path])
        #expect(session.waitForLine(seconds: 30) { $0 == "holding" })
        let refused = try NaraBinary.run(["restore", "--store", path, "--from", backup])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("open in another session"), "\(refused.stderr)")
        #expect(try counts(path) == after)
        session.kill()
        session.finish()

        let restored = try NaraBinary.run(["restore", "--store", path, "--from", backup])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try counts(path) == copied)
        let verify = try NaraBinary.run(["audit", "verify", "--store", path])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("head \(backupHead.split(separator: " ").last ?? "")"))
        #expect(try NaraBinary.run(["audit", "head", "--store", path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == backupHead)
        // The replaced store is kept whole, with the writers' later work.
        let kept = try #require(restored.stdout.split(separator: "\n").first { $0.hasPrefix("kept\t") }?
            .split(separator: "\t").last.map(String.init))
        #expect(kept.hasPrefix(path + ".before-restore-"))
        #expect(try counts(kept) == after)
        #expect(try sqliteShell(kept, "PRAGMA integrity_check") == "ok")
        // The restored store takes new work.
        #expect(try NaraBinary.run(["selftest", "write", "--store", path, "--count", "3"]).status == 0)
        #expect(try counts(path).encounters == copied.encounters + 3)
    }

    @Test func aDamagedOrForeignBackupIsRefusedAndTheStoreKept() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        let backup = folder.appendingPathComponent("b.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "100"]).status == 0)
        #expect(try NaraBinary.run(["selftest", "write", "--store", path, "--count", "5"]).status == 0)
        #expect(try NaraBinary.run(["backup", "--store", path, "--to", backup]).status == 0)
        let before = try counts(path)

        let handle = try #require(FileHandle(forUpdatingAtPath: backup))
        try handle.seek(toOffset: try handle.seekToEnd() / 2)
        handle.write(Data(repeating: 0x5A, count: 32 * 1024))
        try handle.close()
        let damaged = try NaraBinary.run(["restore", "--store", path, "--from", backup])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.hasPrefix("nara: "), "\(damaged.stderr)")
        #expect(damaged.stderr.contains("damaged"), "\(damaged.stderr)")

        let tampered = folder.appendingPathComponent("t.sqlite").path
        #expect(try NaraBinary.run(["backup", "--store", path, "--to", tampered]).status == 0)
        _ = try sqliteShell(tampered, "DROP TRIGGER IF EXISTS access_log_no_update; UPDATE access_log SET detail = 'x' WHERE id = 2;")
        #expect(try sqliteShell(tampered, "SELECT detail FROM access_log WHERE id = 2") == "x")
        let broken = try NaraBinary.run(["restore", "--store", path, "--from", tampered])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("access log broken at row"), "\(broken.stderr)")

        let foreign = folder.appendingPathComponent("f.txt").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: foreign))
        let notStore = try NaraBinary.run(["restore", "--store", path, "--from", foreign])
        #expect(notStore.status == 1)
        #expect(notStore.stderr.contains("not a Nära store"))
        let missing = try NaraBinary.run(["restore", "--store", path, "--from", folder.appendingPathComponent("no").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no store at"))

        #expect(try counts(path) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.contains("before-restore") || $0.contains("restoring") || $0.contains("partial") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
