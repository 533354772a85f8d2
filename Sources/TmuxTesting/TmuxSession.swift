import Foundation

/// A real binary of this package in a private tmux server: keys go in with `send-keys`,
/// the screen comes out with `capture-pane`. Each session has its own socket, so tests
/// can run side by side, and `close()` kills the server. Shared by the backend's tests
/// and the end-to-end tests of `nara`.
public final class TmuxSession {
    public let socket = "nara-test-\(UUID().uuidString)"
    public let directory: URL
    public var stderrURL: URL { directory.appendingPathComponent("stderr") }
    public var statusURL: URL { directory.appendingPathComponent("status") }
    public var pidURL: URL { directory.appendingPathComponent("pid") }

    /// - Parameters:
    ///   - binary: the executable's name; it is looked for next to the test bundle.
    ///   - environment: TERM, LANG and friends for the program; `nil` unsets.
    ///   - pidFileVariable: an environment variable through which the program writes
    ///     its process id to `pidURL`, when it supports one.
    public init(binary: String, environment: [String: String?], arguments: [String] = [], width: Int = 80,
                height: Int = 24, pidFileVariable: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Nothing from the runner's environment that changes what the program does.
        var env = ["env", "-u", "LC_ALL", "-u", "LC_CTYPE", "-u", "LC_MESSAGES", "-u", "NO_COLOR"]
        let sorted = environment.sorted(by: { $0.key < $1.key })
        for (name, value) in sorted where value == nil { env += ["-u", name] }
        for (name, value) in sorted { if let value { env.append("\(name)=\(value)") } }
        if let pidFileVariable { env.append("\(pidFileVariable)=\(pidURL.path)") }
        // The shell waits for the program and writes down its exit status: tmux 3.3a,
        // when busy, sometimes leaves its pane's exited process unreaped, so
        // #{pane_dead_status} never comes.
        let command = (env + [try Self.binaryPath(binary)] + arguments).map(Self.quote).joined(separator: " ")
            + " 2>" + Self.quote(stderrURL.path) + "; echo $? >" + Self.quote(statusURL.path)
        // remain-on-exit before the pane exists: a program that fails at once would
        // otherwise take the session, its exit status and the server with it.
        try run(["start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                 "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
    }

    public func close() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Driving

    public func sendKeys(_ keys: String...) throws { try run(["send-keys", "-t", "0.0"] + keys) }

    /// Pastes `text` the way a terminal does when the program asked for bracketed paste.
    public func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "nara", text])
        try run(["paste-buffer", "-p", "-b", "nara", "-t", "0.0"])
    }

    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    public func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", "0.0"]).output }

    // MARK: - Raw output

    public var outputURL: URL { directory.appendingPathComponent("output") }

    /// From now on every byte the program writes to its terminal is appended to
    /// `outputURL`, before tmux interprets any of it (`pipe-pane -o`).
    public func recordOutput() throws {
        try run(["pipe-pane", "-o", "-t", "0.0", "cat >> " + Self.quote(outputURL.path)])
    }

    /// The bytes written since `recordOutput()`. Stop the program first (or wait for the
    /// screen to settle) so that nothing is still on its way through the pipe.
    public var recordedOutput: [UInt8] { (try? [UInt8](Data(contentsOf: outputURL))) ?? [] }

    /// What in the recorded output is not something curses sends: empty when stored and
    /// typed text reached the terminal only as text. See `TerminalOutput`.
    public func foreignSequencesInOutput() -> [TerminalOutput.Finding] {
        TerminalOutput.foreignSequences(in: recordedOutput)
    }

    /// Polls the screen until `predicate` holds, for up to `seconds`; returns the last screen.
    @discardableResult
    public func waitForScreen(seconds: Double = 8, _ predicate: (String) -> Bool) throws -> (matched: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = try capture()
        while !predicate(screen) {
            if Date() > deadline { return (false, screen) }
            Thread.sleep(forTimeInterval: 0.05)
            screen = try capture()
        }
        return (true, screen)
    }

    public func waitForScreen(containing text: String, seconds: Double = 8) throws -> (matched: Bool, screen: String) {
        try waitForScreen(seconds: seconds) { $0.contains(text) }
    }

    /// The program's process id, as it wrote it down at start.
    public func pid(seconds: Double = 8) throws -> pid_t {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() <= deadline {
            if let text = try? String(contentsOf: pidURL, encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw NoProcessID()
    }

    public struct NoProcessID: Error {}

    /// The program's process id, found as the child of the pane's shell (for programs
    /// that do not write their id down).
    public func programPID(seconds: Double = 8) throws -> pid_t {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() <= deadline {
            if let shell = pid_t(try tmux(["display-message", "-p", "-t", "0.0", "#{pane_pid}"]).output
                .trimmingCharacters(in: .whitespacesAndNewlines)),
               let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8),
               let child = children.split(separator: " ").first.flatMap({ pid_t($0) }) {
                return child
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw NoProcessID()
    }

    /// The program's exit status once it has ended (128 + n when signal n killed it),
    /// polling up to `seconds`; nil while it still runs.
    public func waitForExit(seconds: Double = 8) throws -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() <= deadline {
            if let text = try? String(contentsOf: statusURL, encoding: .utf8),
               let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    public var standardError: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    // MARK: - Plumbing

    private func run(_ arguments: [String]) throws {
        let result = try tmux(arguments)
        if result.status != 0 { throw TmuxError(arguments: arguments, output: result.output) }
    }

    @discardableResult
    public func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["LC_ALL"] = nil
        environment["LANG"] = "C.UTF-8"
        let outputURL = directory.appendingPathComponent("tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputURL) }
        // -u: capture-pane output stays UTF-8 whatever the test runner's locale.
        let status = try spawn("/usr/bin/tmux", ["-u", "-L", socket, "-f", "/dev/null"] + arguments,
                               environment: environment, outputPath: outputURL.path)
        let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        return (status, output)
    }

    struct TmuxError: Error, CustomStringConvertible {
        var arguments: [String]
        var output: String
        var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(output)" }
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        var looked: [String]
        var description: String { "binary not found; looked in \(looked.joined(separator: ", ")). Run swift build first." }
    }

    /// Next to the test bundle (`.build/debug/NaraPackageTests.xctest`), or one level up.
    public static func binaryPath(_ name: String) throws -> String {
        if name.hasPrefix("/") { return name } // a system program, e.g. /usr/bin/ssh
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle, bundle.deletingLastPathComponent()].map {
            $0.appendingPathComponent(name).path
        }
        for path in candidates where FileManager.default.isExecutableFile(atPath: path) { return path }
        throw BinaryNotFound(looked: candidates)
    }

    public static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// Runs a program with a clean signal mask and default signal actions, output to a file,
/// and waits for it.
///
/// Not `Process`: the test runner's threads block most signals (SIGCHLD, SIGHUP, SIGINT
/// among them) and a spawned child inherits that mask. A tmux server started that way
/// never notices its pane's program exit, and the program under test would never see
/// the signals these tests send. Output goes to a file, not a pipe, so nothing waits on
/// descriptors the forked tmux server may have inherited.
public func spawn(_ path: String, _ arguments: [String], environment: [String: String], outputPath: String) throws -> Int32 {
    let pid = try cleanSpawn(path, arguments, environment: environment, outputPath: outputPath)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS are macros Swift does not import.
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
}

/// Starts a long-running program (a server) the same way and returns its process id
/// without waiting. A server started with the runner's blocked SIGCHLD would never reap
/// its children.
public func spawnInBackground(_ path: String, _ arguments: [String], outputPath: String) throws -> pid_t {
    try cleanSpawn(path, arguments, environment: ProcessInfo.processInfo.environment, outputPath: outputPath)
}

private func cleanSpawn(_ path: String, _ arguments: [String], environment: [String: String],
                        outputPath: String) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let error = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard error == 0 else { throw SpawnError(path: path, code: error) }
    return pid
}

struct SpawnError: Error, CustomStringConvertible {
    var path: String
    var code: Int32
    var description: String { "could not start \(path): error \(code)" }
}

/// Whether a process still runs: gone, or a zombie nobody has reaped yet, counts as ended.
public func processIsRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    guard let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state != "Z" && state != "X"
}

/// The state letter of a running process (R, S, T for stopped...).
public func processState(_ pid: pid_t) -> Character? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
}

public func waitUntilEnded(_ pid: pid_t, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() <= deadline {
        if !processIsRunning(pid) { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return false
}

/// CPU time a process has used so far, user and system, in clock ticks (1/100 s on
/// Linux); nil once it is gone. A process that spins shows it here at once.
public func cpuTicks(_ pid: pid_t) -> Int? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    // After the command's ")": state is field 3, utime field 14, stime field 15.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
    return user + system
}
