import Foundation

/// The time zone the program reads its clock in: Swedish time, computed here, or any
/// Foundation time zone.
///
/// On Linux, creating even one Foundation `TimeZone` by name loads ICU's zone data:
/// 3 MB more resident memory in every session (BENCHMARKS.md). Swedish time follows a
/// fixed rule, so the program computes it and leaves ICU alone.
public enum ClockZone: Sendable, Hashable {
    /// Europe/Stockholm: CET, and CEST from 01:00 UTC on the last Sunday of March to
    /// 01:00 UTC on the last Sunday of October (of September 1980–1995; the first began
    /// on 6 April 1980); no summer time before 1980. Tested against the zone database.
    case swedish
    case foundation(TimeZone)

    /// Clinic days are Swedish days: a step at 00:30 in Stockholm belongs to that day
    /// even though it is still the day before in UTC.
    public static let stockholm = ClockZone.swedish

    public init(_ timeZone: TimeZone) { self = .foundation(timeZone) }

    /// Seconds to add to UTC for local wall-clock time at `date`.
    public func secondsFromGMT(for date: Date) -> Int {
        switch self {
        case .foundation(let zone): return zone.secondsFromGMT(for: date)
        case .swedish: return Self.swedishOffset(at: Int(date.timeIntervalSince1970.rounded(.down)))
        }
    }

    static func swedishOffset(at seconds: Int) -> Int {
        let day = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let year = LocalDate(dayNumber: day).year
        guard year >= 1980 else { return 3600 }
        // Sweden's first summer time began on 6 April 1980; the EU's last Sunday of March after.
        let startDay = year == 1980 ? LocalDate(year: 1980, month: 4, day: 6)!.dayNumber : lastSunday(year: year, month: 3)
        let start = startDay * 86_400 + 3600
        let end = lastSunday(year: year, month: year <= 1995 ? 9 : 10) * 86_400 + 3600
        return seconds >= start && seconds < end ? 7200 : 3600
    }

    /// Day number of the last Sunday of a month.
    private static func lastSunday(year: Int, month: Int) -> Int {
        let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!.dayNumber
        let weekday = ((last + 4) % 7 + 7) % 7 // 1970-01-01 was a Thursday; 0 is Sunday
        return last - weekday
    }
}
