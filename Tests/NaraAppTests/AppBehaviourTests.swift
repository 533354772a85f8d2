import NaraApp
import NaraDomain
import Testing
import TerminalUI

@Suite struct AppBehaviourTests {
    @Test func theStartScreenIsSearchWithUserUnitAndDemoBanner() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let top = f.screen[0]
        #expect(top.contains("Nära"))
        #expect(top.contains("Vårdcentralen Ekbacken"))
        #expect(top.contains("Karin Berg, distriktssköterska"))
        #expect(top.contains("DEMO"))
        #expect(top.contains("10:00"))
        #expect(f.text.contains("Sök:"))
        #expect(f.screen[23].contains("F1") && f.screen[23].contains("Hjälp"))
    }

    @Test func typingSearchesOnEveryKeyWithÅÄÖAsLetters() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.type("ö")
        #expect(f.text.contains("Åsa Öberg"))
        #expect(!f.text.contains("Anna Oberg"))
        f.press(.backspace)
        f.type("o")
        #expect(f.text.contains("Anna Oberg"))
        #expect(!f.text.contains("Åsa Öberg"))
    }

    @Test func lettersGoToTheFieldNotToBindings() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.type("q2?")
        #expect(!f.app.shouldQuit)
        let s = try #require(f.app.state.top as? SearchScreen)
        #expect(s.state.field.text == "q2?")
    }

    @Test func protectedIdentityIsMaskedInResults() throws {
        let f = try AppFixture()
        defer { f.remove() }
        // Digits typed one by one do not list protected people; the whole number finds them, masked.
        f.type("19121212")
        #expect(!f.text.contains("Skyddad identitet"))
        f.type("1212")
        #expect(f.text.contains("Skyddad identitet"))
        #expect(!f.text.contains("Tolvan"))
    }

    @Test func enterOpensTheRecordThroughTheDoorAndEscGoesBack() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let before = try f.store.logRows(patient: nil, limit: 1000).count
        f.type("åst")
        f.press(.enter)
        #expect(f.app.state.top.id == .overview)
        #expect(f.text.contains("Jörgen Åström"))
        #expect(try f.store.logRows(patient: nil, limit: 1000).count == before + 1)
        f.press(.escape)
        #expect(f.app.state.top.id == .search)
    }

    @Test func functionKeysAndTheirDigitTwinsSwitchScreens() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.press(.function(5))
        #expect(f.app.state.top.id == .referrals)
        f.press(.char("6"))
        #expect(f.app.state.top.id == .workLists)
        f.press(.char("/"))
        #expect(f.app.state.top.id == .search)
        f.press(.function(4))
        #expect(f.text.contains("Kontinuitet"))
        f.press(.char("q"))
        #expect(f.app.shouldQuit)
    }

    @Test func helpListsEveryBindingOfTheScreen() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.press(.function(1))
        let text = f.text
        for binding in GlobalKeymapProbe.bindings(f.app) {
            #expect(text.contains(binding), "help lacks \(binding)")
        }
        f.press(.escape)
        #expect(!f.text.contains("Esc stänger hjälpen"))
    }

    @Test func ctrlCAsksAndNoKeepsTheProgramRunning() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.press(.ctrl("c"))
        #expect(f.text.contains("Vill du avsluta Nära?"))
        f.press(.char("n"))
        #expect(!f.app.shouldQuit)
        f.press(.ctrl("c"), .enter)
        #expect(!f.app.shouldQuit) // "Nej" is chosen by default
        f.press(.ctrl("c"), .left, .enter)
        #expect(f.app.shouldQuit)
    }

    @Test func aWindowBelow80x24AsksForMoreAndRecovers() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.app.handle(.resize(width: 60, height: 20))
        #expect(f.text.contains("minst 80×24"))
        f.app.handle(.resize(width: 100, height: 30))
        #expect(f.text.contains("Sök:"))
        for (w, h) in [(0, 0), (1, 1), (300, 100)] {
            f.app.handle(.resize(width: w, height: h))
            #expect(f.screen.count == h)
        }
    }

    @Test func englishOnRequest() throws {
        let f = try AppFixture(language: .en)
        defer { f.remove() }
        #expect(f.text.contains("Find:"))
        #expect(f.screen[0].contains("district nurse"))
        #expect(f.screen[23].contains("Help"))
    }

    @Test func aPasteWithNewlinesStaysInTheField() throws {
        let f = try AppFixture()
        defer { f.remove() }
        f.app.handle(.paste("öb\nerg"))
        let s = try #require(f.app.state.top as? SearchScreen)
        #expect(s.state.field.text == "öb erg")
        #expect(f.app.state.top.id == .search)
    }
}

/// The key names help must show for the bindings in force.
enum GlobalKeymapProbe {
    static func bindings(_ app: App) -> [String] {
        ["F1/?", "F2/2", "F3/3", "F4/4", "F5/5", "F6/6", "F10/q", "Esc", "Ctrl-L"]
    }
}
