import Testing
@testable import TerminalUI

/// `#expect` cannot call a mutating method on its operand, so keys go through here.
private func press(_ state: inout TextFieldState, _ key: Key) -> Bool { state.handle(key) }

@Suite struct TextFieldStateTests {
    private func typed(_ text: String, maxLength: Int? = nil) -> TextFieldState {
        var s = TextFieldState(maxLength: maxLength)
        for c in text { _ = s.handle(.char(c)) }
        return s
    }

    @Test func initPutsTheCursorAtTheEndAndCleansTheText() {
        let s = TextFieldState("Åsa\nÖberg")
        #expect(s.text == "Åsa Öberg")
        #expect(s.cursor == 9)
        #expect(TextFieldState("1234567", maxLength: 4).text == "1234")
    }

    @Test func typingInsertsAtTheCursor() {
        var s = typed("Åsa Öberg")
        #expect(s.text == "Åsa Öberg")
        #expect(s.cursor == 9)
        for _ in 0..<5 { #expect(press(&s, .left)) }
        #expect(press(&s, .char("ä")))
        #expect(s.text == "Åsa äÖberg")
        #expect(s.cursor == 5)
    }

    @Test func movementKeys() {
        var s = TextFieldState("abc")
        #expect(press(&s, .home)); #expect(s.cursor == 0)
        #expect(press(&s, .left)); #expect(s.cursor == 0)
        #expect(press(&s, .right)); #expect(s.cursor == 1)
        #expect(press(&s, .end)); #expect(s.cursor == 3)
        #expect(press(&s, .right)); #expect(s.cursor == 3)
        #expect(press(&s, .ctrl("a"))); #expect(s.cursor == 0)
        #expect(press(&s, .ctrl("e"))); #expect(s.cursor == 3)
    }

    @Test func deletingKeys() {
        var s = TextFieldState("abcdef")
        #expect(press(&s, .backspace)); #expect(s.text == "abcde")
        s.cursor = 1
        #expect(press(&s, .delete)); #expect(s.text == "acde"); #expect(s.cursor == 1)
        #expect(press(&s, .ctrl("d"))); #expect(s.text == "ade")
        #expect(press(&s, .ctrl("k"))); #expect(s.text == "a"); #expect(s.cursor == 1)
        s = TextFieldState("abcdef"); s.cursor = 4
        #expect(press(&s, .ctrl("u"))); #expect(s.text == "ef"); #expect(s.cursor == 0)
        // At the edges nothing changes, but the key is still the field's.
        #expect(press(&s, .backspace)); #expect(s.text == "ef")
        s.cursor = 2
        #expect(press(&s, .delete)); #expect(s.text == "ef")
    }

    @Test func ctrlWDeletesSpacesThenTheWordBeforeTheCursor() {
        var s = TextFieldState("ring  Åsa Öberg   ")
        #expect(press(&s, .ctrl("w"))); #expect(s.text == "ring  Åsa ")
        #expect(press(&s, .ctrl("w"))); #expect(s.text == "ring  ")
        #expect(press(&s, .ctrl("w"))); #expect(s.text == "")
        #expect(press(&s, .ctrl("w"))); #expect(s.text == "")
        s = TextFieldState("19121212-1212 tel 070-1234567")
        s.cursor = 17
        #expect(press(&s, .ctrl("w")))
        #expect(s.text == "19121212-1212  070-1234567")
        #expect(s.cursor == 14)
    }

    @Test func altBAndAltFMoveByWords() {
        var s = TextFieldState("Åsa Öberg, Örebro")
        #expect(press(&s, .alt("b"))); #expect(s.cursor == 11)
        #expect(press(&s, .alt("b"))); #expect(s.cursor == 4)
        #expect(press(&s, .alt("b"))); #expect(s.cursor == 0)
        #expect(press(&s, .alt("f"))); #expect(s.cursor == 3)
        #expect(press(&s, .alt("f"))); #expect(s.cursor == 9)
        #expect(press(&s, .alt("f"))); #expect(s.cursor == 17)
    }

    @Test(arguments: [Key.enter, .tab, .backTab, .escape, .up, .down, .function(5), .pageUp, .ctrl("l"),
                      .alt("x"), .char("\u{7}")])
    func navigationKeysAreLeftToTheForm(key: Key) {
        var s = TextFieldState("abc")
        #expect(!press(&s, key))
        #expect(s == TextFieldState("abc"))
    }

    @Test func swedishLettersCombiningMarksAndEmojiAreSingleCharacters() {
        // "å" as a + combining ring, "é" typed as e then a combining acute.
        var s = TextFieldState("a\u{030A}")
        #expect(s.cursor == 1)
        #expect(press(&s, .char("e")))
        #expect(press(&s, .char("\u{0301}")))
        #expect(s.text == "a\u{030A}e\u{0301}")
        #expect(s.cursor == 2)
        s.insert("👩🏽‍⚕️🇸🇪")
        #expect(s.text.count == 4)
        #expect(s.cursor == 4)
        #expect(press(&s, .backspace))
        #expect(s.text == "a\u{030A}e\u{0301}👩🏽‍⚕️")
        #expect(press(&s, .left))
        #expect(press(&s, .delete))
        #expect(s.text == "a\u{030A}e\u{0301}")
        #expect(press(&s, .home))
        #expect(press(&s, .delete))
        #expect(s.text == "e\u{0301}")
    }

    @Test func theCursorNeverSplitsAGraphemeCluster() {
        var s = TextFieldState("å👍🏿ö🇸🇪")
        for key in [Key.home, .right, .right, .left, .right, .right, .right, .right, .left] {
            _ = s.handle(key)
            let cut = s.text.index(s.text.startIndex, offsetBy: s.cursor)
            // Rejoining both halves gives the same characters: nothing was split.
            #expect(Array(s.text[..<cut]) + Array(s.text[cut...]) == Array(s.text))
            #expect((0...4).contains(s.cursor))
        }
        // A cursor set out of range from outside is clamped before use.
        s.cursor = 99
        #expect(press(&s, .backspace))
        #expect(s.text == "å👍🏿ö")
    }

    @Test func maxLengthStopsTypingAndCutsPastes() {
        var s = typed("1912121212", maxLength: 8)
        #expect(s.text == "19121212")
        #expect(press(&s, .char("9")))
        #expect(s.text == "19121212")
        s = TextFieldState("ab", maxLength: 5)
        s.cursor = 1
        s.insert("xyzw")
        #expect(s.text == "axyzb")
        #expect(s.cursor == 4)
        s.insert("q")
        #expect(s.text == "axyzb")
    }

    @Test func pasteFlattensLinesAndDropsControls() {
        var s = TextFieldState()
        s.insert("Åsa\r\nÖberg\tRing\u{1B}[31m\u{202E}x\u{9B}y\u{7F}\u{0}\n")
        #expect(s.text == "Åsa Öberg Ring[31mxy ")
        #expect(s.cursor == s.text.count)
        s.insert("\u{1B}\u{7}")
        #expect(s.text == "Åsa Öberg Ring[31mxy ")
    }

    @Test func aHundredKilobytePasteBecomesOneLine() {
        let line = String(repeating: "Bäckström ", count: 9) + "Örebro 12\n"  // 100 characters
        let paste = String(repeating: line, count: 1_000)
        var s = TextFieldState("start ")
        s.insert(paste)
        #expect(s.text.count == 6 + 100_000)
        #expect(!s.text.contains("\n"))
        #expect(s.cursor == s.text.count)
        s.cursor = 3
        s.insert(paste)
        #expect(s.text.count == 6 + 200_000)
        #expect(s.cursor == 100_003)
    }

    @Test func emptinessClearAndTrimmed() {
        var s = TextFieldState("  Åsa Öberg \t")
        #expect(!s.isEmpty)
        #expect(s.trimmed == "Åsa Öberg")
        #expect(TextFieldState("   ").trimmed == "")
        s.clear()
        #expect(s.isEmpty)
        #expect(s.cursor == 0)
    }
}
