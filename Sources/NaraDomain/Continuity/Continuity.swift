/// Continuity indices (DOMAIN.md "Continuity of care").
public enum Continuity {
    /// Primärvårdskvalitet measures continuity over 18 months.
    public static let defaultWindowMonths = 18

    /// The last `months` months up to and including `endingOn`. The day exactly `months`
    /// months back is outside, so consecutive windows never share a day and an
    /// 18-month window is 18 months long, not 18 months and a day. Work lists and the
    /// access policy use the same definition of "the last N months".
    public static func window(endingOn end: LocalDate, months: Int = defaultWindowMonths) -> ClosedRange<LocalDate> {
        let start = end.adding(months: -months).adding(days: 1)
        return min(start, end)...end
    }

    /// - Parameters:
    ///   - encounters: the patient's encounters, in any order. Those before the window
    ///     only count as history for "known provider"; those after it are ignored.
    ///   - group: nil for all staff.
    ///   - named: the patient's named care contacts and named GP.
    public static func measures(encounters: [ContinuityEncounter], window: ClosedRange<LocalDate>,
                                group: ProfessionGroup?, named: Set<StaffID>) -> ContinuityMeasures {
        let relevant = inDayOrder(encounters, group: group)

        // One pass, one hash lookup per encounter in the common case: a report over a
        // region measures a million patients, three times each.
        var before = Set<StaffID>()
        var counts: [StaffID: Int] = [:]
        var n = 0, known = 0, samePairs = 0, namedCount = 0
        var previous: StaffID?
        for e in relevant where e.day <= window.upperBound {
            guard e.day >= window.lowerBound else {
                before.insert(e.staffId)
                continue
            }
            n += 1
            if let i = counts.index(forKey: e.staffId) {
                counts.values[i] += 1
                known += 1
            } else {
                if before.contains(e.staffId) { known += 1 }
                counts[e.staffId] = 1
            }
            if e.staffId == previous { samePairs += 1 }
            previous = e.staffId
            if !named.isEmpty && named.contains(e.staffId) { namedCount += 1 }
        }

        let perProvider = counts.map { ProviderCount(staffId: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.staffId < $1.staffId }

        let m = counts.count
        guard n >= 2 else {
            return ContinuityMeasures(encounters: n, providers: m, upc: nil, coc: nil, secon: nil, mmci: nil,
                                      knownProvider: nil, namedContactShare: nil, perProvider: perProvider)
        }
        let nd = Double(n)
        let maxCount = perProvider.first?.count ?? 0
        let sumSquares = counts.values.reduce(0) { $0 + $1 * $1 }

        return ContinuityMeasures(
            encounters: n,
            providers: m,
            upc: Double(maxCount) / nd,
            coc: Double(sumSquares - n) / (nd * (nd - 1)),
            secon: Double(samePairs) / (nd - 1),
            mmci: (1 - Double(m) / (nd + 0.1)) / (1 - 1 / (nd + 0.1)),
            knownProvider: Double(known) / nd,
            namedContactShare: named.isEmpty ? nil : Double(namedCount) / nd,
            perProvider: perProvider)
    }

    /// The group's encounters by day. Stable: several encounters on one day keep the
    /// order the caller gave, which is the store's time order, so SECON does not depend
    /// on sort internals. Input already in order (as the store gives it) is not sorted.
    static func inDayOrder(_ encounters: [ContinuityEncounter], group: ProfessionGroup?) -> [ContinuityEncounter] {
        let relevant = group == nil ? encounters : encounters.filter { $0.group == group }
        guard zip(relevant, relevant.dropFirst()).contains(where: { $0.day > $1.day }) else { return relevant }
        return relevant.enumerated()
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map(\.element)
    }

    public static func report(encounters: [ContinuityEncounter], window: ClosedRange<LocalDate>,
                              named: Set<StaffID>) -> ContinuityReport {
        ContinuityReport(
            window: window,
            doctors: measures(encounters: encounters, window: window, group: .doctors, named: named),
            nurses: measures(encounters: encounters, window: window, group: .nurses, named: named),
            all: measures(encounters: encounters, window: window, group: nil, named: named))
    }

    /// Encounters per calendar month for a sparkline, oldest month first; the last
    /// element is the month of `endingOn`. Calendar months (not 30-day steps) so each
    /// bar matches a month label. Encounters after `endingOn` are not counted.
    public static func encountersPerMonth(_ encounters: [ContinuityEncounter], endingOn end: LocalDate,
                                          months: Int) -> [Int] {
        guard months > 0 else { return [] }
        let endIndex = end.year * 12 + end.month - 1
        let firstIndex = endIndex - months + 1
        var result = Array(repeating: 0, count: months)
        for e in encounters where e.day <= end {
            let index = e.day.year * 12 + e.day.month - 1
            if index >= firstIndex { result[index - firstIndex] += 1 }
        }
        return result
    }
}
