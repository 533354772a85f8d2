import Foundation
import NaraApp
import NaraDomain
import NaraStore
import Testing
import TerminalUI

/// Text that reached the store file without passing its writers (another tool with the
/// sqlite3 shell, a careless import) is cleaned on the way out: no cell of any screen
/// holds a control or bidi character.
@Suite struct UntrustedTextAppTests {
    /// ESC ] 0 ; x BEL (an OSC title), U+009B (C1 CSI), U+202E, the isolates U+2066 and
    /// U+2069, backspace and ESC [ 2 J, as SQL.
    static let poisonSQL = "char(27)||']0;x'||char(7)||char(155)||'31m'||char(8238)||char(8294)||char(8297)"
        + "||char(8)||char(27)||'[2J'"

    static func unsafeCells(_ buffer: Buffer) -> [String] {
        var found: [String] = []
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where buffer[x, y].symbol.unicodeScalars.contains(where: UnsafeScalars.contains) {
                found.append("(\(x),\(y)) \(buffer[x, y].symbol.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        return found
    }

    @Test func poisonWrittenWithTheSqliteShellIsShownCleaned() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        let referrals = try ReferralsFixture(base: f.base)
        try referrals.seed("öberg", question: "Bedömning av knä", steps: [.send, .confirmReceipt, .accept, .book(on: AppFixture.day),
                                                                       .markSeen, .reply(text: "Artros")])
        let p = Self.poisonSQL
        try sqlite3(f.store.path, """
            UPDATE patient SET given_name = given_name || \(p), family_name = family_name || \(p),
                street = 'Storgatan 1' || \(p), city = 'Örebro' || \(p);
            UPDATE encounter SET reason = reason || \(p);
            UPDATE care_contact SET reason = reason || \(p);
            UPDATE coordinated_plan SET goal = goal || \(p);
            UPDATE plan_participant SET role = role || \(p);
            UPDATE referral SET question = question || \(p), reply = reply || \(p);
            UPDATE referral_event SET comment = comment || \(p);
            UPDATE staff SET name = name || \(p);
            UPDATE care_unit SET name = name || \(p);
            """)
        #expect(try sqlite3(f.store.path, "SELECT count(*) FROM patient WHERE instr(given_name, char(8238)) > 0") == "4")

        var frames: [(String, Buffer)] = []
        func frame(_ name: String) { frames.append((name, f.render())) }
        f.base.type("öberg")
        frame("search results")
        f.press(.enter)
        frame("overview")
        f.press(.function(4))
        for tab in ["contacts", "encounters", "measures", "plan"] {
            frame("continuity \(tab)")
            f.press(.tab)
        }
        f.press(.char("p"))
        frame("plan form with the stored goal")
        f.press(.escape, .char("j"))
        f.press(.function(5))
        frame("referrals inbox")
        f.press(.tab, .tab)
        frame("the patient's referrals")
        f.press(.char("d"))
        frame("referral detail")
        f.press(.function(7))
        frame("access log")
        f.press(.function(6))
        frame("work lists")

        for (name, buffer) in frames {
            #expect(Self.unsafeCells(buffer) == [], "\(name)")
        }
        // The words are there, cleaned: the poison is shown as harmless text.
        let overview = try #require(frames.first { $0.0 == "overview" }).1.lines.joined(separator: "\n")
        #expect(overview.contains("Åsa]0;x31m[2J"), "\(overview)")
        let detail = try #require(frames.first { $0.0 == "referral detail" }).1.lines.joined(separator: "\n")
        #expect(detail.contains("Bedömning av knä]0;x31m[2J"), "\(detail)")
    }
}

/// Runs SQL through the sqlite3 shell, as another tool would change the file; returns
/// what it printed.
@discardableResult
func sqlite3(_ path: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
