import CNcursesw
import TerminalUI

extension NcursesBackend {
    /// Writes only the cells that changed since the last frame, then one `doupdate`:
    /// ncurses diffs once more against what the terminal shows, so moving a highlight
    /// bar costs a few hundred bytes over SSH, not a screen.
    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        guard screen != nil else { return }
        let (width, height) = size
        let full = needsFullRepaint || buffer.width != front.width || buffer.height != front.height
        if full {
            // Only the virtual screen is erased; doupdate still sends just the difference,
            // unless clearok asked for a real repaint (Ctrl-L after line noise).
            werase(window)
            if needsClear { clearok(window, true) }
        }
        let changes = full ? buffer.changes(from: Buffer(width: 0, height: 0)) : buffer.changes(from: front)
        for change in changes where change.x < width && change.y < height {
            if change.cell.isContinuation {
                if usesASCII {
                    put(" ", style: change.cell.style, x: change.x, y: change.y)
                } else if change.x > 0, !buffer[change.x - 1, change.y].isContinuation {
                    // A wide character's second half changed alone: its first half draws both.
                    write(buffer[change.x - 1, change.y], in: buffer, x: change.x - 1, y: change.y)
                }
                continue
            }
            write(change.cell, in: buffer, x: change.x, y: change.y)
        }

        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < width, cursor.y < height {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible { curs_set(1); cursorVisible = true }
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
        front = buffer
        needsFullRepaint = false
        needsClear = false
    }

    private func write(_ cell: Cell, in buffer: Buffer, x: Int, y: Int) {
        let symbol = printable(cell.symbol)
        let wideInBuffer = buffer[x + 1, y].isContinuation && x + 1 < buffer.width
        if usesASCII {
            put(symbol.unicodeScalars.allSatisfy(\.isASCII) ? symbol : "?", style: cell.style, x: x, y: y)
            return
        }
        let base = symbol.unicodeScalars.first.map { Int(cn_wcwidth(wchar_t(bitPattern: $0.value))) } ?? 1
        if base < 0 || (base == 2 && !wideInBuffer) {
            // Curses would place it differently from the buffer (unknown to the C library,
            // or wide where the layout counted one column): keep the layout, mark the spot.
            put("?", style: cell.style, x: x, y: y)
        } else if !put(symbol, style: cell.style, x: x, y: y) {
            // setcchar takes at most a few combining marks; long emoji sequences do not fit.
            if let first = symbol.unicodeScalars.first, put(String(first), style: cell.style, x: x, y: y) {
            } else {
                put("?", style: cell.style, x: x, y: y)
            }
        }
        if wideInBuffer && base == 1 {
            // The layout reserved two columns for something curses draws in one.
            put(" ", style: cell.style, x: x + 1, y: y)
        }
    }

    /// Terminal control through stored text stops here at the latest: C0 and C1 controls
    /// become "?", bidi overrides, isolates and marks are dropped (TERMINAL.md).
    private func printable(_ symbol: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in symbol.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) {
                out.append("?")
            } else if UnsafeScalars.contains(scalar) {
                continue
            } else {
                out.append(scalar)
            }
        }
        return out.isEmpty ? " " : String(out)
    }

    @discardableResult
    private func put(_ text: String, style: Style, x: Int, y: Int) -> Bool {
        let (attrs, pair) = attributes(for: style)
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        // The bottom-right cell answers ERR (the cursor cannot move past it) but is drawn.
        let result = cn_put_cell(window, Int32(y), Int32(x), wide, attrs, pair)
        return result != ERR || (y == Int(getmaxy(window)) - 1 && x == Int(getmaxx(window)) - 1)
    }
}
