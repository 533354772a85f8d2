import Foundation
import NaraDomain

/// Clinic wall-clock time (Swedish time) for encounter times: what the nurse types and
/// reads is local, what the store keeps is an instant.
enum ClinicTime {
    static let zone = ClockZone.stockholm

    /// `YYYY-MM-DD HH:MM`.
    static func format(_ date: Date) -> String {
        let day = LocalDate(date: date, in: zone)
        return day.iso + " " + clock(date)
    }

    /// `HH:MM`.
    static func clock(_ date: Date) -> String {
        let secs = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let minutes = ((secs % 86_400) + 86_400) % 86_400 / 60
        return two(minutes / 60) + ":" + two(minutes % 60)
    }

    /// Strict `YYYY-MM-DD HH:MM`; nil for anything else, a 25th hour included.
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let day = LocalDate(iso: String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, hm.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        let local = TimeInterval(day.dayNumber * 86_400 + h * 3600 + m * 60)
        let guess = Date(timeIntervalSince1970: local)
        // The offset at the guessed instant; corrected once for the hours around a DST change.
        var date = guess.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: guess)))
        date = guess.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: date)))
        return date
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
