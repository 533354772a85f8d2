import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What only the real binary on a real terminal shows: how long it takes from start
/// to the first frame, how much memory an idle session holds, and how many bytes curses
/// sends for a frame.
public struct TerminalProbe {
    public struct Report: Sendable {
        public var firstFrameMilliseconds: StoreBenchmark.Figure
        public var residentMB: StoreBenchmark.Figure
        public var privateMB: StoreBenchmark.Figure
        public var bytesSelectionMove: StoreBenchmark.Figure
        public var bytesFullFrame: StoreBenchmark.Figure
    }

    /// The `nara` binary to run.
    let program: String
    let store: String
    let user: String
    let starts: Int
    /// Typed into the search field so that there is a list to move in.
    let searchText: String

    public init(program: String, store: String, user: String, starts: Int = 20, searchText: String = "an") {
        self.program = program
        self.store = store
        self.user = user
        self.starts = starts
        self.searchText = searchText
    }

    var arguments: [String] { ["--store", store, "--user", user, "--lang", "sv", "--start", "search"] }

    public struct Session: Sendable {
        public var residentMB: StoreBenchmark.Figure
        public var privateMB: StoreBenchmark.Figure
        public var bytesSelectionMove: StoreBenchmark.Figure
        public var bytesFullFrame: StoreBenchmark.Figure
    }

    public func run() throws -> Report {
        let s = try session()
        return Report(firstFrameMilliseconds: try firstFrame(), residentMB: s.residentMB, privateMB: s.privateMB,
                      bytesSelectionMove: s.bytesSelectionMove, bytesFullFrame: s.bytesFullFrame)
    }

    /// From the start of the process until it has drawn its first frame and ended: the
    /// program is told to end right after the first frame, so the figure includes its
    /// exit, a fraction of a millisecond.
    /// The first `warmup` starts fill the page cache and are not counted.
    public func firstFrame(warmup: Int = 2) throws -> StoreBenchmark.Figure {
        var times: [Double] = []
        for _ in 0..<(starts + warmup) {
            let terminal = try PseudoTerminal(program: program, arguments: arguments + ["--exit-after-first-frame"])
            times.append(Double(try terminal.waitForExit()) / 1e9)
        }
        return StoreBenchmark.Figure(seconds: Array(times.dropFirst(warmup)), factor: 1e3)
    }

    /// One session: memory once it has drawn its first screen and sits idle, then the
    /// bytes for moving the selection in a hit list and for a whole repaint (Ctrl-L).
    ///
    /// Another session of the same program sits idle beside the measured one, as on a
    /// clinic server where many nurses are signed in: pages of the binary that both use
    /// are then shared, and "private" is what one more session costs. Run alone, the
    /// binary's clean pages would count as private to the only process mapping them.
    public func session() throws -> Session {
        let neighbour = try PseudoTerminal(program: program, arguments: arguments)
        defer { neighbour.terminate() }
        guard !neighbour.readUntilQuiet(quiet: 500).isEmpty else {
            throw PseudoTerminal.Failure(description: "the program drew nothing")
        }
        let terminal = try PseudoTerminal(program: program, arguments: arguments)
        defer { terminal.terminate() }
        let first = terminal.readUntilQuiet(quiet: 500)
        guard !first.isEmpty else { throw PseudoTerminal.Failure(description: "the program drew nothing") }
        _ = terminal.readUntilQuiet(quiet: 1000, limit: 1.5) // idle: nothing pending, the first tick has passed
        let memory = try terminal.memory()

        terminal.send(searchText)
        _ = terminal.readUntilQuiet(quiet: 300)
        var moves: [Double] = []
        for key in [String](repeating: "\u{1B}OB", count: 10) + [String](repeating: "\u{1B}OA", count: 10) {
            terminal.send(key)
            moves.append(Double(terminal.readUntilQuiet(quiet: 150).count))
        }
        var full: [Double] = []
        for _ in 0..<5 {
            terminal.send([0x0C]) // Ctrl-L: repaint the whole screen
            full.append(Double(terminal.readUntilQuiet(quiet: 150).count))
        }
        return Session(residentMB: StoreBenchmark.Figure(single: Double(memory.residentKB) / 1024),
                       privateMB: StoreBenchmark.Figure(single: Double(memory.privateKB) / 1024),
                       bytesSelectionMove: StoreBenchmark.Figure(seconds: moves, factor: 1),
                       bytesFullFrame: StoreBenchmark.Figure(seconds: full, factor: 1))
    }

    /// Whether this process loaded the Swift runtime as a shared library. A release
    /// build links it in (Package.swift); with it shared, the dynamic linker reads the
    /// symbol tables of a dozen libraries at every start and a session holds about
    /// 5 MB more, so memory figures of such a build say little about a deployment.
    public static var swiftRuntimeIsShared: Bool {
        // Read to the end: String(contentsOfFile:) stops after the first 4 KiB of a /proc file.
        guard let maps = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() else { return false }
        return String(decoding: maps, as: UTF8.self).contains("/libswiftCore.so")
    }
}
