import Foundation
import NaraDomain

/// A clock the test moves on, for what the app does when time passes (a held-back read
/// made once its interval is over).
final class StepClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    let timeZone: ClockZone = .stockholm

    init(day: LocalDate) { current = day.noon(in: .stockholm) }
    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(seconds: TimeInterval) { lock.withLock { current.addTimeInterval(seconds) } }
}
