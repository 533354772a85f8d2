import Foundation
import NaraDomain
import Testing
@testable import NaraFHIR

/// A transaction Bundle written as another system would write it: OIDs and URLs for the
/// identifier systems, `urn:uuid:` references, SNOMED roles, no extension of ours.
@Suite struct ForeignBundleTests {
    @Test func readsEveryKindOfResource() throws {
        let batch = try Fixture.read("clinic-transaction.json")
        #expect(batch.units.count == 4)
        #expect(batch.staff.count == 4)
        #expect(batch.patients.count == 4)
        #expect(batch.encounters.count == 6)
        #expect(batch.discharges.count == 1)
        #expect(batch.problems.count == 2)
        #expect(batch.contacts.count == 2)
        #expect(batch.referrals.count == 8)
        #expect(batch.plans.count == 1)
        #expect(batch.skipped == ["Observation (code not followed)": 1, "AllergyIntolerance": 1, "Condition (resolved)": 1,
                                  "Encounter (cancelled)": 1])
    }

    @Test func identifiersOfEachKind() throws {
        let batch = try Fixture.read("clinic-transaction.json")
        let kinds = batch.patients.map(\.value.patient.identifier.kind)
        #expect(kinds == [.personnummer, .samordningsnummer, .nationalReserve, .personnummer])
        let göran = batch.patients[0].value
        #expect(göran.patient.identifier.value == "194203142387")
        #expect(göran.patient.givenName == "Göran Erik")
        #expect(göran.patient.address?.city == "Örebro")
        #expect(göran.localIdentifiers == [ExchangeIdentifier(system: "http://tallbacken.example/mrn", value: "MRN-4711")])
        #expect(göran.listings.map(\.unitId) == ["SE2321000222-vc17"])
        #expect(batch.patients[2].value.patient.birthDate == LocalDate(year: 2024, month: 3, day: 1))
    }

    @Test func protectedIdentityFromSecurityLabel() throws {
        let batch = try Fixture.read("clinic-transaction.json")
        #expect(batch.patients.map(\.value.patient.protectedIdentity) == [false, false, false, true])
    }

    @Test func directoryFromRolesAndHSA() throws {
        let batch = try Fixture.read("clinic-transaction.json")
        let sara = try #require(batch.staff.first { $0.value.id == "pr-sara" }).value
        #expect(sara.profession == .districtNurse)
        #expect(sara.hsaId == "SE2321000222-p101")
        #expect(sara.unitId == "SE2321000222-vc17")
        let kinds = Dictionary(uniqueKeysWithValues: batch.units.map { ($0.value.id.rawValue, $0.value.kind) })
        #expect(kinds["SE2321000222-vc17"] == .primaryCare)
        #expect(kinds["SE2321000222-kard"] == .specialist)
        #expect(kinds["SE2120000999-hsv1"] == .homeCare)
        #expect(kinds["SE2321000222-avd3"] == .hospital)
        #expect(batch.units.first { $0.value.id == "SE2120000999-hsv1" }?.value.principal == .municipality)
    }

    @Test func encountersModesAndPractitioners() throws {
        let batch = try Fixture.read("clinic-transaction.json")
        let göran = batch.encounters.filter { $0.patient == .batch(0) }.map(\.value)
        #expect(göran.map(\.staffId.rawValue) == ["pr-anders", "pr-anders", "pr-sara", "pr-anders", "pr-ylva"])
        #expect(göran.map(\.mode) == [.visit, .video, .phone, .visit, .homeVisit])
        // Two practitioners: the primary performer is the one the encounter counts for.
        let amira = try #require(batch.encounters.first { $0.patient == .batch(1) }).value
        #expect(amira.staffId == "pr-ylva")
        #expect(amira.planned == false)
        #expect(batch.encounters[0].identifier == ExchangeIdentifier(system: "http://tallbacken.example/encounter", value: "E-1000"))
        let stay = try #require(batch.discharges.first).value
        #expect(stay.admittedOn.iso == "2026-11-10" && stay.dischargedOn.iso == "2026-11-16")
    }

    @Test func continuityOfTheImportedEncounters() throws {
        let batch = try Fixture.read("clinic-transaction.json")
        let staff = Dictionary(uniqueKeysWithValues: batch.staff.map { ($0.value.id, $0.value) })
        let encounters = batch.encounters.filter { $0.patient == .batch(0) }.map {
            ContinuityEncounter(day: LocalDate(date: $0.value.at, in: .stockholm), staffId: $0.value.staffId,
                                group: staff[$0.value.staffId]!.profession.continuityGroup)
        }
        let m = Continuity.measures(encounters: encounters, window: Continuity.window(endingOn: Fixture.today),
                                    group: nil, named: [])
        // A A B A C: the worked example of DOMAIN.md.
        #expect(m.upc == 0.6)
        #expect(abs((m.coc ?? -1) - 0.30) < 1e-9)
        #expect(m.secon == 0.25)
    }

    @Test func referralsFollowTheirTasks() throws {
        let batch = try Fixture.read("clinic-transaction.json")
        #expect(batch.referrals.map(\.value.state) == [.draft, .sent, .received, .accepted, .rejected, .booked,
                                                        .answered, .cancelled])
        #expect(batch.referrals.map(\.value.priority) == [.routine, .priority, .urgent, .urgent, .routine, .priority,
                                                           .urgent, .urgent])
        let answered = batch.referrals[6].value
        #expect(answered.reply?.hasPrefix("Ekokardiografi") == true)
        #expect(answered.createdBy == "pr-anders" && answered.fromUnitId == "SE2321000222-vc17")
        #expect(answered.toUnitId == "SE2321000222-kard")
        #expect(batch.referrals[0].value.sentOn == nil)
        #expect(batch.referrals[1].value.sentOn?.iso == "2026-04-10")
    }

    @Test func contactsProblemsAndPlan() throws {
        let batch = try Fixture.read("clinic-transaction.json")
        #expect(batch.contacts.map(\.value.role) == [.careContact, .namedPhysician])
        #expect(batch.contacts[1].value.reason == "Fast läkarkontakt")
        #expect(batch.contacts[1].value.from.iso == "2024-08-15")
        #expect(batch.problems.map(\.value.code) == ["I50.9", "E11.9"])
        #expect(batch.problems.allSatisfy { $0.value.chronic })
        let plan = try #require(batch.plans.first).value
        #expect(plan.participants == [PlanParticipant(unitId: "SE2120000999-hsv1", role: "Kommunal hemsjukvård")])
        #expect(plan.followUpOn?.iso == "2026-12-01" && plan.closedOn == nil)
    }

    @Test func ndjsonRefersToPatientsByResourceId() throws {
        let batch = try Fixture.read("encounters.ndjson")
        #expect(batch.encounters.count == 2)
        #expect(batch.encounters.allSatisfy { $0.patient == .resource("pat-a") })
        #expect(batch.encounters[0].value.unitId == "SE2321000222-vc17")
        #expect(batch.encounters[1].origin.description == "line 2 (Encounter/nd-1)")
    }
}
