import Foundation
import Testing
import TmuxTesting

/// The real binary at every terminal size from 1×1 to 300×100 and through a storm of
/// resizes: it never crashes, a window below 80×24 gets a short notice, and after the
/// storm the screen is exactly what a fresh start draws.
@Suite(.serialized) struct TerminalSizeTests {
    func start(width: Int, height: Int) throws -> NaraTerminal {
        NaraTerminal(try TmuxSession(binary: "nara", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8",
                                                                   "HOME": "/tmp"],
                                     arguments: ["--start", "search", "--store", TerminalProgramTests.store], width: width, height: height))
    }

    /// The screen with the clock in the top bar blanked: two renders a minute apart match.
    static func withoutClock(_ screen: String) -> String {
        screen.replacingOccurrences(of: #"\d\d:\d\d"#, with: "--:--", options: .regularExpression)
    }

    @Test(arguments: [(1, 1), (2, 2), (10, 5), (20, 10), (80, 24), (300, 100)])
    func startsAtAnySizeAndRecovers(size: (Int, Int)) throws {
        let (width, height) = size
        let t = try start(width: width, height: height)
        if width >= 80 {
            #expect(try t.waitFor("Sök:").contains("Nära"))
        } else if width >= 20 {
            // Wrapped to the window: "Gör fönstret minst 80×24 (nu 20×10)."
            let screen = try t.waitFor { $0.contains("80×24") }
            #expect(screen.contains("\(width)×\(height)"), "\(screen)")
        } else {
            Thread.sleep(forTimeInterval: 1)
        }
        #expect(try t.exitStatus() == nil, "ended at \(width)×\(height): \(t.session.standardError)")
        try t.resize(80, 24)
        #expect(try t.waitFor("Sök:").contains("Sök:"))
        try t.type("a")
        #expect(try t.waitFor("Personnummer").contains("Namn"))
        try t.send("F10")
        #expect(try t.waitForExit() == 0)
        #expect(t.session.standardError.isEmpty, "\(t.session.standardError)")
    }

    @Test func aStormOfResizesLeavesTheSameScreenAsAFreshStart() throws {
        let t = try start(width: 80, height: 24)
        _ = try t.waitFor("Sök:")
        try t.type("an")
        _ = try t.waitFor("Personnummer")
        try t.send("Down", "Down")
        var generator = SystemRandomNumberGenerator()
        let started = Date()
        for i in 0..<200 {
            // Tiny, huge and ordinary sizes, mixed.
            let w = i % 7 == 0 ? 1 : Int.random(in: 2...300, using: &generator)
            let h = i % 11 == 0 ? 1 : Int.random(in: 2...100, using: &generator)
            try t.resize(w, h)
        }
        let storm = Date().timeIntervalSince(started)
        try t.resize(80, 24)
        let after = try t.waitFor { $0.contains("Personnummer") && !$0.contains("80×24") }
        #expect(try t.exitStatus() == nil, "\(t.session.standardError)")
        Thread.sleep(forTimeInterval: 0.5)
        let settled = try t.screen()

        let fresh = try start(width: 80, height: 24)
        _ = try fresh.waitFor("Sök:")
        try fresh.type("an")
        _ = try fresh.waitFor("Personnummer")
        try fresh.send("Down", "Down")
        Thread.sleep(forTimeInterval: 0.5)
        let expected = try fresh.screen()
        #expect(Self.withoutClock(settled) == Self.withoutClock(expected),
                "after \(storm) s of 200 resizes:\n\(after)\n---\n\(expected)")
        // Still answering keys at once.
        try t.type("d")
        #expect(try t.waitFor("Sök: and").contains("Sök: and"))
        try t.send("F10")
        #expect(try t.waitForExit() == 0)
        try fresh.send("F10")
        #expect(try fresh.waitForExit() == 0)
        #expect(storm < 30)
    }
}
