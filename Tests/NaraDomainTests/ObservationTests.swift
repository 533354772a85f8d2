import Foundation
import Testing
@testable import NaraDomain

/// Measurements: codes both ways, the latest of each kind, a trend's series, and what an
/// import would change of a patient.
@Suite struct ObservationTests {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func o(_ kind: ObservationKind, _ value: Double?, hours: Double, id: RecordID = 1) -> Observation {
        Observation(id: id, patientId: PatientID(1), kind: kind, value: value, at: t0.addingTimeInterval(hours * 3600),
                    unitId: "vc")
    }

    @Test func everyKindReadsBackFromItsOwnLoinc() {
        for kind in ObservationKind.allCases { #expect(ObservationKind.of(loinc: kind.loinc) == kind) }
        for status in SmokingStatus.allCases { #expect(SmokingStatus.of(snomed: status.snomed) == status) }
        // HbA1c in percent (DCCT) is another measurement, not mmol/mol.
        #expect(ObservationKind.of(loinc: "4548-4") == nil)
    }

    @Test func latestOfEachKindAndTheSeriesOldestFirst() {
        let all = [Self.o(.hba1c, 60, hours: 0, id: 1), Self.o(.hba1c, 52, hours: 48, id: 2),
                   Self.o(.bodyWeight, 82.5, hours: 24, id: 3), Self.o(.hba1c, 55, hours: 24, id: 4)]
        #expect(all.latestByKind().map(\.id) == [2, 3])
        #expect(all.series(.hba1c).map(\.value) == [60, 55, 52])
        #expect(Self.o(.bodyWeight, 82.5, hours: 0).valueText == "82,5")
        var bp = Self.o(.bloodPressure, 142, hours: 0)
        bp.value2 = 88
        #expect(bp.valueText == "142/88")
    }

    @Test func anImportsChangesAreNamedFieldByField() throws {
        let ident = try PersonIdentifier.parse("19121212-1212", today: LocalDate(year: 2026, month: 1, day: 1)!)
        let old = Patient(id: PatientID(1), identifier: ident, givenName: "Anna", familyName: "Ek", sex: .female,
                          birthDate: nil, phone: "019-1")
        var new = old
        new.phone = "019-2"
        new.deceasedOn = LocalDate(year: 2026, month: 3, day: 1)
        new.deceased = true
        let fields = PatientChange.fields(from: old, oldLabel: nil, to: new, newLabel: nil)
        #expect(fields == [PatientChange.Field(name: "phone", old: "019-1", new: "019-2"),
                           PatientChange.Field(name: "deceased", old: "alive", new: "deceased 2026-03-01")])
        #expect(PatientChange.fields(from: old, oldLabel: nil, to: old, newLabel: nil).isEmpty)
    }
}
