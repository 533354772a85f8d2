/// A terminal in memory: events come from a queue the test fills, frames go to a
/// buffer the test reads. No I/O, no timing, no sleeps (swift-nio's EmbeddedChannel).
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: (width: Int, height: Int)
    public private(set) var screen: Buffer
    public private(set) var cursor: (x: Int, y: Int)?
    public private(set) var framesDrawn = 0
    /// Cells written by the last draw: what a real terminal would have been sent.
    public private(set) var lastChangeCount = 0
    private var pending: [Event] = []
    private var valid = true

    public init(width: Int = 80, height: Int = 24) {
        size = (width, height)
        screen = Buffer(width: width, height: height)
    }

    public func send(_ events: Event...) { send(events) }
    public func send(_ events: [Event]) { pending.append(contentsOf: events) }
    public func send(keys: [Key]) { pending.append(contentsOf: keys.map { .key($0) }) }

    /// Resizes and queues the resize event, as a terminal does.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        pending.append(.resize(width: width, height: height))
    }

    public var hasPendingEvents: Bool { !pending.isEmpty }

    /// After the queued events, the terminal is gone (a hang-up): reads answer nil.
    public func hangUp() { hungUp = true }
    private var hungUp = false

    /// A queued `.tick` stands for a wait that ended with no input. A read that does not
    /// wait (timeout 0) learns that nothing is there now but does not use the wait up,
    /// as a real terminal's zero-timeout read cannot.
    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        if pending.isEmpty { return hungUp ? nil : .tick }
        if timeoutMilliseconds == 0, pending.first == .tick { return .tick }
        return pending.removeFirst()
    }

    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        let changes = valid ? buffer.changes(from: screen) : buffer.changes(from: Buffer(width: 0, height: 0))
        lastChangeCount = changes.count
        screen = buffer
        self.cursor = cursor
        valid = true
        framesDrawn += 1
    }

    public func invalidate() { valid = false }
}
