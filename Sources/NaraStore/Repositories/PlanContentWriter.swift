import GRDB
import NaraDomain

/// The SIP's people and services, written in the order given: `content` as
/// `PlanRules.content` kept it.
enum PlanContentWriter {
    static func write(_ db: Database, plan: RecordID, _ saved: PlanContent) throws {
        for (position, person) in saved.people.enumerated() {
            try db.execute(sql: """
                INSERT INTO plan_person(plan_id, position, role, name, staff_id, unit_id) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [plan, position, person.role.rawValue, person.name, person.staffId?.rawValue,
                                 person.unitId?.rawValue])
        }
        for (position, service) in saved.services.enumerated() {
            try db.execute(sql: "INSERT INTO plan_service(plan_id, position, principal, text) VALUES (?, ?, ?, ?)",
                           arguments: [plan, position, service.principal.rawValue, service.text])
        }
    }
}
