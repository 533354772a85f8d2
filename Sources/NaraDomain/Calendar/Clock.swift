import Foundation

/// Where "today" and "now" come from. Rules take dates as arguments; the app and the
/// commands ask a clock, so tests can pin time and the century rule of short
/// personnummer can be tested on both sides of a birthday.
public protocol Clock: Sendable {
    var now: Date { get }
    var timeZone: ClockZone { get }
}

extension Clock {
    /// Today's calendar day in the clock's time zone (Swedish time for a clinic).
    public var today: LocalDate { LocalDate(date: now, in: timeZone) }
}

public struct SystemClock: Clock {
    public let timeZone: ClockZone
    public init(timeZone: ClockZone = .stockholm) {
        self.timeZone = timeZone
    }
    public var now: Date { Date() }
}

public struct FixedClock: Clock {
    public let now: Date
    public let timeZone: ClockZone
    public init(_ now: Date, timeZone: ClockZone = .stockholm) {
        self.now = now
        self.timeZone = timeZone
    }
    /// Noon on `day`, Swedish time.
    public init(day: LocalDate) {
        self.init(day.noon(in: .stockholm), timeZone: .stockholm)
    }
}

extension LocalDate {
    public init(date: Date, in timeZone: TimeZone) {
        self.init(date: date, in: ClockZone(timeZone))
    }

    public init(date: Date, in timeZone: ClockZone) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        self.init(dayNumber: days)
    }

    /// 12:00 local time on this day: a safe instant to stand for "this day".
    public func noon(in timeZone: TimeZone) -> Date { noon(in: ClockZone(timeZone)) }

    public func noon(in timeZone: ClockZone) -> Date {
        let utcNoon = Date(timeIntervalSince1970: TimeInterval(dayNumber * 86_400 + 43_200))
        return utcNoon.addingTimeInterval(-TimeInterval(timeZone.secondsFromGMT(for: utcNoon)))
    }
}
