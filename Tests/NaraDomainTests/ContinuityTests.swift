import Testing
import Foundation
@testable import NaraDomain

private func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

private func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) < tolerance
}

/// One encounter per provider letter, a week apart, starting 2025-01-06.
private func sequence(_ providers: [String], group: ProfessionGroup = .doctors,
                      start: LocalDate = day("2025-01-06")) -> [ContinuityEncounter] {
    providers.enumerated().map {
        ContinuityEncounter(day: start.adding(days: 7 * $0.offset), staffId: StaffID($0.element), group: group)
    }
}

private let wide = day("2024-01-01")...day("2025-12-31")

@Test func workedExampleFromDomain() {
    let m = Continuity.measures(encounters: sequence(["A", "A", "B", "A", "C"]), window: wide, group: nil, named: [])
    #expect(m.encounters == 5)
    #expect(m.providers == 3)
    #expect(close(m.upc, 0.6))
    #expect(close(m.coc, 0.30))
    #expect(close(m.secon, 0.25))
    #expect(close(m.mmci, (1 - 3 / 5.1) / (1 - 1 / 5.1)))
    // A (new), A (known), B (new), A (known), C (new).
    #expect(close(m.knownProvider, 0.4))
    #expect(m.namedContactShare == nil)
    #expect(m.perProvider == [ProviderCount(staffId: "A", count: 3), ProviderCount(staffId: "B", count: 1),
                              ProviderCount(staffId: "C", count: 1)])
}

@Test func namedContactShare() {
    let m = Continuity.measures(encounters: sequence(["A", "A", "B", "A", "C"]), window: wide, group: nil,
                                named: ["A", "Z"])
    #expect(close(m.namedContactShare, 0.6))
}

@Test(arguments: [0, 1])
func fewerThanTwoEncountersGiveNoRatios(count: Int) {
    let m = Continuity.measures(encounters: sequence(Array(repeating: "A", count: count)), window: wide,
                                group: nil, named: ["A"])
    #expect(m.encounters == count)
    #expect(m.providers == count)
    #expect(m.upc == nil && m.coc == nil && m.secon == nil && m.mmci == nil)
    #expect(m.knownProvider == nil && m.namedContactShare == nil)
    #expect(m.perProvider.count == count)
}

@Test func sameProviderEveryTime() {
    let m = Continuity.measures(encounters: sequence(["A", "A", "A", "A"]), window: wide, group: nil, named: [])
    #expect(close(m.upc, 1))
    #expect(close(m.coc, 1))
    #expect(close(m.secon, 1))
    #expect(close(m.mmci, 1))
    #expect(close(m.knownProvider, 0.75))
}

@Test func differentProviderEveryTime() {
    let m = Continuity.measures(encounters: sequence(["A", "B", "C", "D"]), window: wide, group: nil, named: [])
    #expect(close(m.coc, 0))
    #expect(close(m.secon, 0))
    #expect(close(m.upc, 0.25))
    // MMCI is not quite 0 when M = N: the 0.1 keeps it defined; here 0.1 / (N − 0.9).
    #expect(close(m.mmci, 0.1 / 3.1))
    #expect(close(m.knownProvider, 0))
}

@Test func inputOrderDoesNotMatterAcrossDays() {
    let ordered = sequence(["A", "A", "B", "A", "C"])
    let m = Continuity.measures(encounters: ordered.reversed(), window: wide, group: nil, named: [])
    #expect(close(m.secon, 0.25))
    #expect(close(m.knownProvider, 0.4))
}

@Test func sameDayKeepsInputOrder() {
    let d = day("2025-03-03")
    let encounters = [ContinuityEncounter(day: d.adding(days: 1), staffId: "A", group: .nurses),
                      ContinuityEncounter(day: d, staffId: "A", group: .nurses),
                      ContinuityEncounter(day: d, staffId: "B", group: .nurses)]
    // Chronological: A, B (same day, input order), then A → no same-provider pair.
    let m = Continuity.measures(encounters: encounters, window: wide, group: nil, named: [])
    #expect(close(m.secon, 0))
}

