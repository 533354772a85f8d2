import GRDB
import NaraDomain

/// The SIP's people and services, written in the order given; names and texts are stored
/// text like any other, cleaned on the way in, and staff must be known.
enum PlanContentWriter {
    static func write(_ db: Database, plan: RecordID, _ content: PlanContent) throws -> PlanContent {
        if let staff = content.responsibleStaffId { _ = try Validate.staff(db, staff, mustBeActive: false) }
        var saved = content
        saved.people = []
        for person in content.people {
            let name = try Validate.text(person.name, field: .personName, max: 200, required: false)
            if let staff = person.staffId { _ = try Validate.staff(db, staff, mustBeActive: false) }
            if let unit = person.unitId { _ = try Validate.unit(db, unit) }
            guard !name.isEmpty || person.staffId != nil || person.role == .patient else { continue }
            try db.execute(sql: """
                INSERT INTO plan_person(plan_id, position, role, name, staff_id, unit_id) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [plan, saved.people.count, person.role.rawValue, name, person.staffId?.rawValue,
                                 person.unitId?.rawValue])
            saved.people.append(PlanPerson(role: person.role, name: name, staffId: person.staffId, unitId: person.unitId))
        }
        saved.services = []
        for service in content.services {
            let text = try Validate.text(service.text, field: .service, max: 500, required: false)
            guard !text.isEmpty else { continue }
            try db.execute(sql: "INSERT INTO plan_service(plan_id, position, principal, text) VALUES (?, ?, ?, ?)",
                           arguments: [plan, saved.services.count, service.principal.rawValue, text])
            saved.services.append(PlanService(principal: service.principal, text: text))
        }
        return saved
    }
}
