import NaraApp
import Testing
import TerminalUI
import TerminalUITesting

/// Whole screens compared with reviewed snapshots (`NARA_RECORD_SNAPSHOTS=1` re-records).
@Suite struct AppSnapshotTests {
    @Test(arguments: [Language.sv, .en])
    func searchScreenWithResults(language: Language) throws {
        let f = try AppFixture(language: language)
        defer { f.remove() }
        f.type("19")
        f.press(.down)
        assertSnapshot(f.view.render(f.app).buffer, named: "search-results-\(language.rawValue)-80x24")
    }

    @Test func emptySearchScreenAt120x40() throws {
        let f = try AppFixture(width: 120, height: 40)
        defer { f.remove() }
        assertSnapshot(f.view.render(f.app).buffer, named: "search-empty-120x40")
    }

    @Test(arguments: [Language.sv, .en])
    func helpOverlay(language: Language) throws {
        let f = try AppFixture(language: language)
        defer { f.remove() }
        f.press(.function(1))
        assertSnapshot(f.view.render(f.app).buffer, named: "help-\(language.rawValue)-80x24")
    }

    @Test func overviewOfTheOpenedPatient() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.type("öberg")
        f.press(.enter)
        assertSnapshot(f.view.render(f.app).buffer, named: "overview-opened-80x24")
    }

    @Test func tooSmall() throws {
        let f = try AppFixture(width: 60, height: 20)
        defer { f.remove() }
        assertSnapshot(f.view.render(f.app).buffer, named: "too-small-60x20")
    }

    @Test func asciiBorders() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.press(.function(6))
        assertSnapshot(AppView(glyphs: .ascii).render(f.app).buffer, named: "worklists-ascii-80x24")
    }
}
