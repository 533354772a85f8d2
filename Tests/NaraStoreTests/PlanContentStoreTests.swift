import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// A SIP's content is kept with the plan: consent's form, meeting, people by name and
/// unit, services per principal, the responsible person; saving again replaces it.
@Suite struct PlanContentStoreTests {
    @Test func theContentIsSavedReadAndReplaced() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        var plan = CoordinatedPlan(id: 0, patientId: p.id, responsibleUnitId: StoreFixture.vc,
                                   participants: [PlanParticipant(unitId: StoreFixture.homeCare, role: "Hemsjukvård")],
                                   goal: "Bo kvar hemma", agreedOn: LocalDate(iso: "2024-02-29")!,
                                   followUpOn: LocalDate(iso: "2024-05-31")!, consentOn: LocalDate(iso: "2024-02-28")!)
        plan.content = PlanContent(consentForm: .written, meetingOn: LocalDate(iso: "2024-02-29")!, people: [
            PlanPerson(role: .patient, name: ""), PlanPerson(role: .nextOfKin, name: "Eva Öberg (dotter)"),
            PlanPerson(role: .staff, name: "Lena Ek", staffId: "lena.ek", unitId: StoreFixture.homeCare),
        ], services: [PlanService(principal: .municipality, text: "Hemsjukvård: insulin morgon och kväll"),
                      PlanService(principal: .region, text: "Läkemedelsgenomgång")],
            responsibleStaffId: "karin.berg")
        let saved = try f.store.savePlan(plan, as: f.nurse)
        let read = try #require(try f.store.openRecord(p.id, as: f.nurse).plans.first)
        #expect(read.content == plan.content)
        #expect(read == saved)
        #expect(read.content.patientTakesPart && read.content.nextOfKin.map(\.name) == ["Eva Öberg (dotter)"])
        var changed = read
        changed.content.people = [PlanPerson(role: .nextOfKin, name: "  ")]
        changed.content.services = []
        let again = try f.store.savePlan(changed, as: f.nurse)
        // An empty name says nothing and is not kept; the patient no longer takes part.
        #expect(again.content.people.isEmpty)
        #expect(try f.store.openRecord(p.id, as: f.nurse).plans.first?.content.services.isEmpty == true)
        var unknown = again
        unknown.content.responsibleStaffId = "nobody"
        #expect(throws: StoreError.self) { _ = try f.store.savePlan(unknown, as: f.nurse) }
    }
}
