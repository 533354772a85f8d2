import Foundation

/// A read made again for others' commits at once, then at most once in `interval`: a
/// move within the interval is held, and read on the first tick after it. The app's
/// re-reading of the unit's screens and the work lists' recount are each one of these.
struct HeldRead: Sendable {
    let interval: TimeInterval
    /// When the read was last made.
    private(set) var readAt: Date?
    /// A move came within the interval and waits.
    private(set) var isHeld = false

    init(interval: TimeInterval) { self.interval = interval }

    /// Others committed: true when the read is to be made now; otherwise it is held.
    mutating func moved(at now: Date) -> Bool {
        guard tooSoon(now) else { return true }
        isHeld = true
        return false
    }

    /// On a tick: whether a held read is due now.
    func due(at now: Date) -> Bool { isHeld && !tooSoon(now) }

    /// The read was made.
    mutating func read(at now: Date) {
        readAt = now
        isHeld = false
    }

    private func tooSoon(_ now: Date) -> Bool {
        readAt.map { now.timeIntervalSince($0) < interval } ?? false
    }
}
