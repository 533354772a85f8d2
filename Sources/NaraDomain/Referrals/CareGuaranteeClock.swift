/// Where a care-guarantee wait stands on a given day.
public enum GuaranteeStatus: Hashable, Sendable {
    /// No legal limit applies.
    case notApplicable
    /// The visit happened; `withinLimit` says whether the guarantee was kept.
    case met(on: LocalDate, withinLimit: Bool)
    /// `daysLeft` is 0 on the deadline itself: that day still counts as in time.
    case running(daysLeft: Int)
    /// Stood still today; `daysLeft` is measured against a deadline that moves daily.
    case paused(daysLeft: Int)
    case overdue(days: Int)
}

/// The vårdgaranti clock (HSL 9 kap 1 §): a limit in calendar days from `start`,
/// extended by every day the wait was patient-chosen or medically caused.
///
/// Pause days are half-open: a pause from `d` to `e` stops the clock on `d..<e`, so a
/// pause resumed the day it began costs nothing. An open pause covers `d...today`:
/// the clock does not run today, which is why the deadline moves one day for each day
/// it stays open.
public struct CareGuaranteeClock: Sendable, Hashable {
    public var kind: GuaranteeKind
    public var start: LocalDate
    public var pauses: [GuaranteePause]
    /// The day the guarantee was fulfilled (first visit or assessment).
    public var metOn: LocalDate?

    public init(kind: GuaranteeKind, start: LocalDate, pauses: [GuaranteePause] = [], metOn: LocalDate? = nil) {
        self.kind = kind
        self.start = start
        self.pauses = pauses
        self.metOn = metOn
    }

    /// Calendar days the clock stood still from `start` through `today`. Overlapping
    /// pauses are counted once, because a day cannot be paused twice; days before
    /// `start` are ignored, since the clock had not started.
    public func pausedDays(through today: LocalDate) -> Int {
        let end = today.dayNumber + 1
        let ranges = pauses.compactMap { pause -> (Int, Int)? in
            let lower = max(pause.from.dayNumber, start.dayNumber)
            let upper = min(pause.to?.dayNumber ?? end, end)
            return lower < upper ? (lower, upper) : nil
        }.sorted { $0.0 < $1.0 }

        var total = 0
        var covered = Int.min
        for (lower, upper) in ranges where upper > covered {
            total += upper - max(lower, covered)
            covered = upper
        }
        return total
    }

    /// The last day the guarantee is kept, as known on `today`; nil without a limit.
    public func deadline(today: LocalDate) -> LocalDate? {
        guard let limit = kind.limitDays else { return nil }
        return start.adding(days: limit + pausedDays(through: today))
    }

    /// How far the pauses have moved the deadline, as known on `today`: the days the clock
    /// stood still and the last day now. Nil when nothing was paused. A screen says this
    /// rather than let the days left climb while the clock stands still.
    public func movedDeadline(today: LocalDate) -> (pausedDays: Int, deadline: LocalDate)? {
        let paused = pausedDays(through: metOn ?? today)
        guard paused > 0, let deadline = deadline(today: metOn ?? today) else { return nil }
        return (paused, deadline)
    }

    public func isPaused(on day: LocalDate) -> Bool {
        day >= start && pauses.contains { $0.from <= day && ($0.to.map { day < $0 } ?? true) }
    }

    public func status(today: LocalDate) -> GuaranteeStatus {
        guard kind.limitDays != nil else { return .notApplicable }
        if let metOn, let deadline = deadline(today: metOn) {
            return .met(on: metOn, withinLimit: metOn <= deadline)
        }
        guard let deadline = deadline(today: today) else { return .notApplicable }
        let left = today.days(until: deadline)
        // Overdue wins over paused: pausing late does not make a broken promise kept.
        if left < 0 { return .overdue(days: -left) }
        return isPaused(on: today) ? .paused(daysLeft: left) : .running(daysLeft: left)
    }
}

extension Referral {
    /// The clock for this referral, starting as its rule says (`guaranteeStart`) and met
    /// on the day the patient was seen. Nil before sending or when no limit applies.
    public func guaranteeClock() -> CareGuaranteeClock? {
        guard let start = guaranteeStart else { return nil }
        return CareGuaranteeClock(kind: guarantee, start: start, pauses: pauses, metOn: seenOn)
    }

    /// Only a wait still in progress can be overdue: a rejected, cancelled or seen
    /// referral has nothing left to chase.
    public func isOverdue(today: LocalDate) -> Bool {
        guard state.isOpen, state.awaitsVisit, let clock = guaranteeClock() else { return false }
        if case .overdue = clock.status(today: today) { return true }
        return false
    }

    /// Days until the deadline (negative when overdue) while the patient still waits;
    /// nil when no clock runs or the wait is over.
    public func daysLeft(today: LocalDate) -> Int? {
        guard state.awaitsVisit, let deadline = guaranteeClock()?.deadline(today: today) else { return nil }
        return today.days(until: deadline)
    }
}
