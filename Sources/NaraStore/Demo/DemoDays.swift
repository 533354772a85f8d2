import Foundation
import NaraDomain

/// Day arithmetic for the generator. Tens of millions of rows carry a date or a
/// timestamp; formatting them one by one would dominate the build, so every day in
/// range is formatted once and its Stockholm UTC offset looked up once.
struct DemoDays {
    let today: Int
    /// First day of the simulated history.
    let historyStart: Int
    private let first: Int
    private let isoText: [String]
    private let utcOffset: [Int32]

    init(today: LocalDate, years: Int) {
        self.today = today.dayNumber
        historyStart = today.dayNumber - max(1, years) * 365
        first = today.dayNumber - 125 * 366
        let last = today.dayNumber + 400
        let zone = ClockZone.stockholm
        var texts: [String] = []
        var offsets: [Int32] = []
        texts.reserveCapacity(last - first + 1)
        offsets.reserveCapacity(last - first + 1)
        for day in first...last {
            texts.append(LocalDate(dayNumber: day).iso)
            let noon = Date(timeIntervalSince1970: TimeInterval(day * 86_400 + 43_200))
            offsets.append(Int32(zone.secondsFromGMT(for: noon)))
        }
        isoText = texts
        utcOffset = offsets
    }

    var earliest: Int { first }

    func iso(_ day: Int) -> String { isoText[day - first] }

    /// Unix seconds for a local clock time on `day`.
    func seconds(day: Int, minute: Int) -> Int64 {
        Int64(day * 86_400 + minute * 60 - Int(utcOffset[day - first]))
    }

    /// A time in clinic hours (08:00–16:55, on five-minute slots).
    func clinicTime(day: Int, rng: inout DemoRandom) -> Int64 {
        seconds(day: day, minute: 8 * 60 + 5 * rng.below(108))
    }
}
