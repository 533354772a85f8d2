import Foundation
import TmuxTesting
import Testing

/// Start-up under real terminals: locale, TERM handling, refusals with a clear message.
@Suite struct StartTests {
    static let terms = ["xterm-256color", "screen-256color", "vt100"]

    @Test(arguments: terms, ["C.UTF-8", "C"])
    func drawsSwedishAndWideText(term: String, lang: String) throws {
        let session = try TmuxSession(environment: ["TERM": term, "LANG": lang])
        defer { session.close() }
        let (matched, screen) = try session.waitForScreen(containing: "events: 0")
        #expect(matched, "no first frame:\n\(screen)\n\(session.standardError)")
        // Under LANG=C curses would silently drop å and ö without the C.UTF-8 fallback.
        #expect(screen.contains("Åsa Öberg — 日本"), "\(screen)")
        #expect(screen.contains("size: 80x24"))
        #expect(screen.contains("ascii: no"))
        let colours = term == "vt100" ? "colours: none" : "colours: 256"
        #expect(screen.contains(colours), "\(screen)")
    }

    @Test func asciiOptionReplacesWhatASCIICannotShow() throws {
        let session = try TmuxSession(environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"], arguments: ["--ascii"])
        defer { session.close() }
        let (matched, screen) = try session.waitForScreen(containing: "ascii: yes")
        #expect(matched, "\(screen)")
        #expect(screen.contains("?sa ?berg"))
        #expect(!screen.contains("Å"))
    }

    @Test func noColorMeansAttributesOnly() throws {
        let session = try TmuxSession(environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "NO_COLOR": "1"])
        defer { session.close() }
        let (matched, screen) = try session.waitForScreen(containing: "events: 0")
        #expect(matched)
        #expect(screen.contains("colours: none"), "\(screen)")
    }

    @Test(arguments: [
        ("nosuchterm", "unknown terminal type 'nosuchterm': set TERM to one your system knows, such as xterm-256color"),
        ("dumb", "terminal type 'dumb' cannot move the cursor"),
    ])
    func refusesTerminal(term: String, message: String) throws {
        let session = try TmuxSession(environment: ["TERM": term, "LANG": "C.UTF-8"])
        defer { session.close() }
        let status = try session.waitForExit()
        #expect(status == 2)
        #expect(session.standardError.contains(message), "\(session.standardError)")
    }

    @Test func refusesMissingTERM() throws {
        let session = try TmuxSession(environment: ["TERM": nil, "LANG": "C.UTF-8"])
        defer { session.close() }
        #expect(try session.waitForExit() == 2)
        #expect(session.standardError.contains("TERM is not set"), "\(session.standardError)")
    }

    @Test func refusesPipesInsteadOfATerminal() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try TmuxSession.binaryPath("nara-terminal-check"))
        process.environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("must be a terminal"), "\(message)")
    }
}
