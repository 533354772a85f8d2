import Foundation
import NaraPostgresTesting
import Testing

/// What `nara` does with a PostgreSQL address beside `nara copy`: `nara bench` prints the
/// same table there as on a file and runs sessions at once; every command takes the
/// address, and a server that does not answer is named without its password.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresAddressCommandTests {
    @Test func benchPrintsTheSameTableOnPostgres() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("demo.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", demo, "--patients", "200", "--seed", "5"]).status == 0)
        let region = try CopyCommandTests.address(in: folder)
        let copied = try NaraBinary.run(["copy", "--from", demo, "--to", region])
        #expect(copied.status == 0, "\(copied.stderr)")

        let bench = try NaraBinary.run(["bench", "--store", region, "--samples", "100", "--json"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let figures = try JSONSerialization.jsonObject(with: Data(bench.stdout.utf8)) as? [String: [String: Double]]
        let fileBench = try NaraBinary.run(["bench", "--store", demo, "--samples", "100", "--json"])
        let fileFigures = try JSONSerialization.jsonObject(with: Data(fileBench.stdout.utf8)) as? [String: [String: Double]]
        #expect(Set(figures?.keys.map { $0 } ?? []) == Set(fileFigures?.keys.map { $0 } ?? []))
        for key in ["name_search_ms", "keystroke_to_frame_ms", "open_overview_ms", "my_day_listed_ms", "first_frame_ms"] {
            #expect((figures?[key]?["p50"] ?? 0) > 0, "\(key) in \(bench.stdout)")
        }

        // The load test: sessions at once, each action measured, nothing failed, and the
        // server's connections seen; and it asks for a database.
        let load = try NaraBinary.run(["bench", "--store", region, "--sessions", "4", "--seconds", "1",
                                       "--pause-ms", "0", "--json"])
        #expect(load.status == 0, "\(load.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(load.stdout.utf8)) as? [String: Double]
        #expect(report?["sessions"] == 4 && report?["failed"] == 0 && (report?["rounds"] ?? 0) >= 4, "\(load.stdout)")
        #expect((report?["server_connections"] ?? 0) >= 1)
        for action in ["search_2_letters", "search_3_letters", "pnr_lookup", "open_record", "task_written", "task_done",
                       "referral_inbox", "min_dag", "mina_patienter", "work_list"] {
            #expect((report?[action + "_p99_ms"] ?? 0) > 0, "\(action) in \(load.stdout)")
        }
        let onFile = try NaraBinary.run(["bench", "--store", demo, "--sessions", "4"])
        #expect(onFile.status == 1 && onFile.stderr.contains("PostgreSQL"), "\(onFile.stderr)")
        let bad = try NaraBinary.run(["bench", "--store", region, "--sessions", "0"])
        #expect(bad.status != 0 && bad.stderr.contains("--sessions"), "\(bad.stderr)")
    }

    /// Sessions and the other commands take the address too; a server that does not
    /// answer is a message without the password, and the file-only `restore` refuses it.
    @Test func sessionsAndCommandsNameAnUnreachableServerWithoutItsPassword() throws {
        let url = "postgresql://nara:secret-word@127.0.0.1:1/region?connect_timeout=2"
        for arguments in [["worklist", "elderly-multimorbid", "--store", url], ["--store", url, "--user", "eva"],
                          ["report", "continuity", "--store", url]] {
            let run = try NaraBinary.run(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("cannot be reached") && run.stderr.contains("127.0.0.1:1"), "\(run.stderr)")
            #expect(!run.stderr.contains("secret-word"))
        }
        let restore = try NaraBinary.run(["restore", "--store", url, "--from", "/nonexistent.sqlite"])
        #expect(restore.status == 1 && restore.stderr.contains("point-in-time recovery"), "\(restore.stderr)")
        #expect(!restore.stderr.contains("secret-word"))
    }

    /// The operator's commands take the address, and a server that does not answer is
    /// said to be so, without the password.
    @Test func operatorCommandsNameAnUnreachableServerWithoutItsPassword() throws {
        let url = "postgresql://nara:secret-word@127.0.0.1:1/region?connect_timeout=2"
        for arguments in [["check", "--store", url], ["staff", "list", "--store", url],
                          ["audit", "head", "--store", url], ["ssh", "authorized-keys", "--store", url,
                                                               "--binary", "/usr/bin/nara"]] {
            let run = try NaraBinary.run(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(!run.stderr.isEmpty && !run.stderr.contains("secret-word"), "\(run.stderr)")
        }
    }
}
