import Foundation
import Testing
@testable import NaraDomain

/// The yearly checks: a part counts when measured or done within the twelve months that
/// end today, wherever it was done.
@Suite struct YearlyCheckRulesTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    let patient = PatientID(5)

    func facts(_ codes: [String], done: [CheckItem: String] = [:]) -> WorkListPatientFacts {
        var f = WorkListPatientFacts(patientId: patient,
                                     listing: Listing(patientId: patient, unitId: "SE-vc1", from: Self.day("2010-01-01")))
        f.diagnosisCodes = codes
        f.checksDone = done.mapValues(Self.day)
        return f
    }

    func run(_ f: WorkListPatientFacts, on today: String) -> WorkListEntry? {
        WorkListRules.evaluate(.yearlyCheckDue, facts: f, settings: .default, today: Self.day(today))
    }

    /// On 2025-02-28 the year starts 2024-02-29: an eye screening on the leap day counts,
    /// one on 2024-02-28 does not.
    @Test func diabetesNeedsFourPartsWithinTheYear() {
        let all: [CheckItem: String] = [.hba1c: "2025-01-31", .bloodPressure: "2024-12-31",
                                        .eyeScreening: "2024-02-29", .footExamination: "2024-11-30"]
        #expect(run(facts(["E11.9"], done: all), on: "2025-02-28") == nil)
        let entry = run(facts(["E11.9"], done: all), on: "2025-03-01")
        #expect(entry?.reason == .yearlyCheckDue(missing: [ConditionChecks(condition: .diabetes, items: [.eyeScreening])]))
        #expect(entry?.summary == "Yearly check not done: diabetes (eye screening)")
        var early = all
        early[.eyeScreening] = "2024-02-28"
        #expect(run(facts(["E11.9"], done: early), on: "2025-02-28") != nil)
    }

    @Test func heartFailureAndCopdHaveTheirOwnParts() {
        let entry = run(facts(["I50.9", "J44.9", "I10"], done: [.bloodPressure: "2025-06-30", .bodyWeight: "2025-06-30",
                                                               .smoking: "2025-01-31"]), on: "2025-06-30")
        #expect(entry?.reason == .yearlyCheckDue(missing: [ConditionChecks(condition: .heartFailure, items: [.egfr]),
                                                            ConditionChecks(condition: .copd, items: [.spirometry])]))
        #expect(entry?.sortKey == 2)
        // Hypertension alone has no yearly check here; E16 is not diabetes.
        #expect(run(facts(["I10", "E16.2"]), on: "2025-06-30") == nil)
        #expect(CheckItem.examinations == [.eyeScreening, .footExamination, .spirometry])
    }
}
