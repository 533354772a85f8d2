import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `nara` process whose output is read as it comes, so that a test can act on what
/// it has reported (kill it once it has confirmed a commit) and read the rest after.
final class RunningNara {
    let process = Process()
    private let pipe = Pipe()
    private var buffer = Data()
    private var atEnd = false

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        (process.executableURL, process.arguments) = NaraBinary.program(arguments)
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var pid: pid_t { process.processIdentifier }
    var output: String { String(decoding: buffer, as: UTF8.self) }

    /// Complete lines only: a line still being written is not yet reported.
    var lines: [String] {
        var parts = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast()
        return parts
    }

    /// Reads whatever arrives within `milliseconds`; false once the output has ended.
    @discardableResult
    func pump(milliseconds: Int32) -> Bool {
        guard !atEnd else { return false }
        var p = pollfd(fd: pipe.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, milliseconds) > 0 else { return true }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = read(pipe.fileHandleForReading.fileDescriptor, &chunk, chunk.count)
        if n <= 0 { atEnd = true; return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    /// Waits until a complete line satisfies `predicate`, or the time is up.
    func waitForLine(seconds: Double, _ predicate: (String) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if lines.contains(where: predicate) { return true }
            if !pump(milliseconds: 20) && !process.isRunning { return lines.contains(where: predicate) }
        }
        return false
    }

    func kill(_ signal: Int32 = SIGKILL) { _ = Glibc.kill(process.processIdentifier, signal) }

    /// Waits for the process to end and reads the rest of its output; its exit status,
    /// or 128 + the signal that ended it.
    @discardableResult
    func finish(seconds: Double = 60) -> Int32 {
        let end = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < end { pump(milliseconds: 50) }
        if process.isRunning { kill() }
        process.waitUntilExit()
        // Once the process is gone nothing more is written; stop at end of file or when
        // nothing comes (a descriptor inherited by another test's child keeps it open).
        while true {
            let before = buffer.count
            if !pump(milliseconds: 100) || buffer.count == before { break }
        }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}
