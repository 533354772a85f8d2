import Foundation
import Testing

/// A session that drops (SSH gone, process killed) leaves nothing that stops the others:
/// SQLite's locks and Nära's own flock files belong to the process and vanish with it.
@Suite struct StaleLockTests {
    @Test func aSessionKilledInsideAWriteTransactionLeavesNoLockBehind() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "50"]).status == 0)
        let fast = ["NARA_BUSY_TIMEOUT": "1"]

        let holder = try RunningNara(["selftest", "hold", "write", "--store", path])
        #expect(holder.waitForLine(seconds: 30) { $0 == "holding" }, "\(holder.output)")
        // While it holds the write lock, a writer waits its deadline, then says so clearly.
        let blocked = try NaraBinary.run(["selftest", "write", "--store", path, "--count", "1"], environment: fast)
        #expect(blocked.status == 1)
        #expect(blocked.stdout.isEmpty)
        #expect(blocked.stderr.contains("locked by another process"), "\(blocked.stderr)")

        holder.kill()
        #expect(holder.finish() == 128 + SIGKILL)
        let start = Date()
        let after = try NaraBinary.run(["selftest", "write", "--store", path, "--count", "1"], environment: fast)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(try sqliteShell(path, "PRAGMA integrity_check") == "ok")
    }

    @Test func aKilledSessionNoLongerCountsAsHavingTheStoreOpen() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.sqlite").path
        let backup = folder.appendingPathComponent("b.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "50"]).status == 0)
        #expect(try NaraBinary.run(["backup", "--store", path, "--to", backup]).status == 0)
        let sessions = try (0..<3).map { _ in try RunningNara(["selftest", "hold", "open", "--store", path]) }
        for s in sessions { #expect(s.waitForLine(seconds: 30) { $0 == "holding" }) }
        for (i, s) in sessions.enumerated() {
            let r = try NaraBinary.run(["restore", "--store", path, "--from", backup])
            #expect(r.status == 1, "with \(sessions.count - i) sessions open")
            s.kill()
            s.finish()
        }
        #expect(try NaraBinary.run(["restore", "--store", path, "--from", backup]).status == 0)
    }
}
