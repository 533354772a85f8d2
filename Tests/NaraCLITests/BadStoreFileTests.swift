import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Store files in every bad state a server can leave them: each gives a clear message
/// on stderr and exit status 1 from `nara check`, `nara worklist` and the program
/// itself, never a crash (a signal) and never a changed file.
@Suite struct BadStoreFileTests {
    /// A small demo store, copied for each case.
    final class Original {
        let folder = temporaryFolder()
        let path: String
        let user: String

        init() throws {
            path = folder.appendingPathComponent("good.sqlite").path
            let built = try NaraBinary.run(["demo", "--store", path, "--patients", "100", "--seed", "2"])
            guard built.status == 0 else { throw CocoaError(.fileWriteUnknown) }
            user = try sqliteShell(path, "SELECT value FROM store_meta WHERE key = 'demo_user'")
        }

        func copy(_ name: String) throws -> String {
            let target = folder.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: path, toPath: target)
            return target
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    struct Outcome {
        var command: String
        var result: NaraBinary.Result
    }

    /// The three ways in: the integrity check, a command that reads and logs, and the
    /// program (which fails on the store before it needs a terminal).
    func everyWayIn(_ path: String, user: String, environment: [String: String] = [:],
                    run: ([String], [String: String]) throws -> NaraBinary.Result = { try NaraBinary.run($0, environment: $1) })
        throws -> [Outcome] {
        [Outcome(command: "check", result: try run(["check", "--store", path], environment)),
         Outcome(command: "worklist", result: try run(["worklist", "elderly-multimorbid", "--store", path, "--user", user],
                                                      environment)),
         Outcome(command: "nara", result: try run(["--store", path, "--user", user], environment))]
    }

