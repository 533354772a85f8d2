import Foundation
import Testing
@testable import NaraDomain

/// The reform's lists: SÄBO residents without a named GP, Socialstyrelsen's multimorbid
/// elderly, and chronic disease without contact at the listing unit.
@Suite struct ReformWorkListRulesTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    let patient = PatientID(11)
    let vc: UnitID = "SE-vc1"
    let ward: UnitID = "SE-avd7"

    func facts(born: String = "1949-02-28", listedFrom: String = "2016-02-29") -> WorkListPatientFacts {
        WorkListPatientFacts(patientId: patient, birthDate: Self.day(born),
                             listing: Listing(patientId: patient, unitId: vc, from: Self.day(listedFrom)))
    }

    func run(_ kind: WorkListKind, _ f: WorkListPatientFacts, on today: String) -> WorkListEntry? {
        WorkListRules.evaluate(kind, facts: f, settings: .default, today: Self.day(today))
    }

    func stay(admitted: String, days: Int = 4) -> HospitalDischarge {
        HospitalDischarge(id: 1, patientId: patient, unitId: ward, admittedOn: Self.day(admitted),
                          dischargedOn: Self.day(admitted).adding(days: days))
    }

    @Test func icd10ChaptersAreRangesOfCategories() {
        #expect(ICD10Chapter.of("E11.9") == 4)
        #expect(ICD10Chapter.of("D48") == 2)
        #expect(ICD10Chapter.of("D50.0") == 3)
        #expect(ICD10Chapter.of("H59") == 7)
        #expect(ICD10Chapter.of("H60") == 8)
        #expect(ICD10Chapter.of("T98") == 19)
        #expect(ICD10Chapter.of("Ä1") == nil)
        #expect(ICD10Chapter.count(["E11.9", "E78.0", "I50.9", "J44.9"]) == 3)
    }

    @Test func saboResidentWithoutNamedGPHere() {
        var f = facts()
        #expect(run(.residentialCareWithoutNamedGP, f, on: "2025-02-28") == nil)
        f.residentialCare = true
        // 75 on 2024-02-28; 76 on 2025-02-28, not on the day before.
        #expect(run(.residentialCareWithoutNamedGP, f, on: "2025-02-27")?.reason
                == .residentialCareNoNamedGP(age: 75, listedSince: Self.day("2016-02-29")))
        #expect(run(.residentialCareWithoutNamedGP, f, on: "2025-02-28")?.sortKey == 76)
        f.careContacts = [CareContact(id: 3, patientId: patient, role: .namedPhysician, staffId: "per.holm", unitId: vc,
                                      reason: "listning", from: Self.day("2025-02-28"))]
        #expect(run(.residentialCareWithoutNamedGP, f, on: "2025-02-27") != nil)
        #expect(run(.residentialCareWithoutNamedGP, f, on: "2025-02-28") == nil)
    }

    /// Three stays admitted in the twelve months ending today, across a leap day: on
    /// 2025-02-28 the window opens on 2024-02-29, so the stay admitted 2024-02-28 has
    /// fallen out of it.
    @Test func multimorbidElderlyCountsStaysInTheWindowAndChapters() {
        var f = facts(born: "1949-02-28")
        f.diagnosisCodes = ["E11.9", "I50.9", "J44.9"]
        f.discharges = [stay(admitted: "2024-02-28"), stay(admitted: "2024-08-31"), stay(admitted: "2024-12-31")]
        // The ward's notice of the last stay is the same stay, not a fourth.
        f.dischargeNotices = [DischargeNotice(id: 5, patientId: patient, wardUnitId: ward, unitId: vc,
                                              admittedOn: Self.day("2024-12-31"), recordedBy: "karin.berg")]
        #expect(run(.multimorbidElderly, f, on: "2025-02-27")?.reason
                == .multimorbidElderly(age: 75, stays: 3, chapters: 3))
        #expect(run(.multimorbidElderly, f, on: "2025-02-28") == nil)
        // An open stay from a notice counts as well.
        f.dischargeNotices.append(DischargeNotice(id: 6, patientId: patient, wardUnitId: ward, unitId: vc,
                                                  admittedOn: Self.day("2025-02-28"), recordedBy: "karin.berg"))
        #expect(run(.multimorbidElderly, f, on: "2025-02-28")?.reason
                == .multimorbidElderly(age: 76, stays: 3, chapters: 3))
        // Two chapters are not enough; nor is 74 years.
        f.diagnosisCodes = ["E11.9", "E78.0", "I50.9"]
        #expect(run(.multimorbidElderly, f, on: "2025-02-28") == nil)
        var young = facts(born: "1950-03-01")
        young.diagnosisCodes = ["E11.9", "I50.9", "J44.9"]
        young.discharges = f.discharges
        young.dischargeNotices = f.dischargeNotices
        #expect(run(.multimorbidElderly, young, on: "2025-02-28") == nil)
    }

    @Test func chronicWithoutContactCountsOnlyTheListingUnit() {
        var f = facts()
        f.chronicProblemCount = 2
        f.encounterDays = [EncounterDay(Self.day("2024-12-31"), at: "SE-akuten")]
        #expect(run(.chronicWithoutEncounter, f, on: "2025-02-28")?.reason
                == .chronicWithoutEncounter(chronic: 2, lastEncounter: nil))
        // The last day of the twelve months (2024-02-29 on 2025-02-28) still counts.
        f.encounterDays.append(EncounterDay(Self.day("2024-02-29"), at: vc))
        #expect(run(.chronicWithoutEncounter, f, on: "2025-02-28") == nil)
        #expect(run(.chronicWithoutEncounter, f, on: "2025-03-01")?.reason
                == .chronicWithoutEncounter(chronic: 2, lastEncounter: Self.day("2024-02-29")))
    }

    /// Four encounters with four people make low continuity, but only two were at the
    /// listing unit: the list counts what the patient's screens count.
    @Test func lowContinuityCountsTheListingUnitAsTheScreensDo() {
        var f = facts()
        f.encountersForContinuity = [
            ContinuityEncounter(day: Self.day("2024-02-29"), staffId: "a", group: .nurses, unitId: vc),
            ContinuityEncounter(day: Self.day("2024-06-30"), staffId: "b", group: .nurses, unitId: vc),
            ContinuityEncounter(day: Self.day("2024-09-30"), staffId: "c", group: .nurses, unitId: "SE-akuten"),
            ContinuityEncounter(day: Self.day("2024-12-31"), staffId: "d", group: .nurses, unitId: "SE-akuten"),
        ]
        #expect(run(.frequentLowContinuity, f, on: "2025-02-28") == nil)
        #expect(ContinuityScope.allUnits.select(f.encountersForContinuity, listingUnit: vc).count == 4)
        // Listed nowhere: the figures fall back to all units, and say so.
        f.listing = nil
        #expect(ContinuityScope.listingUnit.effective(listingUnit: nil) == .allUnits)
        #expect(run(.frequentLowContinuity, f, on: "2025-02-28")?.reason == .lowContinuity(encounters: 4, coc: 0))
    }
}
