import Foundation
import GRDB
import NaraDomain

/// The rules of saving a coordinated plan (SIP), with one owner for every store: what
/// is refused and in which words, in which order, how the text is cleaned, what is
/// kept, and what the log row says. A store reads the facts its own way and asks these
/// in the order they are written here.
package enum PlanRules {
    /// The goal, cleaned; refused, before anything is read, with a follow-up before the
    /// day the plan was agreed.
    package static func goal(_ plan: CoordinatedPlan) throws -> String {
        let goal = try Validate.text(plan.goal, field: .goal, max: 2000, multiline: true)
        if let followUp = plan.followUpOn, followUp < plan.agreedOn { throw StoreError.refused(.followUpBeforeAgreed) }
        return goal
    }

    package static func detail(_ plan: CoordinatedPlan) -> String {
        plan.id == 0 ? "new coordinated plan" : "coordinated plan \(plan.id)"
    }

    /// A change names its plan by id and its patient: the plan must be that patient's,
    /// or the door would have checked and logged one patient and changed another's
    /// plan. Refused as not found, so that the refusal says nothing of the other plan.
    package static func checkPatient(_ plan: CoordinatedPlan, stored: Int64?) throws {
        guard plan.id != 0 else { return }
        guard stored == plan.patientId.rawValue else { throw StoreError.notFound("coordinated plan \(plan.id)") }
    }

    /// Every unit of the plan exists (`unit` reads one); only a unit already in the plan
    /// (or, for a new one, in it) changes it. `stored` is the units of the plan as
    /// saved, read only for a plan that has an id.
    package static func checkParticipant(_ plan: CoordinatedPlan, unit: (UnitID) throws -> CareUnit,
                                         stored: () throws -> Set<UnitID>, context: AccessContext) throws {
        for id in plan.unitIds { _ = try unit(id) }
        let takingPart = plan.id == 0 ? plan.unitIds : try stored()
        guard takingPart.contains(context.unitId) else { throw StoreError.refused(.planChangedByParticipantsOnly) }
    }

    /// The units of the stored plan among `rows` (parts `plan` and `plan_participant`).
    package static func storedUnits(_ rows: [String: [Row]]) -> Set<UnitID> {
        Set(PlanRows.assemble(rows).first?.unitIds ?? [])
    }

    /// The participants kept: each unit once, the first time it is named, with its role
    /// as stored (`storedRole`), so that the plan a save returns is the plan read back.
    package static func participants(_ plan: CoordinatedPlan) -> [PlanParticipant] {
        var seen = Set<UnitID>()
        return plan.participants.filter { seen.insert($0.unitId).inserted }.map {
            PlanParticipant(unitId: $0.unitId, role: storedRole($0))
        }
    }

    package static func storedRole(_ participant: PlanParticipant) -> String { CleanText.line(participant.role) }

    /// The SIP's people and services as kept, in the order given: names and texts
    /// cleaned, an empty person or service left out, and every person named known
    /// (`staff` and `unit` read one; refused in the order met: the responsible person,
    /// then each person's name, person and unit, then each service's text).
    package static func content(_ content: PlanContent, staff: (StaffID) throws -> Staff,
                                unit: (UnitID) throws -> CareUnit) throws -> PlanContent {
        if let id = content.responsibleStaffId { _ = try staff(id) }
        var saved = content
        saved.people = []
        for person in content.people {
            let name = try Validate.text(person.name, field: .personName, max: 200, required: false)
            if let id = person.staffId { _ = try staff(id) }
            if let id = person.unitId { _ = try unit(id) }
            guard !name.isEmpty || person.staffId != nil || person.role == .patient else { continue }
            saved.people.append(PlanPerson(role: person.role, name: name, staffId: person.staffId, unitId: person.unitId))
        }
        saved.services = []
        for service in content.services {
            let text = try Validate.text(service.text, field: .service, max: 500, required: false)
            guard !text.isEmpty else { continue }
            saved.services.append(PlanService(principal: service.principal, text: text))
        }
        return saved
    }

    /// Every staff id and unit id the plan names, for a store that reads them at once.
    package static func named(_ plan: CoordinatedPlan) -> (staff: [StaffID], units: [UnitID]) {
        let staff = [plan.content.responsibleStaffId].compactMap { $0 } + plan.content.people.compactMap(\.staffId)
        let units = Array(plan.unitIds) + plan.content.people.compactMap(\.unitId)
        return (staff, units)
    }
}
