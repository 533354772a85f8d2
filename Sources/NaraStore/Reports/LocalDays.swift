import Foundation
import NaraDomain

/// The local calendar day of many instants in one period, with the zone's offsets worked
/// out once: asking the time zone for every one of a region's million encounters would
/// cost more than the rest of a report. Between two daylight-saving transitions the
/// offset is fixed, so a short table of transitions gives the same day as
/// `LocalDate(date:in:)`.
struct LocalDays {
    /// Instants (seconds) from which `offsets` at the same index apply, ascending.
    private var starts: [Int64] = []
    private var offsets: [Int64] = []

    /// - Parameters: from, to: the period in seconds since 1970; instants outside it get
    ///   the nearest end's offset.
    init(timeZone: TimeZone, from: Int64, to: Int64) {
        var at = Date(timeIntervalSince1970: TimeInterval(from))
        starts = [from]
        offsets = [Int64(timeZone.secondsFromGMT(for: at))]
        while let next = timeZone.nextDaylightSavingTimeTransition(after: at), next.timeIntervalSince1970 < TimeInterval(to) {
            starts.append(Int64(next.timeIntervalSince1970.rounded(.down)))
            offsets.append(Int64(timeZone.secondsFromGMT(for: next)))
            at = next
        }
    }

    func day(_ seconds: Int64) -> LocalDate {
        // The last transition at or before the instant; the table holds two a year.
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= seconds { low = mid } else { high = mid - 1 }
        }
        let local = seconds + offsets[low]
        let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        return LocalDate(dayNumber: Int(days))
    }
}
