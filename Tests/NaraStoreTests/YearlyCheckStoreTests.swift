import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// The yearly-check list from what the store holds: observations and examinations done.
@Suite struct YearlyCheckStoreTests {
    @Test func measurementsAndExaminationsTakeAPatientOffTheList() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.addProblem(p.id, code: "E11.9", text: "Diabetes typ 2", chronic: true, since: nil, as: f.nurse)
        func missing() throws -> WorkListReason? {
            try f.store.workList(.yearlyCheckDue, unit: StoreFixture.vc, settings: .default, today: f.today, limit: 10,
                                 as: f.nurse).first?.entry.reason
        }
        #expect(try missing() == .yearlyCheckDue(missing: [ConditionChecks(
            condition: .diabetes, items: [.hba1c, .bloodPressure, .eyeScreening, .footExamination])]))
        #expect(try f.log(p.id).first?.detail.hasPrefix("work list yearly-check-due") == true)
        _ = try f.store.recordObservation(Observation(id: 0, patientId: p.id, kind: .hba1c, value: 52,
                                                      at: f.at(2026, 10, 1), unitId: StoreFixture.vc), as: f.nurse)
        _ = try f.store.recordObservation(Observation(id: 0, patientId: p.id, kind: .bloodPressure, value: 138, value2: 84,
                                                      at: f.at(2026, 10, 1), unitId: StoreFixture.vc), as: f.nurse)
        _ = try f.store.recordCheckDone(p.id, item: .footExamination, on: LocalDate(year: 2026, month: 10, day: 1)!,
                                        as: f.nurse)
        // An eye screening more than a year ago does not count.
        _ = try f.store.recordCheckDone(p.id, item: .eyeScreening, on: LocalDate(year: 2025, month: 11, day: 23)!,
                                        as: f.nurse)
        #expect(try missing() == .yearlyCheckDue(missing: [ConditionChecks(condition: .diabetes, items: [.eyeScreening])]))
        _ = try f.store.recordCheckDone(p.id, item: .eyeScreening, on: LocalDate(year: 2025, month: 11, day: 24)!,
                                        as: f.nurse)
        #expect(try missing() == nil)
        #expect(throws: StoreError.self) {
            _ = try f.store.recordCheckDone(p.id, item: .hba1c, on: f.today, as: f.nurse)
        }
    }
}
