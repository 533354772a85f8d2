import Foundation
import NaraDomain
import Testing

@Suite struct ClockZoneTests {
    static let foundation = TimeZone(identifier: "Europe/Stockholm")!

    /// Every six hours and around every change from 1970 to 2040, the rule gives what
    /// the system's zone database gives.
    @Test func swedishTimeMatchesTheZoneDatabase() {
        var instants: [Int] = []
        for t in stride(from: 0, to: 2_209_000_000, by: 6 * 3600 + 17) { instants.append(t) }
        for year in 1980...2040 {
            for month in [3, 9, 10] {
                for day in 24...31 {
                    guard let date = LocalDate(year: year, month: month, day: day) else { continue }
                    let base = date.dayNumber * 86_400
                    for minute in stride(from: 0, to: 240, by: 30) { instants.append(base + minute * 60) }
                }
            }
        }
        var mismatches: [Int] = []
        for t in instants {
            let date = Date(timeIntervalSince1970: TimeInterval(t))
            if ClockZone.stockholm.secondsFromGMT(for: date) != Self.foundation.secondsFromGMT(for: date) {
                mismatches.append(t)
            }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
    }

    @Test func localDaysAndNoonsAgree() {
        for day in stride(from: 3650, to: 25_000, by: 37) {
            let date = LocalDate(dayNumber: day)
            #expect(date.noon(in: .stockholm) == date.noon(in: Self.foundation))
            let late = Date(timeIntervalSince1970: TimeInterval(day * 86_400 + 23 * 3600 + 30 * 60))
            #expect(LocalDate(date: late, in: .stockholm) == LocalDate(date: late, in: Self.foundation))
        }
    }

    @Test func aFoundationZoneIsUsedAsItIs() {
        let utc = ClockZone(TimeZone(identifier: "UTC")!)
        #expect(utc.secondsFromGMT(for: Date(timeIntervalSince1970: 1_750_000_000)) == 0)
    }
}
