import Foundation
import NaraPostgresStore
import PostgresNIO

/// A throwaway PostgreSQL cluster in a temporary folder: `initdb`, then `pg_ctl start`
/// with its socket in the same folder and no TCP port. Durability is switched off
/// (fsync, synchronous_commit): the cluster is deleted at exit anyway.
struct TestCluster: Sendable {
    let folder: String
    let bin: String
    let asUser: String?

    var admin: PostgresLocation {
        PostgresLocation(endpoint: .socket(directory: folder, port: 5432), user: "nara", database: "postgres")
    }

    static func make() throws -> TestCluster {
        guard let bin = newestServerBin() else {
            throw PostgresTestServer.PostgresMissing(
                description: "no initdb under /usr/lib/postgresql/*/bin (Debian's postgresql-15 package installs it), "
                    + "and NARA_TEST_POSTGRES_URL is not set")
        }
        // The server refuses to run as root: then it runs as `postgres`, which owns the folder.
        let asUser: String? = getuid() == 0 ? "postgres" : nil
        if let asUser, getpwnam(asUser) == nil {
            throw PostgresTestServer.PostgresMissing(description: "running as root, and there is no user \(asUser) to run the server as")
        }
        // Short and in /tmp: a socket path must fit in about 100 bytes.
        var template = Array(("/tmp/nara-pg-" + String(repeating: "X", count: 6)).utf8CString) // mkdtemp's pattern
        guard let made = mkdtemp(&template) else { throw PostgresTestServer.PostgresMissing(description: "mkdtemp failed") }
        let folder = String(cString: made)
        if let asUser, let user = getpwnam(asUser) { chown(folder, user.pointee.pw_uid, user.pointee.pw_gid) }
        chmod(folder, 0o700)
        let cluster = TestCluster(folder: folder, bin: bin, asUser: asUser)
        do {
            try cluster.server("initdb", ["-D", folder + "/data", "-U", "nara", "-A", "trust", "-E", "UTF8",
                                          "--locale=C", "--no-sync"])
            try cluster.server("pg_ctl", ["-D", folder + "/data", "-l", folder + "/log", "-w", "-t", "60", "-o",
                                          "-k \(folder) -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                                              + "-c full_page_writes=off -c max_connections=80 -c shared_buffers=32MB",
                                          "start"])
        } catch {
            cluster.stop()
            throw error
        }
        cluster.watch()
        Exit.register(cluster)
        return cluster
    }

    /// The newest `/usr/lib/postgresql/<version>/bin` that has an initdb.
    static func newestServerBin() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap { v in Int(v).map { ($0, "\(root)/\(v)/bin") } }
            .filter { FileManager.default.isExecutableFile(atPath: $0.1 + "/initdb") }
            .max { $0.0 < $1.0 }?.1
    }

    /// Runs a server program, as `asUser` when set; its output goes to `<folder>/<tool>.out`,
    /// quoted in the error when it fails.
    func server(_ tool: String, _ arguments: [String]) throws {
        let output = folder + "/\(tool).out"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        if let asUser, let user = getpwnam(asUser) { chown(output, user.pointee.pw_uid, user.pointee.pw_gid) }
        let command = asUser.map { ["/usr/sbin/runuser", "-u", $0, "--", bin + "/" + tool] } ?? [bin + "/" + tool]
        let status = try Self.spawn(command + arguments, output: output, wait: true)
        guard status == 0 else {
            let said = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw PostgresTestServer.PostgresMissing(description: "\(tool) failed (status \(status)): \(said.suffix(800))")
        }
    }

    /// posix_spawn and waitpid, not Foundation's Process: `pg_ctl start` leaves the
    /// server running as a daemon, and Process then never saw pg_ctl end. Standard input
    /// is /dev/null and both outputs go to `output`, so the server holds no pipe of the
    /// test runner open. Returns the exit status, or 0 without waiting.
    @discardableResult
    static func spawn(_ command: [String], output: String, wait: Bool) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_APPEND, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of the test runner's: a file another test has open for writing
        // (a copy of the binary it is about to run) would otherwise stay open in the
        // long-lived server, and running that copy would fail with "Text file busy".
        Self.closeFrom(&actions, 3)
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        // A child inherits the spawning thread's blocked signals, and the test runner's
        // threads block nearly all: PgBouncer then never saw the SIGTERM that stops it.
        // It starts with none blocked and every signal's default action.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, &argv, environ)
        guard spawned == 0 else {
            throw PostgresTestServer.PostgresMissing(description: "cannot start \(command[0]): \(String(cString: strerror(spawned)))")
        }
        guard wait else { return 0 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exited normally: the exit code; killed by a signal: 128 + the signal, as a shell says.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's
    /// Glibc module does not declare; looked up by name.
    private static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ first: Int32) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, first)
    }

    /// Stops the server at once and deletes the folder.
    func stop() {
        try? server("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A shell that outlives a test process killed without exiting, and then stops the
    /// cluster: polls the process once a second. Its output goes nowhere, so it holds no
    /// pipe of the test runner open.
    func watch() {
        let stopCommand = (asUser.map { "/usr/sbin/runuser -u \($0) -- " } ?? "")
            + "'\(bin)/pg_ctl' -D '\(folder)/data' -m immediate -w stop"
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; "
            + "if [ -d '\(folder)' ]; then \(stopCommand); rm -rf '\(folder)'; fi"
        _ = try? Self.spawn(["/bin/sh", "-c", script], output: "/dev/null", wait: false)
    }

    /// One statement as the administrator, on a connection of its own.
    static func run(sql: String, at location: PostgresLocation) throws {
        let client = PostgresClient(location: location)
        try client.query(PostgresQuery(unsafeSQL: sql))
    }

    static func dropAtExit(_ database: String, admin: PostgresLocation) {
        Exit.register(drop: database, admin: admin)
    }

    /// Written when a PostgreSQL test database was made, so that CI can tell the
    /// PostgreSQL half of the tests ran (`.ci/run`).
    static func markRan() {
        let path = FileManager.default.currentDirectoryPath + "/.build/postgres-tests-ran"
        _ = FileManager.default.createFile(atPath: path, contents: Data("\(Date())\n".utf8))
    }
}

/// What to undo when the test process exits: `atexit` takes a plain C function, so the
/// work is kept here, behind a lock.
enum Exit {
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var clusters: [TestCluster] = []
        var drops: [(String, PostgresLocation)] = []
        var others: [@Sendable () -> Void] = []
        var registered = false
    }
    private static let state = State()

    static func register(_ cluster: TestCluster) {
        registerHandler { $0.clusters.append(cluster) }
    }

    /// Something else to stop, before the databases are dropped (a pooler in front of them).
    static func register(_ stop: @escaping @Sendable () -> Void) {
        registerHandler { $0.others.append(stop) }
    }

    static func register(drop database: String, admin: PostgresLocation) {
        registerHandler { $0.drops.append((database, admin)) }
    }

    private static func registerHandler(_ change: (State) -> Void) {
        state.lock.lock()
        change(state)
        let first = !state.registered
        state.registered = true
        state.lock.unlock()
        if first { atexit { Exit.run() } }
    }

    static func run() {
        state.lock.lock()
        let (clusters, drops, others) = (state.clusters, state.drops, state.others)
        state.clusters = []
        state.drops = []
        state.others = []
        state.lock.unlock()
        for stop in others { stop() }
        for (database, admin) in drops {
            try? TestCluster.run(sql: "DROP DATABASE IF EXISTS \(database) WITH (FORCE)", at: admin)
        }
        for cluster in clusters { cluster.stop() }
    }
}