@Test func perProfessionSplit() {
    let doctors = sequence(["D1", "D1", "D2"], group: .doctors)
    let nurses = sequence(["N1", "N1", "N1", "N1"], group: .nurses, start: day("2025-01-07"))
    let physio = sequence(["P1"], group: .others, start: day("2025-01-08"))
    let report = Continuity.report(encounters: doctors + nurses + physio, window: wide, named: [])
    #expect(report.doctors.encounters == 3)
    #expect(close(report.doctors.coc, 2.0 / 6.0))
    #expect(report.nurses.encounters == 4)
    #expect(close(report.nurses.coc, 1))
    #expect(report.all.encounters == 8)
    #expect(report.all.providers == 4)
    // (4 + 1 + 16 + 1 − 8) / (8 · 7)
    #expect(close(report.all.coc, 14.0 / 56.0))
    #expect(report.window == wide)
}

@Test func windowExcludesOutsideEncounters() {
    let window = day("2025-01-01")...day("2025-06-30")
    let encounters = [
        ContinuityEncounter(day: day("2024-12-31"), staffId: "X", group: .doctors),
        ContinuityEncounter(day: day("2025-01-01"), staffId: "A", group: .doctors),
        ContinuityEncounter(day: day("2025-06-30"), staffId: "A", group: .doctors),
        ContinuityEncounter(day: day("2025-07-01"), staffId: "Y", group: .doctors),
    ]
    let m = Continuity.measures(encounters: encounters, window: window, group: nil, named: [])
    #expect(m.encounters == 2)
    #expect(m.providers == 1)
    #expect(close(m.coc, 1))
}

@Test func knownProviderCountsHistoryBeforeWindow() {
    let window = day("2025-01-01")...day("2025-12-31")
    let encounters = [
        ContinuityEncounter(day: day("2023-05-01"), staffId: "B", group: .doctors),
        ContinuityEncounter(day: day("2025-02-01"), staffId: "B", group: .doctors),
        ContinuityEncounter(day: day("2025-03-01"), staffId: "C", group: .doctors),
        ContinuityEncounter(day: day("2026-01-02"), staffId: "C", group: .doctors),
    ]
    let m = Continuity.measures(encounters: encounters, window: window, group: nil, named: [])
    #expect(m.encounters == 2)
    // B was met in 2023; C is new. The later C is after the window and does not count.
    #expect(close(m.knownProvider, 0.5))
}

@Test func windowIsTheLastMonthsInclusiveOfEnd() {
    let w = Continuity.window(endingOn: day("2025-06-30"))
    #expect(w.lowerBound == day("2023-12-31"))
    #expect(w.upperBound == day("2025-06-30"))
    #expect(Continuity.window(endingOn: day("2025-03-15"), months: 12) == day("2024-03-16")...day("2025-03-15"))
    #expect(Continuity.defaultWindowMonths == 18)
}

@Test func encountersPerMonthForSparkline() {
    let encounters = [
        ContinuityEncounter(day: day("2024-12-31"), staffId: "A", group: .doctors),
        ContinuityEncounter(day: day("2025-01-01"), staffId: "A", group: .doctors),
        ContinuityEncounter(day: day("2025-01-31"), staffId: "A", group: .doctors),
        ContinuityEncounter(day: day("2025-03-10"), staffId: "B", group: .nurses),
        ContinuityEncounter(day: day("2025-03-20"), staffId: "B", group: .nurses),
    ]
    #expect(Continuity.encountersPerMonth(encounters, endingOn: day("2025-03-15"), months: 3) == [2, 0, 1])
    #expect(Continuity.encountersPerMonth(encounters, endingOn: day("2025-03-31"), months: 4) == [1, 2, 0, 2])
    #expect(Continuity.encountersPerMonth(encounters, endingOn: day("2025-03-31"), months: 0) == [])
}

@Test func measuresRoundTripThroughJSON() throws {
    let m = Continuity.measures(encounters: sequence(["A", "B"]), window: wide, group: nil, named: [])
    let data = try JSONEncoder().encode(m)
    #expect(try JSONDecoder().decode(ContinuityMeasures.self, from: data) == m)
}
