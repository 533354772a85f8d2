import Foundation
import Testing
@testable import NaraDomain

@Suite struct ContinuitySummaryTests {
    func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    @Test func quartilesInterpolateBetweenRanksAsSpreadsheetsDo() throws {
        // Excel: PERCENTILE.INC({0.1, 0.2, 0.4, 1}, 0.25) = 0.175, median 0.3, 0.75 → 0.55.
        let d = try #require(ContinuityDistribution([1, 0.1, 0.4, 0.2]))
        #expect(close(d.mean, 0.425))
        #expect(close(d.lowerQuartile, 0.175))
        #expect(close(d.median, 0.3))
        #expect(close(d.upperQuartile, 0.55))
        let one = try #require(ContinuityDistribution([0.3]))
        #expect(one.lowerQuartile == 0.3 && one.median == 0.3 && one.upperQuartile == 0.3)
        #expect(ContinuityDistribution([]) == nil)
    }

    @Test func patientsBelowTheMinimumCountAsTooFewNotAsZero() throws {
        let window = LocalDate(iso: "2025-01-01")!...LocalDate(iso: "2025-12-31")!
        func visits(_ providers: String, group: ProfessionGroup = .doctors) -> [ContinuityEncounter] {
            providers.enumerated().map { i, p in
                ContinuityEncounter(day: window.lowerBound.adding(days: i), staffId: StaffID(String(p)), group: group)
            }
        }
        var tally = ContinuityTallyByProfession(minimumEncounters: 3)
        tally.add(visits("AABAC"), window: window)                  // COC 0.30, UPC 0.6
        tally.add(visits("AB"), window: window)                     // too few
        tally.add(visits("NNN", group: .nurses), window: window)    // nurses: COC 1
        let s = tally.summary(patients: 5)
        #expect(s.all.measuredPatients == 2 && s.all.tooFewEncounters == 3)
        #expect(close(s.all.coc?.mean, 0.65))
        #expect(s.doctors.measuredPatients == 1 && close(s.doctors.coc?.mean, 0.3) && close(s.doctors.upc?.mean, 0.6))
        #expect(s.nurses.measuredPatients == 1 && close(s.nurses.coc?.mean, 1))
        #expect(s.nurses.tooFewEncounters == 4)
    }

    @Test func theMinimumIsNeverBelowTwo() {
        #expect(ContinuityTally(minimumEncounters: 1).minimumEncounters == 2)
        var tally = ContinuityTally(minimumEncounters: 0)
        tally.add(ContinuityMeasures(encounters: 1, providers: 1, upc: nil, coc: nil, secon: nil, mmci: nil,
                                     knownProvider: nil, namedContactShare: nil, perProvider: []))
        #expect(tally.summary(patients: 1).tooFewEncounters == 1)
    }
}
