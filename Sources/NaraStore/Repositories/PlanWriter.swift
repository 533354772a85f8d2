import GRDB
import NaraDomain

extension SQLiteStore {
    public func savePlan(_ plan: CoordinatedPlan, as context: AccessContext) throws -> CoordinatedPlan {
        let goal = try PlanRules.goal(plan)
        let now = seconds(clock.now)
        // Units in a plan get a relationship through it: only a unit already in the plan
        // (or making it) changes who takes part, and never on emergency access alone.
        return try writeThroughDoor(context, patient: plan.patientId, category: .coordination, grantsRelationship: true,
                                    detail: PlanRules.detail(plan)) { db, _ in
            try PlanRules.checkPatient(plan, stored: try Int64.fetchOne(
                db, sql: "SELECT patient_id FROM coordinated_plan WHERE id = ?", arguments: [plan.id]))
            try PlanRules.checkParticipant(plan, unit: { try Validate.unit(db, $0) }, stored: {
                Set(try PlanRows.load(db, where: "id = ?", arguments: [plan.id]).first?.unitIds ?? [])
            }, context: context)
            if plan.id != 0 { try Validate.version(db, table: "coordinated_plan", id: plan.id, expected: plan.version) }
            // The people named are known before any row names them.
            let content = try PlanRules.content(plan.content, staff: { try Validate.staff(db, $0, mustBeActive: false) },
                                                unit: { try Validate.unit(db, $0) })
            var saved = plan
            saved.goal = goal
            if plan.id == 0 {
                try db.execute(sql: """
                    INSERT INTO coordinated_plan(patient_id, responsible_unit_id, goal, agreed_on, follow_up_on,
                                                 closed_on, version, updated_at, updated_by, consent_on, consent_form,
                                                 meeting_on, responsible_staff_id)
                    VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
                    """, arguments: [plan.patientId.rawValue, plan.responsibleUnitId.rawValue, goal, plan.agreedOn.iso,
                                     plan.followUpOn?.iso, plan.closedOn?.iso, now, context.staffId.rawValue,
                                     plan.consentOn?.iso, plan.content.consentForm?.rawValue, plan.content.meetingOn?.iso,
                                     plan.content.responsibleStaffId?.rawValue])
                saved.id = db.lastInsertedRowID
                saved.version = 1
            } else {
                try db.execute(sql: """
                    UPDATE coordinated_plan SET responsible_unit_id = ?, goal = ?, agreed_on = ?, follow_up_on = ?,
                           closed_on = ?, version = version + 1, updated_at = ?, updated_by = ?, consent_on = ?,
                           consent_form = ?, meeting_on = ?, responsible_staff_id = ?
                    WHERE id = ? AND patient_id = ?
                    """, arguments: [plan.responsibleUnitId.rawValue, goal, plan.agreedOn.iso, plan.followUpOn?.iso,
                                     plan.closedOn?.iso, now, context.staffId.rawValue, plan.consentOn?.iso,
                                     plan.content.consentForm?.rawValue, plan.content.meetingOn?.iso,
                                     plan.content.responsibleStaffId?.rawValue, plan.id, plan.patientId.rawValue])
                for table in ["plan_participant", "plan_person", "plan_service"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE plan_id = ?", arguments: [plan.id])
                }
                saved.version = plan.version + 1
            }
            saved.participants = PlanRules.participants(plan)
            for p in saved.participants {
                try db.execute(sql: "INSERT INTO plan_participant(plan_id, unit_id, role) VALUES (?, ?, ?)",
                               arguments: [saved.id, p.unitId.rawValue, PlanRules.storedRole(p)])
            }
            try PlanContentWriter.write(db, plan: saved.id, content)
            saved.content = content
            return saved
        }
    }
}
