import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real program on a pseudo-terminal of 80×24, as sshd would run it: what it
/// writes is read here byte for byte, and keys are written to it as a terminal sends them.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    let started: UInt64
    private var ended = false

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(program: String, arguments: [String], term: String = "xterm-256color") throws {
        // posix_openpt and friends are hidden from Swift behind feature macros; these are
        // the Linux calls they make.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, UInt(0x4004_5431) /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(master, UInt(0x8004_5430) /* TIOCGPTN */, &number) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal: " + String(cString: strerror(errno)))
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        // A session of its own, so the pseudo-terminal can become its controlling terminal.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | 0x80 /* SETSID */))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)

        var environment = ["TERM": term, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        if let home = ProcessInfo.processInfo.environment["HOME"] { environment["HOME"] = home }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        started = DispatchTime.now().uptimeNanoseconds
        let error = posix_spawn(&child, program, &actions, &attributes, argv, envp)
        guard error == 0 else {
            close(master)
            throw Failure(description: "cannot start \(program): " + String(cString: strerror(error)))
        }
        pid = child
    }

    deinit {
        if !ended {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Reads until the program has written nothing for `quiet` milliseconds (or has
    /// ended), and returns what it wrote.
    func readUntilQuiet(quiet: Int32 = 150, limit: Double = 10) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, quiet)
            if ready <= 0 { break }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break } // EIO: the program closed the terminal
            output.append(contentsOf: buffer[0..<n])
        }
        return output
    }

    func send(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in _ = write(master, raw.baseAddress, raw.count) }
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Waits for the program to end, reading what it writes meanwhile; nanoseconds since
    /// it was started.
    func waitForExit(limit: Double = 20) throws -> UInt64 {
        let deadline = Date().addingTimeInterval(limit)
        var status: Int32 = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                ended = true
                let now = DispatchTime.now().uptimeNanoseconds
                let code = (status >> 8) & 0xFF
                guard status & 0x7F == 0, code == 0 else {
                    throw Failure(description: "the program ended with status \(status)")
                }
                return now - started
            }
            guard Date() < deadline else { throw Failure(description: "the program did not end in \(Int(limit)) s") }
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&fds, 1, 1) > 0 { _ = read(master, &buffer, buffer.count) }
        }
    }

    /// Ends the program as a hang-up would, and reaps it.
    func terminate() {
        guard !ended else { return }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(pid, &status, WNOHANG) != pid {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            _ = readUntilQuiet(quiet: 10, limit: 0.05)
        }
        ended = true
    }

    /// Resident and private memory in kB, from the kernel's rollup of the mappings.
    func memory() throws -> (residentKB: Int, privateKB: Int) {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else {
            throw Failure(description: "cannot read /proc/\(pid)/smaps_rollup")
        }
        var fields: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count >= 2, parts[0].hasSuffix(":"), let kb = Int(parts[1]) {
                fields[String(parts[0].dropLast())] = kb
            }
        }
        guard let rss = fields["Rss"] else { throw Failure(description: "no Rss in smaps_rollup") }
        return (rss, (fields["Private_Clean"] ?? 0) + (fields["Private_Dirty"] ?? 0))
    }
}
