import Foundation
import NaraApp
import NaraDomain
import NaraStore
import Testing
import TerminalUI
import TerminalUITesting

/// Names and notes far longer than any column: cut by display width, never by bytes or
/// characters, so wide letters, accents and emoji keep every column where it belongs.
@Suite struct LongTextAppTests {
    /// 300 characters, 380 columns: CJK (two columns each), letters with combining marks
    /// (one column, two scalars) and emoji with a zero-width joiner.
    static let longName = String(repeating: "李明", count: 50) + String(repeating: "A\u{30A}sa", count: 40)
        + String(repeating: "👩‍⚕️", count: 20) + String(repeating: "Öberg", count: 12)

    @Test func aThreeHundredCharacterNameIsCutByColumnsOnEveryScreen() throws {
        #expect(Self.longName.count == 300)
        let f = try ContinuityFixture()
        defer { f.remove() }
        // Longer than the store's own limit of 200: written by another tool that turned the checks off.
        try sqlite3(f.store.path, """
            PRAGMA ignore_check_constraints = ON;
            UPDATE patient SET family_name = '\(Self.longName)', given_name = '\(Self.longName)'
            WHERE ident = '194503034565';
            UPDATE encounter SET reason = '\(Self.longName)';
            """)
        f.base.type("19450303")
        let search = f.render()
        assertSnapshot(search, named: "long-name-search-80x24")
        f.press(.enter)
        let overview = f.render()
        assertSnapshot(overview, named: "long-name-overview-80x24")
        f.press(.function(4), .tab)
        let encounters = f.render()
        for (name, buffer) in [("search", search), ("overview", overview), ("encounters", encounters)] {
            // Every row is exactly the window's width and the key bar is still the last row.
            #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == 80 }, "\(name)")
            #expect(buffer.line(23).contains("F1"), "\(name)")
            #expect(buffer.lines.joined().contains("…"), "\(name)")
            // No wide character is left with half of itself at a column's edge.
            for y in 0..<buffer.height {
                for x in 0..<buffer.width where buffer[x, y].isContinuation {
                    #expect(x > 0 && DisplayWidth.of(Character(buffer[x - 1, y].symbol)) == 2, "\(name) \(x),\(y)")
                }
            }
        }
    }

    @Test func aHundredKilobytePasteIntoTheEncounterFormIsCutAndSaysSo() throws {
        let f = try ContinuityFixture()
        defer { f.remove() }
        f.openContinuity()
        f.press(.char("n"), .backTab)
        let paste = String(repeating: "Patienten berättar om yrsel och trötthet 日本. ", count: 2200)
        #expect(paste.utf8.count > 100_000)
        f.app.handle(.paste(paste))
        let form = try #require(f.continuity?.state.form)
        #expect(form.fields["reason"].count == 500)
        #expect(f.text.contains("Texten kortades till 500 tecken."), "\(f.text)")
        // The pickers keep their word: a paste there is dropped.
        f.press(.up, .up, .up)
        #expect(f.continuity?.state.form?.fields.focus == 1)
        f.app.handle(.paste(paste))
        #expect(f.continuity?.state.form?.fields["mode"] == "besök")
        f.press(.down, .down, .down)
        f.press(.enter)
        let saved = try f.store.openRecord(f.patient, as: f.app.state.session.context).encounters
        #expect(saved.contains { $0.reason.count == 500 && $0.reason.hasPrefix("Patienten berättar") })
    }
}
