import Foundation
import Testing

/// A writing process killed with SIGKILL at random moments, over and over: after every
/// kill SQLite's integrity check passes, every commit the process had reported is in
/// the file with its access-log row, and the access-log chain verifies.
@Suite struct CrashTests {
    /// 100 kills by default; NARA_LONG_TESTS=1 (set by .ci/run) makes it 300.
    static let kills = ProcessInfo.processInfo.environment["NARA_LONG_TESTS"] == "1" ? 300 : 100

    @Test func killingAWriterAtRandomMomentsLosesNothingItReported() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("crash.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "50", "--seed", "5"]).status == 0)
        var random = SystemRandomNumberGenerator()
        var reportedTotal = 0, killsAfterACommit = 0

        for round in 0..<Self.kills {
            let writer = try RunningNara(["selftest", "write", "--store", path, "--count", "1000000", "--print-ids"])
            if round % 2 == 0 {
                // Anywhere from start-up to the first few hundred commits.
                let end = Date().addingTimeInterval(Double.random(in: 0..<0.15, using: &random))
                while Date() < end { writer.pump(milliseconds: 2) }
            } else {
                // Mid-stream: after the writer has reported commits.
                #expect(writer.waitForLine(seconds: 30) { Int64($0) != nil }, "no commit reported: \(writer.output)")
                let end = Date().addingTimeInterval(Double.random(in: 0..<0.03, using: &random))
                while Date() < end { writer.pump(milliseconds: 1) }
            }
            writer.kill()
            let status = writer.finish()
            #expect(status == 128 + SIGKILL || status == 0, "round \(round): \(writer.output)")
            let reported = writer.lines.compactMap { Int64($0) }
            reportedTotal += reported.count
            if !reported.isEmpty { killsAfterACommit += 1 }

            let facts = try sqliteShell(path, """
                PRAGMA integrity_check;
                SELECT count(*) FROM encounter WHERE id IN (\(reported.map(String.init).joined(separator: ",")));
                SELECT (SELECT count(*) FROM encounter WHERE reason LIKE 'selftest %')
                     - (SELECT count(*) FROM access_log WHERE session_id LIKE 'selftest-%' AND detail LIKE 'encounter [%');
                """).split(separator: "\n").map(String.init)
            #expect(facts == ["ok", "\(reported.count)", "0"], "round \(round): \(facts)")
            let verify = try NaraBinary.run(["audit", "verify", "--store", path])
            #expect(verify.status == 0 && verify.stdout.hasPrefix("intact"), "round \(round): \(verify.stdout)\(verify.stderr)")
            if facts != ["ok", "\(reported.count)", "0"] || verify.status != 0 { break }
        }
        print("\(Self.kills) kills, \(killsAfterACommit) after reported commits, \(reportedTotal) commits reported, all found")
        #expect(killsAfterACommit >= Self.kills / 2)
        // Nothing the killed writers held is left behind: the next writer works at once.
        let after = try NaraBinary.run(["selftest", "write", "--store", path, "--count", "5"],
                                       environment: ["NARA_BUSY_TIMEOUT": "1"])
        #expect(after.status == 0, "\(after.stderr)")
    }
}
