/// The text and cursor of a one-line text field, edited with the keys readline and Emacs
/// taught every terminal user. It lives in the screen's state (a widget is redrawn from
/// it each frame) and counts in grapheme clusters, so the cursor never stands inside
/// "å" written as a + ring, an emoji with skin tone, or a flag.
public struct TextFieldState: Hashable, Sendable {
    public var text: String
    /// Grapheme clusters before the cursor, `0...text.count`.
    public var cursor: Int
    /// The most characters the field takes: typing and pasting stop there, so a
    /// personnummer field cannot silently hold more than its format allows.
    public var maxLength: Int?
    /// Characters the last edit could not take because the field was full: a form says
    /// so under the field, so a 100 KB paste is never cut off without a word.
    public private(set) var cutOff = 0

    /// Text from elsewhere (a stored name, a default) is cleaned as a paste would be, so
    /// a field never holds a newline or a terminal control sequence.
    public init(_ text: String = "", maxLength: Int? = nil) {
        var clean = Self.singleLine(text)
        if let maxLength { clean = String(clean.prefix(Swift.max(0, maxLength))) }
        self.text = clean
        self.cursor = clean.count
        self.maxLength = maxLength
    }

    public var isEmpty: Bool { text.isEmpty }

    /// The text as a form should save it: spaces at the ends are almost always a slip.
    public var trimmed: String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    public mutating func clear() {
        text = ""
        cursor = 0
    }

    /// Applies an editing key. Returns false for keys that mean something to the form or
    /// screen around the field (Enter, Tab, Esc, up/down, function keys, unknown
    /// Ctrl-combinations), so a focused field never swallows navigation.
    /// Editing keys are consumed even when they change nothing (Backspace at the start),
    /// or they would fall through and trigger a screen's binding by surprise.
    public mutating func handle(_ key: Key) -> Bool {
        clampCursor()
        cutOff = 0
        switch key {
        case .char(let c):
            guard key.isPrintable else { return false }
            insert(String(c))
        case .left:
            cursor = Swift.max(0, cursor - 1)
        case .right:
            cursor = Swift.min(text.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = text.count
        case .backspace:
            if cursor > 0 { remove(from: cursor - 1, to: cursor) }
        case .delete, .ctrl("d"):
            if cursor < text.count { remove(from: cursor, to: cursor + 1) }
        case .ctrl("u"):
            remove(from: 0, to: cursor)
        case .ctrl("k"):
            remove(from: cursor, to: text.count)
        case .ctrl("w"):
            // readline's unix-word-rubout: whitespace is the only separator, so
            // "19121212-1212" goes in one stroke.
            remove(from: wordStart(before: cursor, isWord: { !$0.isWhitespace }), to: cursor)
        case .alt("b"):
            cursor = wordStart(before: cursor, isWord: Self.isWordCharacter)
        case .alt("f"):
            cursor = wordEnd(after: cursor, isWord: Self.isWordCharacter)
        default:
            return false
        }
        return true
    }

    /// Inserts text at the cursor, as a bracketed paste delivers it. Line breaks and tabs
    /// become single spaces, because in a one-line field a pasted newline must never act
    /// as Enter; other control characters and bidi overrides are dropped (TERMINAL.md:
    /// they move the cursor or reorder text on screen). What does not fit in `maxLength`
    /// is cut off and counted in `cutOff`. The result is built in one pass, so a 100 KB
    /// paste stays linear.
    public mutating func insert(_ pasted: String) {
        clampCursor()
        cutOff = 0
        var clean = Self.singleLine(pasted)
        guard !clean.isEmpty else { return }
        if let maxLength {
            let room = Swift.max(0, maxLength - text.count)
            let count = clean.count
            cutOff = Swift.max(0, count - room)
            guard room > 0 else { return }
            if cutOff > 0 { clean = String(clean.prefix(room)) }
        }
        let split = index(at: cursor)
        var before = String(text[..<split])
        before.append(clean)
        // Counted after joining: a combining mark typed after "e" becomes part of "é".
        let newCursor = before.count
        before.append(contentsOf: text[split...])
        text = before
        cursor = Swift.min(newCursor, text.count)
    }

    // MARK: - Internals

    /// Replaces line breaks and tabs with one space each (CR LF counts as one break) and
    /// drops the rest of `UnsafeScalars`: C0, DEL, C1 and the bidi controls.
    static func singleLine(_ input: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for s in input.unicodeScalars {
            let v = s.value
            defer { previousWasCR = v == 0x0D }
            switch v {
            case 0x0A where previousWasCR:
                continue
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                scalars.append(" ")
            default:
                if !UnsafeScalars.contains(s) { scalars.append(s) }
            }
        }
        return String(scalars)
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    private mutating func clampCursor() {
        cursor = Swift.min(Swift.max(0, cursor), text.count)
    }

    private func index(at offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
    }

    private mutating func remove(from start: Int, to end: Int) {
        guard start < end else { return }
        text.removeSubrange(index(at: start)..<index(at: end))
        cursor = start
    }

    /// Skips non-word characters backwards, then word characters: where Ctrl-W and Alt-B land.
    private func wordStart(before offset: Int, isWord: (Character) -> Bool) -> Int {
        let chars = Array(text[..<index(at: offset)])
        var i = chars.count
        while i > 0 && !isWord(chars[i - 1]) { i -= 1 }
        while i > 0 && isWord(chars[i - 1]) { i -= 1 }
        return i
    }

    private func wordEnd(after offset: Int, isWord: (Character) -> Bool) -> Int {
        let chars = Array(text[index(at: offset)...])
        var i = 0
        while i < chars.count && !isWord(chars[i]) { i += 1 }
        while i < chars.count && isWord(chars[i]) { i += 1 }
        return offset + i
    }
}
