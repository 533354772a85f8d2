import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// Coordinated plans (SIP) on PostgreSQL, through the door (`PostgresDoor.swift`), with
/// the rules, refusals and log rows of the SQLite store (`PlanRules`), and the rows it
/// writes: the plan, its participants in the order given (`position`), people and services.
///
/// Statements, each a round trip (`client.statementsSent`): a plan saved, new or
/// changed, is five (BEGIN, the patient's lock, the facts with the units and staff the
/// plan names and the plan as stored, the plan with all its rows and its log row,
/// COMMIT); refused on what was read four; refused on the request alone none.
///
/// Many writers: the door's lock on the patient makes writers to one patient follow one
/// another, and a change updates the plan only at the version the caller read: an
/// update that finds nothing replaces no participant, person or service and refuses
/// with `.conflict`, rolling back, log row and all.
extension PostgresStore {
    public func savePlan(_ plan: CoordinatedPlan, as context: AccessContext) throws -> CoordinatedPlan {
        let goal = try PlanRules.goal(plan)
        let today = clock.today, now = clock.now
        // Units in a plan get a relationship through it: only a unit already in the plan
        // (or making it) changes who takes part, and never on emergency access alone.
        return try writeThroughDoor(context, patient: plan.patientId, parts: Self.planParts(plan), decide: {
            try Self.writeGrant($0, category: .coordination, grantsRelationship: true, today: today, now: now)
        }) { read, grant in
            let units = Dictionary((read.rows["plan_unit"] ?? []).map { (UnitID(rawValue: $0["id"]), $0) },
                                   uniquingKeysWith: { a, _ in a })
            let staff = Dictionary((read.rows["plan_staff"] ?? []).map { (StaffID(rawValue: $0["id"]), $0) },
                                   uniquingKeysWith: { a, _ in a })
            let unit = { (id: UnitID) in try Validate.unit(units[id], id) }
            try PlanRules.checkPatient(plan, stored: read.first("plan")?["patient_id"])
            try PlanRules.checkParticipant(plan, unit: unit, stored: { PlanRules.storedUnits(read.rows) },
                                           context: context)
            if plan.id != 0 {
                try Validate.version(read.first("plan"), table: "coordinated_plan", id: plan.id, expected: plan.version)
            }
            let content = try PlanRules.content(plan.content, staff: {
                try Validate.staff(staff[$0], $0, mustBeActive: false)
            }, unit: unit)
            var saved = plan
            saved.goal = goal
            saved.participants = PlanRules.participants(plan)
            saved.content = content
            var b = PostgresWorkBinds()
            let (work, more) = try Self.planStatements(saved, context: context, at: seconds(now), &b)
            return DoorWork(query: b.query(work), logged: SQLiteStore.logged(PlanRules.detail(plan), grant), more: more) {
                rows in
                guard let row = rows.first else {
                    throw read.first("plan").map(Validate.conflict) ?? StoreError.notFound("coordinated plan \(plan.id)")
                }
                saved.id = row["id"]
                saved.version = row["version"]
                return saved
            }
        }
    }

