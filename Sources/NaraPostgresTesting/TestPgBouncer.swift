import Foundation
import NaraPostgresStore
import Testing

/// PgBouncer in transaction pooling in front of the test server, as a region runs it on
/// each clinic server (docs/DEPLOYMENT-REGION.md), with a pool of two server connections:
/// several stores through it share them transaction by transaction, so anything that
/// leans on a session's state (a SET, a named prepared statement, a session lock) fails.
///
/// Started once per test process from Debian's `pgbouncer` (as `postgres` when the tests
/// run as root, since it refuses root), listening only on a Unix socket in a temporary
/// folder; stopped when the process exits, or by a watchdog if it dies. Missing, its
/// tests are skipped, except under `CI=true`, where `.ci/run` installs it and they fail.
public final class TestPgBouncer: Sendable {
    public static let shared: Result<TestPgBouncer, PostgresTestServer.PostgresMissing> = start()
    public static let binary = "/usr/sbin/pgbouncer"
    /// Server connections per database and user: fewer than the stores a test opens.
    public static let poolSize = 2

    public static var shouldRun: Bool {
        if case .success = shared { return true }
        return ProcessInfo.processInfo.environment["CI"] == "true"
    }

    public static var skipReason: Comment {
        if case .failure(let missing) = shared { return Comment(rawValue: "PgBouncer tests skipped: \(missing)") }
        return "PgBouncer is available"
    }

    public static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> TestPgBouncer {
        switch shared {
        case .success(let bouncer): return bouncer
        case .failure(let missing):
            Issue.record("PgBouncer is missing, so the pooled tests did not run: \(missing)", sourceLocation: sourceLocation)
            throw missing
        }
    }

    let folder: String
    let port = 6432

    private init(folder: String) {
        self.folder = folder
    }

    /// The same database and user as `direct`, through the pooler.
    public func location(for direct: PostgresLocation) -> PostgresLocation {
        var pooled = direct
        pooled.endpoint = .socket(directory: folder, port: port)
        return pooled
    }

    static func start() -> Result<TestPgBouncer, PostgresTestServer.PostgresMissing> {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return .failure(.init(description: "no \(binary) (Debian's pgbouncer package installs it)"))
        }
        let server: PostgresTestServer
        switch PostgresTestServer.shared {
        case .success(let found): server = found
        case .failure(let missing): return .failure(missing)
        }
        let asUser: String? = getuid() == 0 ? "postgres" : nil
        var template = Array(("/tmp/nara-pgb-" + String(repeating: "X", count: 6)).utf8CString)
        guard let made = mkdtemp(&template) else { return .failure(.init(description: "mkdtemp failed")) }
        let folder = String(cString: made)
        let target: String
        switch server.admin.endpoint {
        case .socket(let directory, let port): target = "host=\(directory) port=\(port)"
        case .tcp(let host, let port): target = "host=\(host) port=\(port)"
        }
        // The client asks for its statement_timeout at start-up, which PgBouncer 1.18
        // refuses unless told to ignore it; a region sets it on the role instead.
        let config = """
            [databases]
            * = \(target)
            [pgbouncer]
            listen_addr =
            unix_socket_dir = \(folder)
            listen_port = 6432
            auth_type = trust
            auth_file = \(folder)/users.txt
            pool_mode = transaction
            default_pool_size = \(poolSize)
            max_client_conn = 200
            ignore_startup_parameters = statement_timeout
            logfile = \(folder)/pgbouncer.log
            pidfile = \(folder)/pgbouncer.pid
            """
        let bouncer = TestPgBouncer(folder: folder)
        do {
            try config.write(toFile: folder + "/pgbouncer.ini", atomically: true, encoding: .utf8)
            try "\"\(server.admin.user)\" \"\"\n".write(toFile: folder + "/users.txt", atomically: true, encoding: .utf8)
            if let asUser, let user = getpwnam(asUser) {
                for path in [folder, folder + "/pgbouncer.ini", folder + "/users.txt"] {
                    chown(path, user.pointee.pw_uid, user.pointee.pw_gid)
                }
            }
            let output = folder + "/start.out"
            _ = FileManager.default.createFile(atPath: output, contents: nil)
            let command = (asUser.map { ["/usr/sbin/runuser", "-u", $0, "--"] } ?? []) + [binary, "-d", folder + "/pgbouncer.ini"]
            let status = try TestCluster.spawn(command, output: output, wait: true)
            guard status == 0 else {
                let said = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
                throw PostgresTestServer.PostgresMissing(description: "pgbouncer failed (status \(status)): \(said.suffix(800))")
            }
            bouncer.watch()
            Exit.register { bouncer.stop() }
            let socket = folder + "/.s.PGSQL.\(bouncer.port)"
            for _ in 0..<100 where !FileManager.default.fileExists(atPath: socket) { usleep(50_000) }
            guard FileManager.default.fileExists(atPath: socket) else {
                throw PostgresTestServer.PostgresMissing(description: "pgbouncer did not open \(socket)")
            }
            return .success(bouncer)
        } catch let missing as PostgresTestServer.PostgresMissing {
            bouncer.stop()
            return .failure(missing)
        } catch {
            bouncer.stop()
            return .failure(.init(description: "pgbouncer did not start: \(error)"))
        }
    }

    /// Stops the pooler and deletes its folder.
    func stop() {
        if let pid = (try? String(contentsOfFile: folder + "/pgbouncer.pid", encoding: .utf8))
            .flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) {
            kill(pid, SIGTERM)
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A shell that stops the pooler when the test process has gone without exiting.
    func watch() {
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; "
            + "if [ -f '\(folder)/pgbouncer.pid' ]; then kill $(cat '\(folder)/pgbouncer.pid'); fi; rm -rf '\(folder)'"
        _ = try? TestCluster.spawn(["/bin/sh", "-c", script], output: "/dev/null", wait: false)
    }
}
