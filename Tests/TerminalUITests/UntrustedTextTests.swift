import Testing
@testable import TerminalUI

/// Text from a store that another tool wrote to, or from an import, reaches widgets
/// unchecked: no cell may carry a control or bidi character whatever a widget is given.
@Suite struct UntrustedTextTests {
    /// An OSC title sequence ended by BEL, a C1 CSI, the right-to-left override, the bidi
    /// isolates and embeddings, direction marks, NUL, backspace and other C0 controls.
    static let poison = "Ann\u{1B}]0;x\u{07}a \u{9B}31mEk\u{202E}dahl\u{2066}\u{2067}\u{2068}\u{2069}"
        + "\u{202A}\u{202B}\u{202C}\u{202D}\u{200E}\u{200F}\u{061C}\u{0}\u{8}\u{7F}\u{85}\u{1B}[2J\r\nslut"

    static func unsafeCells(_ buffer: Buffer) -> [String] {
        var found: [String] = []
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where buffer[x, y].symbol.unicodeScalars.contains(where: UnsafeScalars.contains) {
                found.append("\(x),\(y): \(buffer[x, y].symbol.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        return found
    }

    @Test func bufferPutDropsEveryUnsafeScalar() {
        var b = Buffer(width: 60, height: 1)
        b.put(Self.poison, x: 0, y: 0)
        #expect(Self.unsafeCells(b) == [])
        #expect(b.line(0).hasPrefix("Ann]0;xa 31mEkdahl[2Jslut"))
    }

    @Test func aBidiOverrideIsNotGluedToTheCellBeforeIt() {
        // U+202E has no width; it used to be attached to the previous cell like an accent.
        var b = Buffer(width: 6, height: 1)
        b.put("ab\u{202E}cd", x: 0, y: 0)
        #expect(b[1, 0].symbol == "b")
        #expect(b.line(0) == "abcd  ")
        // A real combining mark still joins its base.
        b.put("e\u{301}", x: 0, y: 0)
        #expect(b[0, 0].symbol == "e\u{301}")
    }

    @Test func widgetsGivenUntrustedTextDrawNoUnsafeCells() {
        let line = TextLine(Self.poison)
        let widgets: [any Widget] = [
            Paragraph(Self.poison),
            ListView([Self.poison, "Åsa"], state: ListState(selected: 0)),
            Table(columns: [TableColumn("Namn"), TableColumn("Not", width: .length(12))],
                  rows: [[line, line]], state: ListState(selected: 0)),
            StatusLine(left: Self.poison, right: Self.poison),
            Modal(title: Self.poison, lines: [line], buttons: ["OK"]),
            Frame(title: Self.poison),
            TextField(state: TextFieldState(Self.poison), focused: true),
            Form(state: FormState(fields: [FormField(id: "a", label: Self.poison, state: TextFieldState(Self.poison),
                                                     error: Self.poison, hint: Self.poison)])),
        ]
        for widget in widgets {
            let b = rendered(widget, width: 50, height: 6)
            #expect(Self.unsafeCells(b) == [], "\(type(of: widget))")
        }
    }

    @Test func aPasteIntoAFieldKeepsNoUnsafeScalar() {
        var s = TextFieldState()
        s.insert(Self.poison)
        #expect(!s.text.unicodeScalars.contains(where: UnsafeScalars.contains))
    }
}
