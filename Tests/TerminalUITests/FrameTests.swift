import Testing
@testable import TerminalUI

@Suite struct FrameTests {
    @Test func boxWithTitle() {
        let b = rendered(Frame(title: "Remisser"), width: 14, height: 4)
        #expect(b.lines == [
            "┌ Remisser ──┐",
            "│            │",
            "│            │",
            "└────────────┘",
        ])
        #expect(b[0, 0].role == .border)
        #expect(b[2, 0].role == .title)
        #expect(b[1, 0].role == .title)
        #expect(b[11, 0].role == .border)
    }

    @Test func longTitleIsCutWithAnEllipsis() {
        let b = rendered(Frame(title: "Vårdcentralen Örebro"), width: 12, height: 3)
        #expect(b.lines == [
            "┌ Vårdcen… ┐",
            "│          │",
            "└──────────┘",
        ])
    }

    @Test func wideTitleCharacterAtTheCut() {
        // Five columns for a title six wide: "日本" and "…" fill them exactly.
        let b = rendered(Frame(title: "日本語"), width: 9, height: 3)
        #expect(b.lines == [
            "┌ 日本… ┐",
            "│       │",
            "└───────┘",
        ])
        // Four columns: "日" and "…" take three, the border shows in the fourth.
        #expect(rendered(Frame(title: "日本語"), width: 8, height: 2).lines == ["┌ 日… ─┐", "└──────┘"])
    }

    @Test func asciiGlyphs() {
        let b = rendered(Frame(title: "Öppna", glyphs: .ascii), width: 10, height: 3)
        #expect(b.lines == [
            "+ Öppna -+",
            "|        |",
            "+--------+",
        ])
    }

    @Test func innerAreaLeavesTheBorder() {
        let frame = Frame()
        #expect(frame.inner(Rect(x: 2, y: 3, width: 10, height: 5)) == Rect(x: 3, y: 4, width: 8, height: 3))
        #expect(frame.inner(Rect(x: 2, y: 3, width: 2, height: 5)).isEmpty)
        #expect(frame.inner(Rect(x: 2, y: 3, width: 10, height: 2)).isEmpty)
        #expect(frame.inner(.zero).isEmpty)
    }

    @Test(arguments: [
        (1, 1, ["┌"]),
        (2, 1, ["┌┐"]),
        (1, 2, ["┌", "└"]),
        (3, 2, ["┌─┐", "└─┘"]),
        (4, 1, ["┌──┐"]),
    ])
    func tinyBoxesDrawWhatFits(width: Int, height: Int, expected: [String]) {
        #expect(rendered(Frame(title: "X"), width: width, height: height).lines == expected)
    }

    @Test func titleNeedsRoomForOneCharacter() {
        #expect(rendered(Frame(title: "Åsa"), width: 5, height: 2).lines == ["┌───┐", "└───┘"])
        #expect(rendered(Frame(title: "Åsa"), width: 6, height: 2).lines == ["┌ Å… ┐", "└────┘"])
    }
}