    func expectClearFailure(_ outcomes: [Outcome], saying words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for o in outcomes {
            #expect(o.result.status == 1, "\(o.command): status \(o.result.status) \(o.result.stderr)",
                    sourceLocation: sourceLocation)
            #expect(o.result.stderr.hasPrefix("nara: "), "\(o.command): \(o.result.stderr)", sourceLocation: sourceLocation)
            #expect(o.result.stderr.contains(words), "\(o.command): \(o.result.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test func aMissingStore() throws {
        let original = try Original()
        let path = original.folder.appendingPathComponent("gone.sqlite").path
        expectClearFailure(try everyWayIn(path, user: original.user), saying: "no store at \(path)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aCorruptStore() throws {
        let original = try Original()
        let path = try original.copy("corrupt.sqlite")
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        // Overwrite pages in the middle of the file, as a failing disk would.
        try handle.seek(toOffset: size / 3)
        handle.write(Data(repeating: 0xA5, count: 64 * 1024))
        try handle.close()
        let outcomes = try everyWayIn(path, user: original.user)
        for o in outcomes {
            #expect(o.result.status == 1, "\(o.command): status \(o.result.status) \(o.result.stderr)")
            #expect(o.result.stderr.hasPrefix("nara: "), "\(o.command): \(o.result.stderr)")
            #expect(o.result.stderr.contains("damaged") || o.result.stderr.contains("integrity"), "\(o.command): \(o.result.stderr)")
        }
    }

    @Test func aTruncatedStore() throws {
        let original = try Original()
        let path = try original.copy("short.sqlite")
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.truncate(atOffset: try handle.seekToEnd() / 2)
        try handle.close()
        let outcomes = try everyWayIn(path, user: original.user)
        for o in outcomes {
            #expect(o.result.status == 1, "\(o.command): status \(o.result.status) \(o.result.stderr)")
            #expect(o.result.stderr.hasPrefix("nara: "), "\(o.command): \(o.result.stderr)")
            #expect(o.result.stderr.contains("damaged") || o.result.stderr.contains("integrity"), "\(o.command): \(o.result.stderr)")
        }
        // A file cut inside its header is named as such.
        let stub = original.folder.appendingPathComponent("stub.sqlite")
        try Data(try Data(contentsOf: URL(fileURLWithPath: original.path)).prefix(60)).write(to: stub)
        expectClearFailure(try everyWayIn(stub.path, user: original.user), saying: "truncated")
    }

    @Test func aStoreFromANewerVersionIsRefusedAndNotTouched() throws {
        let original = try Original()
        let path = try original.copy("newer.sqlite")
        _ = try sqliteShell(path, "INSERT INTO grdb_migrations VALUES ('v99-from-a-later-nara')")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        expectClearFailure(try everyWayIn(path, user: original.user), saying: "newer version of nara")
        #expect(try everyWayIn(path, user: original.user).allSatisfy { $0.result.stderr.contains("upgrade nara") })
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
        #expect(try sqliteShell(path, "SELECT count(*) FROM access_log") == sqliteShell(original.path, "SELECT count(*) FROM access_log"))
    }

    @Test func aStoreLockedByAnotherProcess() throws {
        let original = try Original()
        let path = try original.copy("locked.sqlite")
        // An administrator's sqlite3 shell holding the file in exclusive locking mode.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [path]
        let input = Pipe()
        shell.standardInput = input
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        // The shell writes a marker file once it holds the lock (its own busy timeout lets
        // it wait out any reader that is there at that moment).
        let marker = original.folder.appendingPathComponent("held.txt").path
        input.fileHandleForWriting.write(Data("""
            .timeout 5000
            PRAGMA locking_mode = EXCLUSIVE;
            BEGIN EXCLUSIVE;
            INSERT INTO store_meta VALUES ('held', 'yes');
            .output \(marker)
            SELECT 'held';
            .output stdout

            """.utf8))
        let held = Date().addingTimeInterval(20)
        while Date() < held, (try? String(contentsOfFile: marker, encoding: .utf8))?.contains("held") != true {
            usleep(20_000)
        }
        #expect(FileManager.default.fileExists(atPath: marker))
        let fast = ["NARA_BUSY_TIMEOUT": "1"]
        expectClearFailure(try everyWayIn(path, user: original.user, environment: fast), saying: "locked by another process")
        try input.fileHandleForWriting.close()
        shell.waitUntilExit()
        #expect(try NaraBinary.run(["check", "--store", path]).status == 0)

        // A process stuck while holding the migration lock: a session that needs it says
        // so after the wait instead of hanging.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [path + ".lock", "sleep", "30"]
        try holder.run()
        defer { holder.terminate() }
        func lockIsHeld() throws -> Bool {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            probe.arguments = ["-n", "-E", "99", path + ".lock", "true"]
            try probe.run()
            probe.waitUntilExit()
            return probe.terminationStatus == 99
        }
        let taken = Date().addingTimeInterval(20)
        while Date() < taken, try !lockIsHeld() { usleep(20_000) }
        let stuck = try NaraBinary.run(["worklist", "elderly-multimorbid", "--store", path, "--user", original.user],
                                       environment: fast)
        #expect(stuck.status == 1)
        #expect(stuck.stderr.contains("locked by another process"), "\(stuck.stderr)")
    }

    /// Read-only for the user running nara. Root reads and writes any file, so as root
    /// the commands run as `nobody` through setpriv.
    @Test func aReadOnlyStoreOpensForReadingAndRefusesWritesClearly() throws {
        let original = try Original()
        let folder = original.folder.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("ro.sqlite").path
        try FileManager.default.copyItem(atPath: original.path, toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        // nobody must reach the binary wherever the checkout lives: it runs its own copy.
        let binary = original.folder.appendingPathComponent("nara").path
        if getuid() == 0 { try FileManager.default.copyItem(atPath: NaraBinary.url.path, toPath: binary) }
        let run: ([String], [String: String]) throws -> NaraBinary.Result = { arguments, environment in
            getuid() == 0 ? try NaraBinary.runAsNobody(binary: binary, arguments, environment: environment)
                          : try NaraBinary.run(arguments, environment: environment)
        }
        let outcomes = try everyWayIn(path, user: original.user, run: run)
        let check = outcomes[0].result
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("integrity\tok"))
        #expect(check.stdout.contains("patient\t100"))
        // A work list is logged as an export: that write is refused, clearly.
        expectClearFailure([outcomes[1]], saying: "read-only")
        // The program opens the store for reading; here it stops only for want of a terminal.
        #expect(outcomes[2].result.stderr.contains("must be a terminal"), "\(outcomes[2].result.stderr)")
        #expect(!outcomes[2].result.stderr.contains("store"), "\(outcomes[2].result.stderr)")

        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        expectClearFailure(try everyWayIn(path, user: original.user, run: run), saying: "permission denied")
    }
}

extension NaraBinary {
    /// Runs nara as the unprivileged user `nobody`, for tests of file permissions that
    /// root would pass through.
    static func runAsNobody(binary: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"]
        env.merge(environment) { _, new in new }
        return try execute(URL(fileURLWithPath: "/usr/bin/setpriv"),
                           ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments, environment: env)
    }
}
