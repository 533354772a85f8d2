import Foundation

/// Wall-clock time as the program writes and reads it: Swedish time unless a zone is
/// given, computed without Foundation calendars (`ClockZone`). The one owner of the
/// program's time formats: `HH:MM`, and `YYYY-MM-DD HH:MM` for a moment.
public enum WallClock {
    /// Minutes since local midnight at `date`.
    public static func minuteOfDay(_ date: Date, in zone: ClockZone = .stockholm) -> Int {
        let secs = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        return ((secs % 86_400) + 86_400) % 86_400 / 60
    }

    /// `HH:MM`.
    public static func time(_ date: Date, in zone: ClockZone = .stockholm) -> String {
        let m = minuteOfDay(date, in: zone)
        return LocalDate.pad(m / 60, 2) + ":" + LocalDate.pad(m % 60, 2)
    }

    /// `YYYY-MM-DD HH:MM`, or `YYYY-MM-DD HH:MM:SS` with `seconds` (the log extract).
    public static func dateTime(_ date: Date, in zone: ClockZone = .stockholm, seconds: Bool = false) -> String {
        let base = LocalDate(date: date, in: zone).iso + " " + time(date, in: zone)
        guard seconds else { return base }
        let s = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        return base + ":" + LocalDate.pad(((s % 60) + 60) % 60, 2)
    }

    /// Strict `YYYY-MM-DD HH:MM`; nil for anything else, a 25th hour included.
    public static func parse(_ text: String, in zone: ClockZone = .stockholm) -> Date? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let day = LocalDate(iso: String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, hm.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        let guess = Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + h * 3600 + m * 60))
        // The offset at the guessed instant; corrected once for the hours around a DST change.
        var date = guess.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: guess)))
        date = guess.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: date)))
        return date
    }
}