    /// The plan's insert or its conditional update (`work`), and the statements that
    /// write its participants, people and services: for a change, after deleting the
    /// ones before, each insert waiting for its delete, whose rows share its key.
    static func planStatements(_ plan: CoordinatedPlan, context: AccessContext, at: Int64,
                               _ b: inout PostgresWorkBinds) throws -> (String, [String]) {
        let c = plan.content
        let values = [b.text(plan.responsibleUnitId.rawValue), b.text(plan.goal), b.text(plan.agreedOn.iso),
                      b.text(plan.followUpOn?.iso), b.text(plan.closedOn?.iso), b.int(at), b.text(context.staffId.rawValue),
                      b.text(plan.consentOn?.iso), b.text(c.consentForm?.rawValue), b.text(c.meetingOn?.iso),
                      b.text(c.responsibleStaffId?.rawValue)]
        let columns = ["responsible_unit_id", "goal", "agreed_on", "follow_up_on", "closed_on", "updated_at", "updated_by",
                       "consent_on", "consent_form", "meeting_on", "responsible_staff_id"]
        let work = plan.id == 0 ? """
            INSERT INTO nara.coordinated_plan(patient_id, version, \(columns.joined(separator: ", ")))
            VALUES (\(b.int(plan.patientId.rawValue)), 1, \(values.joined(separator: ", ")))
            RETURNING *
            """ : """
            UPDATE nara.coordinated_plan SET version = version + 1,
                   \(zip(columns, values).map { "\($0) = \($1)" }.joined(separator: ", "))
             WHERE id = \(b.int(plan.id)) AND patient_id = \(b.int(plan.patientId.rawValue))
               AND version = \(b.int(plan.version))
            RETURNING *
            """
        let tables = ["plan_participant", "plan_person", "plan_service"]
        let inserts = [
            """
            INSERT INTO nara.plan_participant(plan_id, unit_id, role)
            SELECT w.id, p.unit_id, p.role FROM work w, jsonb_to_recordset(\(try b.json(plan.participants.enumerated().map {
                ["ord": $0, "unit_id": $1.unitId.rawValue, "role": PlanRules.storedRole($1)]
            }))) AS p(ord bigint, unit_id text, role text)
            """,
            """
            INSERT INTO nara.plan_person(plan_id, position, role, name, staff_id, unit_id)
            SELECT w.id, p.ord, p.role, p.name, p.staff_id, p.unit_id
              FROM work w, jsonb_to_recordset(\(try b.json(c.people.enumerated().map {
                ["ord": $0, "role": $1.role.rawValue, "name": $1.name, "staff_id": $1.staffId?.rawValue,
                 "unit_id": $1.unitId?.rawValue]
            }))) AS p(ord bigint, role text, name text, staff_id text, unit_id text)
            """,
            """
            INSERT INTO nara.plan_service(plan_id, position, principal, text)
            SELECT w.id, p.ord, p.principal, p.text
              FROM work w, jsonb_to_recordset(\(try b.json(c.services.enumerated().map {
                ["ord": $0, "principal": $1.principal.rawValue, "text": $1.text]
            }))) AS p(ord bigint, principal text, text text)
            """,
        ]
        // Participants go in in the order given: `position` is numbered as they go.
        let ordered = inserts.map { $0 + "\n" }
        if plan.id == 0 { return (work, ordered.map { $0 + " ORDER BY p.ord" }) }
        let deletes = tables.map { "DELETE FROM nara.\($0) WHERE plan_id IN (SELECT id FROM work) RETURNING plan_id" }
        let waiting = ordered.enumerated().map { i, insert in
            insert + " WHERE (SELECT count(*) FROM more_\(i)) >= 0 ORDER BY p.ord"
        }
        return (work, deletes + waiting)
    }

    /// The units and staff the plan names (`plan_unit`, `plan_staff`), and for a change
    /// the plan as stored with its participants (`plan`, `plan_participant`).
    static func planParts(_ plan: CoordinatedPlan) -> [TaggedRead.Part] {
        let named = PlanRules.named(plan)
        func list(_ ids: [String]) -> String {
            "ARRAY[\(ids.map(PostgresWorkBinds.literal).joined(separator: ", "))]::text[]"
        }
        var parts = [
            TaggedRead.Part("plan_unit", "SELECT * FROM nara.care_unit WHERE id = ANY(\(list(named.units.map(\.rawValue))))"),
            TaggedRead.Part("plan_staff", "SELECT * FROM nara.staff WHERE id = ANY(\(list(named.staff.map(\.rawValue))))"),
        ]
        if plan.id != 0 {
            parts += [TaggedRead.Part("plan", "SELECT * FROM nara.coordinated_plan WHERE id = \(plan.id)"),
                      TaggedRead.Part("plan_participant", "SELECT * FROM nara.plan_participant WHERE plan_id = \(plan.id)",
                                      order: "position")]
        }
        return parts
    }
}
