import Foundation
import Testing
import TmuxTesting

/// The real program in a terminal, left on an open record while other processes commit
/// thousands of times around it: its idle loop holds no read transaction, so the WAL is
/// checkpointed back to its start and stays small (TERMINAL.md).
@Suite(.serialized) struct IdleTerminalSessionTests {
    @Test func anIdleProgramOnAnOpenRecordLeavesTheWALSmall() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("idle.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", store, "--patients", "300", "--seed", "11"]).status == 0)
        let name = try sqliteShell(store, """
            SELECT p.family_name || ' ' || p.given_name FROM patient p
              JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
              JOIN staff s ON s.unit_id = l.unit_id AND s.id = (SELECT value FROM store_meta WHERE key = 'demo_user')
              WHERE p.protected = 0 ORDER BY p.id LIMIT 1;
            """)
        let nurse = NaraTerminal(try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"],
                                                 arguments: ["--start", "search", "--store", store]))
        _ = try nurse.waitFor("Sök:")
        try nurse.type(name)
        _ = try nurse.waitFor { $0.contains(String(name.split(separator: " ")[0])) && !$0.contains("Inga patienter") }
        try nurse.send("Enter")
        _ = try nurse.waitFor("┌ Översikt")

        func walSize() throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: store + "-wal")[.size] as? Int) ?? -1
        }
        // Writers one after another: the only thing that could pin the WAL is the idle program.
        for _ in 0..<3 {
            let writer = try RunningNara(["selftest", "write", "--store", store, "--count", "1000"])
            #expect(writer.finish(seconds: 300) == 0, "\(writer.output)")
        }
        let wal = try walSize()
        print("WAL after 3,000 commits around an idle program on an open record: \(wal) bytes")
        #expect(wal > 0)
        #expect(wal < 6 * 1024 * 1024)

        // A burst of writers overlapping without a pause can outrun the checkpoint for a
        // while; the WAL is cut back to its 8 MiB limit each time it is reset.
        let burst = try (0..<3).map { _ in try RunningNara(["selftest", "write", "--store", store, "--count", "1000"]) }
        for writer in burst { #expect(writer.finish(seconds: 300) == 0, "\(writer.output)") }
        #expect(try NaraBinary.run(["selftest", "write", "--store", store, "--count", "1"]).status == 0)
        let afterBurst = try walSize()
        print("WAL after a burst of 3 overlapping writers and one more commit: \(afterBurst) bytes")
        #expect(afterBurst <= 8 * 1024 * 1024)

        // The session is still there and answers.
        try nurse.send("F2")
        _ = try nurse.waitFor("Sök:")
        try nurse.send("F10")
        #expect(try nurse.waitForExit() == 0)
    }
}
