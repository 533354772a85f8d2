import Foundation
import Testing
import TmuxTesting

/// The real binary in a real terminal (tmux): start, keys, resize, themes, quit.
@Suite(.serialized) struct TerminalProgramTests {
    static let store: String = {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("e2e.sqlite").path
        _ = try? NaraBinary.run(["demo", "--store", path, "--patients", "2000", "--seed", "11"])
        return path
    }()

    func start(_ args: [String] = [], width: Int = 80, height: Int = 24, term: String = "xterm-256color",
               lang: String = "C.UTF-8") throws -> NaraTerminal {
        NaraTerminal(try TmuxSession(binary: "nara", environment: ["TERM": term, "LANG": lang, "HOME": "/tmp"],
                                     arguments: ["--start", "search", "--store", Self.store] + args, width: width, height: height))
    }

    @Test(arguments: ["C.UTF-8", "C"])
    func startsInSwedishWithÅÄÖRightUnderEitherLocale(lang: String) throws {
        let t = try start(lang: lang)
        let screen = try t.waitFor("Sök:")
        #expect(screen.contains("Nära"))
        #expect(screen.contains("DEMO"))
        #expect(screen.contains("Vårdcentralen"))
        try t.type("ö")
        let typed = try t.waitFor { $0.contains("Sök: ö") || $0.contains("patient") }
        #expect(typed.contains("ö"))
        try t.send("F10")
        #expect(try t.waitForExit() == 0)
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "vt100"])
    func startsOnEachTerminalType(term: String) throws {
        let t = try start(term: term)
        #expect(try t.waitFor("Sök:").contains("F7Logg"))
        try t.send("F5") // F5 works on vt100 too: the backend knows the xterm sequence
        #expect(try t.waitFor("Inkorg").contains("Utkorg"))
        try t.send("Escape")
        _ = try t.waitFor { !$0.contains("Inkorg") }
        try t.send("F10")
        #expect(try t.waitForExit() == 0)
    }

    @Test func anUnknownTerminalIsAClearErrorAndExitsNonZero() throws {
        let t = try start(term: "nosuchterm")
        let status = try t.waitForExit()
        #expect(status != nil && status != 0)
        #expect(t.session.standardError.contains("nosuchterm"))
    }

    @Test func searchingOpensAPatientAndHelpListsTheKeys() throws {
        let t = try start()
        _ = try t.waitFor("Sök:")
        try t.type("a")
        let results = try t.waitFor("Personnummer")
        #expect(results.contains("Namn"))
        try t.send("Enter")
        #expect(try t.waitFor("┌ Översikt").contains("┌ Översikt"), "\(t.session.standardError)")
        try t.send("F1")
        var help = try t.waitFor("Esc stänger hjälpen")
        // Help scrolls when it is taller than the window: read it to the end.
        for _ in 0..<12 {
            try t.send("Down")
            help += try t.screen()
        }
        for text in ["F1/?", "F2/2", "F3/3", "F4/4", "F5/5", "F6/6", "F7/7", "F10/q", "Esc", "Ctrl-L", "Ctrl-C"] {
            #expect(help.contains(text), "help lacks \(text)")
        }
        try t.send("Escape")
        // Esc followed at once by a letter is Alt+letter to a terminal: wait for Esc to land.
        _ = try t.waitFor { !$0.contains("Esc stänger hjälpen") }
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    /// The real binary: register an encounter, annul it (F5 from the annulment form asks
    /// before leaving), and filter the encounters with /.
    @Test func annulAnEncounterAndFilterTheListInTheRealProgram() throws {
        let t = try start()
        _ = try t.waitFor("Sök:")
        try t.type("a")
        _ = try t.waitFor("Personnummer")
        try t.send("Enter")
        _ = try t.waitFor("┌ Översikt")
        try t.send("F4")
        _ = try t.waitFor("Fasta kontakter")
        try t.type("n")
        _ = try t.waitFor("Registrera kontakt")
        try t.send("Enter", "Enter", "Enter", "Enter")
        try t.type("Fel patient vald")
        try t.send("Enter")
        _ = try t.waitFor("är registrerad")
        try t.type("x")
        _ = try t.waitFor("Varför makuleras den")
        try t.type("Registrerad på fel patient")
        try t.send("F5")
        _ = try t.waitFor("Lämna formuläret")
        try t.type("n")
        _ = try t.waitFor { !$0.contains("Lämna formuläret") }
        try t.send("Enter")
        _ = try t.waitFor("räknas inte")
        try t.type("j")
        #expect(try t.waitFor("är makulerad").contains("makulerad"))
        try t.type("/")
        try t.type("zzqq")
        #expect(try t.waitFor("0 av").contains("/zzqq"))
        try t.send("Escape")
        _ = try t.waitFor { !$0.contains("/zzqq") }
        try t.send("F10")
        #expect(try t.waitForExit() == 0)
    }

    @Test func resizingRedrawsAndATinyWindowAsksForMore() throws {
        let t = try start()
        _ = try t.waitFor("Sök:")
        try t.resize(120, 40)
        #expect(try t.waitFor { $0.split(separator: "\n").first.map { $0.count > 90 } ?? false }.contains("Nära"))
        try t.resize(60, 20)
        #expect(try t.waitFor("80×24").contains("80×24"))
        try t.resize(100, 30)
        #expect(try t.waitFor("Sök:").contains("Sök:"))
        try t.send("F10")
        #expect(try t.waitForExit() == 0)
    }

    @Test func englishOnRequestAndCtrlCAsksBeforeQuitting() throws {
        let t = try start(["--lang", "en"])
        #expect(try t.waitFor("Find:").contains("F7Log"))
        try t.send("C-c")
        #expect(try t.waitFor("quit Nära").contains("quit"))
        try t.send("n")
        _ = try t.waitFor { !$0.contains("quit Nära") }
        #expect(try t.exitStatus() == nil)
        try t.send("C-c")
        _ = try t.waitFor("quit Nära")
        try t.send("y")
        #expect(try t.waitForExit() == 0)
    }

    @Test(arguments: ["default", "light", "high-contrast", "monochrome", "colorblind"])
    func everyShippedThemeLoads(theme: String) throws {
        let t = try start(["--theme", theme])
        #expect(try t.waitFor("Sök:").contains("Nära"))
        try t.send("F10")
        #expect(try t.waitForExit() == 0)
    }

    @Test func aBrokenThemeFileNamesFileLineAndKey() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.toml")
        try "name = \"broken\"\n[roles.warning]\nfg = \"purpel\"\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try NaraBinary.run(["--store", Self.store, "--theme", file.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("broken.toml:3"))
        #expect(r.stderr.contains("roles.warning.fg"))
    }

    @Test func anUnknownUserOnAProductionStoreOpensNoScreen() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("p.sqlite").path
        _ = try NaraBinary.run(["init", "--store", path, "--unit-id", "SE1-vc", "--unit-name", "VC", "--admin", "adm",
                                "--admin-name", "Admin"])
        let none = try NaraBinary.run(["--store", path])
        #expect(none.status != 0)
        #expect(none.stderr.contains("--user"))
        let unknown = try NaraBinary.run(["--store", path, "--user", "nobody"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown user 'nobody'"))
    }

    /// Security review L7: an unknown TERM is named in the error without its escapes.
    @Test func anUnknownTermNameIsPrintedWithoutItsEscapes() throws {
        let t = try start(term: "xterm\u{1B}]0;pwned\u{7}")
        #expect(try t.waitForExit() != 0)
        let stderr = t.session.standardError
        #expect(stderr.contains("unknown terminal type 'xterm?]0;pwned?'"), "\(stderr.debugDescription)")
        #expect(!stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(stderr.debugDescription)")
    }
}
