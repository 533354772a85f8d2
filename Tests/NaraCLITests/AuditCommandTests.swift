import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct AuditCommandTests {

    @Test func verifyHeadAndExtract() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "200", "--today", "2026-11-23"]).status == 0)
        for _ in 0..<3 {
            let list = try NaraBinary.run(["worklist", "discharged", "--store", path, "--today", "2026-11-23"])
            #expect(list.status == 0, "\(list.stderr)")
        }
        #expect(try NaraBinary.run(["selftest", "write", "--store", path, "--count", "3"]).status == 0)

        let verify = try NaraBinary.run(["audit", "verify", "--store", path])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("intact: "))
        let head = try NaraBinary.run(["audit", "head", "--store", path])
        #expect(head.status == 0, "\(head.stderr)")
        let parts = head.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(parts.count == 2)
        #expect(parts.last?.count == 64 && parts.last?.allSatisfy(\.isHexDigit) == true)
        #expect(verify.stdout.contains(parts.last ?? "-"))

        // The patient selftest wrote to, and a user to take the extract as.
        let ident = try sqliteShell(path, """
            SELECT p.ident FROM access_log l JOIN patient p ON p.id = l.patient_id
            WHERE l.detail LIKE 'encounter%' ORDER BY l.id DESC LIMIT 1
            """)
        // A log reviewer takes the extract a patient asks for.
        let user = try sqliteShell(path, "SELECT id FROM staff WHERE roles LIKE '%administrator%' AND active = 1 LIMIT 1")
        #expect(!ident.isEmpty && !user.isEmpty)
        let csv = try NaraBinary.run(["audit", "extract", "--patient", ident, "--user", user, "--store", path,
                                      "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        // In words a patient can judge, no internal codes.
        #expect(csv.stdout.hasPrefix("time,unit,person,what,emergency,reason\n"))
        #expect(csv.stdout.split(separator: "\n").filter { $0.contains(",registrerade en vårdkontakt,nej,") }.count >= 3)
        #expect(!csv.stdout.contains("encounter"))
        let json = try NaraBinary.run(["audit", "extract", "--patient", ident, "--user", user, "--store", path,
                                       "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        // The CSV extract above is in the JSON one: taking an extract is logged.
        let userName = try sqliteShell(path, "SELECT name FROM staff WHERE id = '\(user)'")
        #expect(parsed.contains { ($0["what"] as? String) == "tog ut loggutdrag" && ($0["person"] as? String) == userName })
        let text = try NaraBinary.run(["audit", "extract", "--patient", ident, "--user", user, "--store", path,
                                       "--format", "text", "--lang", "en"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains(": recorded an encounter\n"), "\(text.stdout)")
        #expect(text.stdout.contains(", \(userName): took a log extract"), "\(text.stdout)")
        let table = try NaraBinary.run(["audit", "extract", "--patient", ident, "--user", user, "--store", path])
        #expect(table.stdout.contains("person"))
        #expect(try NaraBinary.run(["audit", "extract", "--patient", ident, "--user", "nobody", "--store", path])
            .status != 0)
        #expect(try NaraBinary.run(["audit", "verify", "--store", path]).status == 0)

        _ = try sqliteShell(path, "DROP TRIGGER access_log_no_update; UPDATE access_log SET detail = 'x' WHERE id = 2;")
        let broken = try NaraBinary.run(["audit", "verify", "--store", path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("broken at row 2:"), "\(broken.stderr)")
    }

    /// The anchored row id and hash in an anchor line.
    private func anchored(_ line: String) -> (row: Int, hash: String)? {
        let words = line.split(separator: " ")
        guard let rows = words.first(where: { $0.hasPrefix("rows=") }), let row = Int(rows.dropFirst(5)),
              let head = words.first(where: { $0.hasPrefix("head=") }) else { return nil }
        return (row, String(head.dropFirst(5)).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func anchorsShowRowsCutOffTheEndAndRowsWrittenAgainInTheirPlace() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.sqlite").path
        let anchors = folder.appendingPathComponent("anchors.log").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "200", "--today", "2026-11-23"]).status == 0)
        // A report is logged as a print: one row each time, whatever the data.
        let writeRows = {
            let report = try NaraBinary.run(["report", "continuity", "--store", path, "--today", "2026-11-23"])
            #expect(report.status == 0, "\(report.stderr)")
        }

        // A demo store's log is empty until someone reads.
        let empty = try NaraBinary.run(["audit", "anchor", "--store", path])
        #expect(empty.stdout.hasSuffix(" rows=0 head=\(String(repeating: "0", count: 64))\n"), "\(empty.stdout)")
        try writeRows()
        let first = try NaraBinary.run(["audit", "anchor", "--store", path, "--to", anchors])
        #expect(first.status == 0, "\(first.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: anchors)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try writeRows()
        // A line as syslog keeps it, with its own prefix before the marker.
        let printed = try NaraBinary.run(["audit", "anchor", "--store", path])
        #expect(printed.status == 0, "\(printed.stderr)")
        let line = printed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.range(of: #"^nara-audit-anchor v1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ rows=\d+ head=[0-9a-f]{64}$"#,
                           options: .regularExpression) != nil, "\(line)")
        let handle = try #require(FileHandle(forWritingAtPath: anchors))
        handle.seekToEndOfFile()
        handle.write(Data("Dec  5 13:48:33 clinic nara-audit[4711]: \(line)\n".utf8))
        try handle.close()
        let second = try #require(anchored(line))
        try writeRows()

        let holds = try NaraBinary.run(["audit", "verify", "--store", path, "--anchors", anchors])
        #expect(holds.status == 0, "\(holds.stderr)")
        #expect(holds.stdout.contains("; 2 anchors hold"), "\(holds.stdout)")

        // Cut the rows from the second anchor's on: the chain alone still holds.
        _ = try sqliteShell(path, "DROP TRIGGER access_log_no_delete; DELETE FROM access_log WHERE id >= \(second.row);")
        #expect(try NaraBinary.run(["audit", "verify", "--store", path]).status == 0)
        let cut = try NaraBinary.run(["audit", "verify", "--store", path, "--anchors", anchors])
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("line 2, anchor of "), "\(cut.stderr)")
        #expect(cut.stderr.contains("rows cut off after row \(second.row - 1)"), "\(cut.stderr)")

        // Rows written again in the cut rows' place chain on from the cut head.
        try writeRows()
        try writeRows()
        #expect(try NaraBinary.run(["audit", "verify", "--store", path]).status == 0)
        let rewritten = try NaraBinary.run(["audit", "verify", "--store", path, "--anchors", anchors])
        #expect(rewritten.status == 1)
        #expect(rewritten.stderr.contains("row \(second.row) changed"), "\(rewritten.stderr)")

        // A damaged anchor line, or a file with none, is not a check that passed.
        try Data("nara-audit-anchor v1 2026-12-05T13:48:33Z rows=x head=00\n".utf8)
            .write(to: URL(fileURLWithPath: anchors))
        let damaged = try NaraBinary.run(["audit", "verify", "--store", path, "--anchors", anchors])
        #expect(damaged.status == 1 && damaged.stderr.contains("line 1: a damaged anchor line"), "\(damaged.stderr)")
        try Data("nothing here\n".utf8).write(to: URL(fileURLWithPath: anchors))
        #expect(try NaraBinary.run(["audit", "verify", "--store", path, "--anchors", anchors]).status == 1)
    }

    @Test func anchorToSyslogGoesThroughLoggerFromPath() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "50", "--today", "2026-11-23"]).status == 0)
        #expect(try NaraBinary.run(["report", "continuity", "--store", path, "--today", "2026-11-23"]).status == 0)
        // A stand-in for util-linux logger that keeps its arguments.
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let logger = bin.appendingPathComponent("logger")
        let received = folder.appendingPathComponent("received").path
        try "#!/bin/sh\nprintf '%s|' \"$@\" > '\(received)'\n".write(to: logger, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: logger.path)

        let sent = try NaraBinary.run(["audit", "anchor", "--store", path, "--syslog"],
                                      environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(sent.status == 0, "\(sent.stderr)")
        let arguments = try String(contentsOfFile: received, encoding: .utf8).split(separator: "|").map(String.init)
        #expect(arguments.prefix(4) == ["--socket-errors=on", "-t", "nara-audit", "--"], "\(arguments)")
        let head = try NaraBinary.run(["audit", "head", "--store", path]).stdout.split(separator: " ")
        #expect(arguments.last?.hasPrefix("nara-audit-anchor v1 ") == true)
        #expect(arguments.last?.hasSuffix("rows=\(head[0]) head=\(head[1])".trimmingCharacters(in: .newlines)) == true,
                "\(arguments)")

        // A logger that fails (no syslog socket) is a failed anchor.
        try "#!/bin/sh\necho 'logger: socket /dev/log: No such file or directory' >&2\nexit 1\n"
            .write(to: logger, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: logger.path)
        let failed = try NaraBinary.run(["audit", "anchor", "--store", path, "--syslog"],
                                        environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("failed (status 1); the anchor was not written"), "\(failed.stderr)")

        let missing = try NaraBinary.run(["audit", "anchor", "--store", path, "--syslog"],
                                         environment: ["PATH": folder.appendingPathComponent("none").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("--syslog needs `logger` (util-linux) on PATH"), "\(missing.stderr)")
    }

    /// DEPLOYMENT.md has root's systemd unit write the anchor file. Root reading the
    /// store must leave nothing beside it that the service account cannot open: a
    /// root-owned `.sessions` would stop its sessions from being seen by a restore.
    @Test func rootAnchoringAnotherUsersStoreLeavesEveryFileTheirs() throws {
        guard geteuid() == 0 else { return }
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let storeFolder = folder.appendingPathComponent("store")
        let path = storeFolder.appendingPathComponent("a.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "50", "--today", "2026-11-23"]).status == 0)
        #expect(try NaraBinary.run(["report", "continuity", "--store", path, "--today", "2026-11-23"]).status == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: storeFolder.path)
        where name.hasSuffix(".lock") || name.hasSuffix(".sessions") {
            try FileManager.default.removeItem(atPath: storeFolder.appendingPathComponent(name).path)
        }
        let service: UInt32 = 65534
        for name in [""] + (try FileManager.default.contentsOfDirectory(atPath: storeFolder.path)) {
            #expect(chown(storeFolder.appendingPathComponent(name).path, service, service) == 0)
        }
        let anchors = folder.appendingPathComponent("anchors.log").path
        let anchored = try NaraBinary.run(["audit", "anchor", "--store", path, "--to", anchors])
        #expect(anchored.status == 0, "\(anchored.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: storeFolder.path)
        #expect(left.contains("a.sqlite.sessions"), "\(left)")
        for name in left {
            let owner = try FileManager.default.attributesOfItem(atPath: storeFolder.appendingPathComponent(name).path)[.ownerAccountID] as? Int
            #expect(owner == Int(service), "\(name) belongs to \(owner ?? -1)")
        }
        let verified = try NaraBinary.run(["audit", "verify", "--store", path, "--anchors", anchors])
        #expect(verified.status == 0, "\(verified.stderr)")
    }
}
