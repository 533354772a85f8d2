/// What the application needs from a terminal. The ncurses backend implements it for
/// real terminals; `MemoryBackend` implements it for tests, so every screen can be
/// driven and checked without a terminal.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// The next event, or `.tick` when nothing arrived within `timeoutMilliseconds`.
    /// Nil when the terminal is gone (hang-up): the program must end.
    func nextEvent(timeoutMilliseconds: Int) -> Event?
    /// Shows `buffer`: writes the cells that changed since the last draw, then flushes once.
    func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?)
    /// Forget what is on screen and repaint everything on the next draw (Ctrl-L).
    func invalidate()
}
