import Foundation
import NaraDomain
import Testing
@testable import NaraFHIR

/// Observations coded as HL7 Sweden's profiles code them, and a patient's death in both
/// of FHIR's forms.
@Suite struct ObservationAndDeathTests {
    static let patient = #"{"resourceType":"Patient","id":"p1","identifier":[{"system":"http://electronichealth.se/identifier/personnummer","value":"191212121212"}],"name":[{"family":"Tolvansson","given":["Tolvan"]}]"#
    static let unit = #"{"resourceType":"Organization","id":"vc","identifier":[{"system":"urn:oid:1.2.752.29.4.19","value":"SE2321000164-vc01"}],"name":"Vårdcentralen Ekbacken"}"#

    static func read(_ lines: [String]) throws -> ExchangeBatch { try Fixture.read(text: lines.joined(separator: "\n")) }

    static func observation(_ body: String) -> String {
        #"{"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-09-14T09:30:00+02:00","performer":[{"reference":"Organization/vc"}],"# + body + "}"
    }

    @Test func deathIsReadFromADateTimeOrABoolean() throws {
        let dated = try Self.read([Self.patient + #","deceasedDateTime":"2026-03-01T14:00:00+01:00"}"#])
        #expect(dated.patients[0].value.patient.deceased)
        #expect(dated.patients[0].value.patient.deceasedOn == LocalDate(year: 2026, month: 3, day: 1))
        let flagged = try Self.read([Self.patient + #","deceasedBoolean":true}"#])
        #expect(flagged.patients[0].value.patient.deceased)
        #expect(flagged.patients[0].value.patient.deceasedOn == nil)
        let alive = try Self.read([Self.patient + #","deceasedBoolean":false}"#])
        #expect(!alive.patients[0].value.patient.deceased)
        #expect(throws: FHIRError.self) { try Self.read([Self.patient + #","deceasedBoolean":"yes"}"#]) }
    }

    @Test func deathAndLastUpdatedAreWrittenAndReadBack() throws {
        var batch = try Self.read([Self.patient + #","meta":{"lastUpdated":"2026-03-02T08:00:00Z"},"deceasedBoolean":true}"#])
        #expect(batch.patients[0].value.lastUpdated == Date(timeIntervalSince1970: 1_772_438_400))
        var text = FHIRWriter(batch).bundle().serialized()
        #expect(text.contains(#""deceasedBoolean":true"#))
        #expect(text.contains(#""lastUpdated":"2026-03-02T09:00:00+01:00""#))
        batch.patients[0].value.patient.deceasedOn = LocalDate(year: 2026, month: 3, day: 1)
        text = FHIRWriter(batch).bundle().serialized()
        #expect(text.contains(#""deceasedDateTime":"2026-03-01""#))
        #expect(!text.contains("deceasedBoolean"))
        #expect(try Fixture.read(text: text).patients[0].value.patient.deceasedOn == LocalDate(year: 2026, month: 3, day: 1))
    }

    @Test func measurementsAreReadByLoincWithUcumUnits() throws {
        let b = try Self.read([Self.unit, Self.patient + "}",
            Self.observation(#""code":{"coding":[{"system":"http://loinc.org","code":"59261-8"}]},"valueQuantity":{"value":52,"unit":"mmol/mol","system":"http://unitsofmeasure.org","code":"mmol/mol"}"#),
            Self.observation(#""code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},"component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":142,"code":"mm[Hg]"}},{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":88,"code":"mm[Hg]"}}]"#).replacingOccurrences(of: #""id":"o1""#, with: #""id":"o2""#),
            Self.observation(#""code":{"coding":[{"system":"http://loinc.org","code":"72166-2"}]},"valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"266919005"}]}"#).replacingOccurrences(of: #""id":"o1""#, with: #""id":"o3""#),
            Self.observation(#""code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"valueQuantity":{"value":70,"code":"/min"}"#).replacingOccurrences(of: #""id":"o1""#, with: #""id":"o4""#),
        ])
        #expect(b.observations.map(\.value.kind) == [.hba1c, .bloodPressure, .smoking])
        #expect(b.observations[0].value.value == 52)
        #expect(b.observations[0].value.unitId == "SE2321000164-vc01")
        #expect(b.observations[1].value.value == 142 && b.observations[1].value.value2 == 88)
        #expect(b.observations[2].value.smoking == .never)
        #expect(b.skipped == ["Observation (code not followed)": 1])
    }

    @Test func aValueInAnotherUnitIsRefusedNotConverted() throws {
        #expect {
            try Self.read([Self.unit, Self.patient + "}",
                           Self.observation(#""code":{"coding":[{"system":"http://loinc.org","code":"59261-8"}]},"valueQuantity":{"value":6.9,"code":"%"}"#)])
        } throws: { error in
            "\(error)".contains("valueQuantity.code") && "\(error)".contains("mmol/mol")
        }
    }

    @Test func measurementsAreWrittenWithCategoryLoincAndUcum() throws {
        let text = FHIRWriter(try RoundTripTests.batch()).bundle().serialized()
        #expect(text.contains(#""code":{"coding":[{"code":"59261-8","system":"http://loinc.org"}]}"#))
        #expect(text.contains(#""code":"vital-signs""#) && text.contains(#""code":"laboratory""#))
        #expect(text.contains(#""code":"mm[Hg]","system":"http://unitsofmeasure.org","unit":"mmHg","value":142"#))
        #expect(text.contains(#""code":"8517006","display":"Ex-smoker","system":"http://snomed.info/sct""#))
    }
}

/// A ward's Encounter for a stay going on, with `hospitalization`: an admission notice.
@Suite struct AdmissionEncounterTests {
    static let ward = #"{"resourceType":"Organization","id":"avd","identifier":[{"system":"urn:oid:1.2.752.29.4.19","value":"SE2321000164-avd7"}],"name":"Medicinavdelning 7"}"#

    static func stay(_ extra: String) -> String {
        #"{"resourceType":"Encounter","id":"s1","status":"in-progress","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},"subject":{"reference":"Patient/p1"},"period":{"start":"2026-02-28T23:30:00+01:00"},"serviceProvider":{"reference":"Organization/avd"}"# + extra + "}"
    }

    @Test func aStayGoingOnWithHospitalizationIsAnAdmissionNotice() throws {
        let b = try ObservationAndDeathTests.read([Self.ward, ObservationAndDeathTests.patient + "}",
                                                   Self.stay(#","hospitalization":{"admitSource":{"text":"akut"}}"#)])
        let notice = try #require(b.dischargeNotices.first).value
        // Half past eleven in the evening on the last day of February is that day in Sweden.
        #expect(notice.admittedOn == LocalDate(year: 2026, month: 2, day: 28))
        #expect(notice.wardUnitId == "SE2321000164-avd7" && notice.isOpen)
        #expect(b.discharges.isEmpty)
        let without = try ObservationAndDeathTests.read([Self.ward, ObservationAndDeathTests.patient + "}", Self.stay("")])
        #expect(without.dischargeNotices.isEmpty)
        #expect(without.skipped == ["Encounter (still admitted)": 1])
    }
}
