import Foundation
import Testing
import TmuxTesting

/// The deployment of docs/DEPLOYMENT.md against a real OpenSSH server on 127.0.0.1: one
/// service account whose shell is /bin/sh, a forced command per key. Needs sshd (`.ci/run`
/// installs openssh-server) and root, to make the account; skipped otherwise.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") && getuid() == 0))
final class SshServerTests {
    let folder = temporaryFolder()
    var store: String { folder.appendingPathComponent("clinic.sqlite").path }
    let port = Int.random(in: 40_000...60_000)
    var sshd: pid_t = 0
    var nurse = "", colleague = ""
    /// The service account, as DEPLOYMENT.md makes it: a plain /bin/sh, no login files,
    /// so nothing but the forced command runs when a nurse connects.
    static let account = "nara-e2e"

    init() throws {
        if try run("/usr/bin/id", [Self.account]).status != 0 {
            try run("/usr/sbin/useradd", ["--system", "--shell", "/bin/sh", "--home-dir", "/nonexistent",
                                          "--no-create-home", Self.account])
        }
        // No password, but not locked: sshd without PAM refuses a locked account ("!").
        try run("/usr/sbin/usermod", ["-p", "*", Self.account])
        #expect(try NaraBinary.run(["demo", "--store", store, "--patients", "300", "--seed", "3"]).status == 0)
        nurse = try sqlite("SELECT value FROM store_meta WHERE key = 'demo_user'")
        colleague = try sqlite("""
            SELECT id FROM staff WHERE active = 1 AND profession IN ('nurse', 'district_nurse') AND id <> '\(nurse)'
              AND unit_id = (SELECT unit_id FROM staff WHERE id = '\(nurse)') ORDER BY id LIMIT 1
            """)
        for (name, who) in [("nurse", nurse), ("colleague", colleague)] {
            try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "\(name)@ws", "-f", path(name)])
            let added = try NaraBinary.run(["staff", "add-key", "--store", store, "--id", who, "--key", path(name) + ".pub"])
            #expect(added.status == 0, "\(added.stderr)")
        }
        // The account must be able to run the binary wherever the checkout lives (a clone
        // under a private home would not be reachable): give it its own copy, as an
        // installed binary in /usr/local/bin would be.
        let binary = path("nara")
        try FileManager.default.copyItem(atPath: NaraBinary.url.path, toPath: binary)
        let keys = try NaraBinary.run(["ssh", "authorized-keys", "--store", store, "--binary", binary])
        #expect(keys.status == 0, "\(keys.stderr)")
        try keys.stdout.write(toFile: path("authorized_keys"), atomically: true, encoding: .utf8)
        try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path("host_key")])
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        // The account owns the store, as the service account owns /var/lib/nara.
        try run("/bin/chown", ["-R", Self.account, folder.path])
        try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(path("host_key"))
            PidFile \(path("sshd.pid"))
            AuthorizedKeysFile \(path("authorized_keys"))
            StrictModes no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            AllowUsers \(Self.account)
            DisableForwarding yes
            PermitUserRC no
            PermitTTY yes
            Subsystem sftp internal-sftp
            """.write(toFile: path("sshd_config"), atomically: true, encoding: .utf8)
        sshd = try spawnInBackground("/usr/sbin/sshd", ["-D", "-e", "-f", path("sshd_config")], outputPath: path("sshd.log"))
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !(try listening()) { Thread.sleep(forTimeInterval: 0.05) }
    }

    deinit {
        if sshd > 0 { kill(sshd, SIGTERM) }
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    var sshOptions: [String] {
        ["-p", "\(port)", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
         "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes"]
    }

    @Test func eachKeyLandsInTheProgramAsItsOwnPersonAndTheLogHasTheClientAddress() throws {
        for (key, who) in [("nurse", nurse), ("colleague", colleague)] {
            let name = try sqlite("SELECT name FROM staff WHERE id = '\(who)'")
            let session = try TmuxSession(binary: "/usr/bin/ssh", environment: ["TERM": "xterm-256color"],
                                          arguments: ["-tt", "-i", path(key)] + sshOptions + ["\(Self.account)@127.0.0.1"])
            defer { session.close() }
            // Both are clinical staff: they start on Min dag, search one key away.
            let screen = try session.waitForScreen(seconds: 15) { $0.contains("┌ Min dag") }
            let serverLog = (try? String(contentsOfFile: path("sshd.log"), encoding: .utf8)) ?? ""
            #expect(screen.matched, "\(screen.screen) \(serverLog) \(session.standardError)")
            #expect(screen.screen.contains(name))
            // Open a record: the read is logged with the SSH client's address.
            let patient = try sqlite("""
                SELECT p.family_name FROM patient p JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
                WHERE p.protected = 0 AND l.unit_id = (SELECT unit_id FROM staff WHERE id = '\(who)') ORDER BY p.id LIMIT 1
                """)
            try session.sendKeys("F2")
            _ = try session.waitForScreen(containing: "Sök:")
            try session.sendKeys("-l", patient)
            _ = try session.waitForScreen(containing: "Personnummer")
            try session.sendKeys("Enter")
            _ = try session.waitForScreen(containing: "┌ Översikt")
            try session.sendKeys("F10")
            _ = try session.waitForExit(seconds: 10)
            let row = try sqlite("SELECT staff_id || ' ' || client_address FROM access_log WHERE detail LIKE 'record%' ORDER BY id DESC LIMIT 1")
            #expect(row == "\(who) 127.0.0.1")
        }
    }

    @Test func aRemoteCommandGivesNoShellAndIsLoggedAsAnAttempt() throws {
        let r = try run("/usr/bin/ssh", ["-i", path("nurse")] + sshOptions + ["\(Self.account)@127.0.0.1", "echo", "SHELL-REACHED"])
        #expect(r.status != 0)
        #expect(!r.output.contains("SHELL-REACHED"))
        let logged = try sqlite("SELECT detail || ' ' || client_address FROM access_log WHERE detail LIKE 'ignored remote command%' ORDER BY id DESC LIMIT 1")
        #expect(logged.contains("echo SHELL-REACHED"))
        #expect(logged.hasSuffix("127.0.0.1"))
    }

    @Test func portForwardingAndSftpAreRefused() throws {
        let forward = try run("/usr/bin/ssh", ["-i", path("nurse")] + sshOptions
            + ["-o", "ExitOnForwardFailure=yes", "-N", "-R", "127.0.0.1:\(port + 1):127.0.0.1:\(port)", "\(Self.account)@127.0.0.1"],
            timeout: 10)
        #expect(forward.status != 0)
        let sftp = try run("/usr/bin/sftp", ["-b", "-", "-i", path("nurse"), "-P", "\(port)", "-o", "StrictHostKeyChecking=no",
                                             "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                                             "\(Self.account)@127.0.0.1"], input: "ls /\n", timeout: 10)
        #expect(sftp.status != 0)
        #expect(!sftp.output.contains("etc"))
    }

    // MARK: - Helpers

    @discardableResult
    func run(_ program: String, _ arguments: [String], input: String? = nil, timeout: Double = 20) throws
        -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        let stdin = Pipe()
        p.standardInput = stdin
        try p.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning { p.terminate() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func sqlite(_ sql: String) throws -> String {
        try sqliteShell(store, sql)
    }

    func listening() throws -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
