import Foundation
import NaraDomain
import Testing

/// The program's one wall clock against Foundation's zone database, winter and summer,
/// and its strict parser.
@Suite struct WallClockTests {
    @Test(arguments: [0.0, 1_711_846_799, 1_711_846_800, 1_729_990_800, 1_764_937_319, 1_780_000_000.9])
    func formatsAsStockholmDoes(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Stockholm")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        #expect(WallClock.dateTime(date, seconds: true) == f.string(from: date))
        #expect(WallClock.dateTime(date) == String(f.string(from: date).prefix(16)))
    }

    @Test func parsesOnlyWhatItWrites() {
        let date = Date(timeIntervalSince1970: 1_764_937_260)
        #expect(WallClock.parse(WallClock.dateTime(date)) == date)
        #expect(WallClock.parse("2026-12-05 24:00") == nil)
        #expect(WallClock.parse("2026-12-05 9:00") == nil)
    }
}
