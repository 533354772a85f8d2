import Foundation
import Testing

/// Security review M5, L3, L7: what the real binary leaves on disk, under any umask.
@Suite struct FileModeCommandTests {
    /// Runs nara under `umask 000`, the laxest an administrator's shell could have.
    func runLax(_ arguments: [String]) throws -> NaraBinary.Result {
        try NaraBinary.execute(URL(fileURLWithPath: "/bin/sh"),
                               ["-c", "umask 000; exec \"$0\" \"$@\"", NaraBinary.url.path] + arguments,
                               environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
    }

    /// Every file and folder under `root` (not `root` itself) with a mode that is not
    /// the owner's alone.
    func notOwnerOnly(under root: URL) throws -> [String] {
        var found: [String] = []
        let fm = FileManager.default
        for name in try fm.subpathsOfDirectory(atPath: root.path) {
            let path = root.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isFolder = info.st_mode & S_IFMT == S_IFDIR
            let expected: mode_t = isFolder ? 0o700 : 0o600
            if info.st_mode & 0o777 != expected { found.append("\(name) \(String(info.st_mode & 0o777, radix: 8))") }
        }
        return found
    }

    @Test func demoBackupExportAndImportMakeOnlyOwnerOnlyFilesUnderUmask000() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("made")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
        let demo = root.appendingPathComponent("a/b/demo.sqlite").path
        let backup = root.appendingPathComponent("a/backup.sqlite").path
        let export = root.appendingPathComponent("a/export.json").path
        let imported = root.appendingPathComponent("c/d/clinic.sqlite").path

        let made = try runLax(["demo", "--store", demo, "--patients", "30", "--years", "1", "--today", "2026-11-20"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try runLax(["staff", "list", "--store", demo]).status == 0)
        let backedUp = try runLax(["backup", "--store", demo, "--to", backup])
        #expect(backedUp.status == 0, "\(backedUp.stderr)")
        let exported = try runLax(["export", "--store", demo, "--out", export])
        #expect(exported.status == 0, "\(exported.stderr)")
        let imports = try runLax(["import", export, "--store", imported])
        #expect(imports.status == 0, "\(imports.stderr)")
        #expect(FileManager.default.fileExists(atPath: imported + ".sessions"))
        #expect(try notOwnerOnly(under: root) == [])
    }

    /// L3: `audit verify` and `check` on a backup read it; it stays one file, not WAL.
    @Test func verifyingABackupLeavesItOneFile() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("clinic.sqlite").path
        let backup = folder.appendingPathComponent("backup.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", store, "--patients", "30", "--years", "1"]).status == 0)
        #expect(try NaraBinary.run(["backup", "--store", store, "--to", backup]).status == 0)
        let verify = try NaraBinary.run(["audit", "verify", "--store", backup])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(try NaraBinary.run(["check", "--store", backup]).status == 0)
        #expect(try sqliteShell(backup, "PRAGMA journal_mode") == "delete")
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
    }

    /// M5: a store in a folder everyone can write is refused, with the reason.
    @Test func aStoreInAFolderOthersCanWriteIsRefused() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("clinic.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", store, "--patients", "30", "--years", "1"]).status == 0)
        chmod(folder.path, 0o777)
        let refused = try NaraBinary.run(["staff", "list", "--store", store])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("others can write \(folder.path)"), "\(refused.stderr)")
    }

    /// L7: `export --out` does not replace a file unless told to, like `backup`.
    @Test func exportRefusesToReplaceAFileWithoutForce() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("clinic.sqlite").path
        let out = folder.appendingPathComponent("out.json").path
        #expect(try NaraBinary.run(["demo", "--store", store, "--patients", "30", "--years", "1"]).status == 0)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: out))
        let refused = try NaraBinary.run(["export", "--store", store, "--out", out])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me")
        let forced = try NaraBinary.run(["export", "--store", store, "--out", out, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("\"resourceType\""))
    }
}
