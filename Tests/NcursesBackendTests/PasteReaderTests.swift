import Testing
@testable import NcursesBackend

/// The paste's bytes as they come in blocks (security review L2, L8).
@Suite struct PasteReaderTests {
    func read(_ blocks: [String], limit: Int = 1 << 16) -> PasteReader {
        var reader = PasteReader(limit: limit)
        for block in blocks { reader.take(ArraySlice(Array(block.utf8))) }
        return reader
    }

    @Test func anEndMarkerInTheMiddleIsDroppedAndTheRestIsText() {
        let r = read(["199911080407\u{1B}[201~\rjrutinkoll\r\u{1B}[201~"])
        #expect(r.text == "199911080407\njrutinkoll\n")
        #expect(r.endsWithMarker)
    }

    @Test func aMarkerSplitAcrossBlocksIsStillAMarker() {
        let r = read(["abc\u{1B}[2", "01~"])
        #expect(r.text == "abc")
        #expect(r.endsWithMarker)
        let s = read(["abc\u{1B}[20", "1x~"])
        #expect(s.text == "abc[201x~")
        #expect(!s.endsWithMarker)
    }

    @Test func controlsAndEscapesAreDroppedNewlinesAndTabsKept() {
        let r = read(["a\u{1B}\u{1B}[21~b\u{7}\tc\r\nd\ne\u{7F}\u{9B}f"])
        #expect(r.text == "a[21~b\tc\nd\nef")
        #expect(!r.endsWithMarker)
    }

    @Test func textPastTheLimitIsDroppedWithoutHalfACharacter() {
        let r = read(["ö" + String(repeating: "å", count: 10), "more"], limit: 7)
        #expect(r.truncated)
        #expect(r.text == "öåå")
    }
}
