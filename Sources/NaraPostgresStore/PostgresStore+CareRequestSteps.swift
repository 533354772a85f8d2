import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// A care request (vårdbegäran) registered and its steps on PostgreSQL, through the door
/// (`PostgresDoor.swift`), with the rules, refusals and log rows of the SQLite store
/// (`CareRequestRules`).
///
/// Statements, each a round trip (`client.statementsSent`): a new request or a step is
/// five (BEGIN, the patient's lock, the facts with the user's unit and the patient's
/// death or the request stepped, the change with its log row, COMMIT); one refused on
/// what was read four; one refused on the request alone (no reason, a time in the
/// future) none.
///
/// The new request's log row names its id, which the insert draws: the door puts the id
/// the work returns into the row's detail in the same statement (`DoorWork.loggedId`),
/// so a refused request draws no id, as on SQLite.
///
/// Many writers: the door's lock on the patient makes writers to one patient follow one
/// another, so the request each steps is as the writer before it left it. The step is
/// conditional besides (only while the step is still to come), and one that finds the
/// step taken refuses as the read would have, rolling back, log row and all: two sessions
/// recording the contact of one request do not both count.
extension PostgresStore {
    public func addCareRequest(_ patient: PatientID, channel: CareRequestChannel, problem: CareRequestProblem,
                               reason: String, callback: CallbackSlot? = nil,
                               as context: AccessContext) throws -> CareRequest {
        let text = try CareRequestRules.reason(reason)
        let today = clock.today, now = clock.now, day = CareRequestRules.registeredOn(now)
        return try writeThroughDoor(context, patient: patient, named: (context.unitId.rawValue, nil, nil),
                                    parts: [Self.deceasedPart], decide: { read in
            // SQLite's order: the patient, the unit, the death, then the user and the policy,
            // asked on the facts as they are with the request written.
            try Validate.patientExists(read.first("patient") != nil, patient)
            try CareRequestRules.checkRegistration(unit: Validate.unit(read.first("named_unit"), context.unitId),
                                                   deceased: (read.first("deceased")?["deceased"] as Bool?) == true)
            let subject = try read.subject()
            let facts = CareRequestRules.withNewRequest(try read.facts(), on: day)
            return try SQLiteStore.writeGrant(subject, context, patient: patient, category: .clinical,
                                              today: today, now: now) { _ in facts }
        }) { _, grant in
            DoorWork(query: """
                INSERT INTO nara.care_request(patient_id, unit_id, channel, problem, reason, registered_at, registered_on,
                                              registered_by, callback_from, callback_to)
                VALUES (\(patient.rawValue), \(context.unitId.rawValue), \(channel.rawValue), \(problem.rawValue), \(text),
                        \(seconds(now)), \(day.iso), \(context.staffId.rawValue), \(callback.map { Int64($0.fromMinute) }),
                        \(callback.map { Int64($0.toMinute) }))
                RETURNING *
                """, logged: SQLiteStore.logged(CareRequestRules.registeredDetail(Self.madeId), grant),
                loggedId: "id") { rows in SQLiteStore.decodeCareRequest(rows[0]) }
        }
    }

    public func recordCareRequestContact(_ patient: PatientID, id: Int64? = nil, at: Date? = nil,
                                         as context: AccessContext) throws -> CareRequest {
        try stepCareRequest(patient, id, .contact, at: at, context)
    }

    public func recordCareRequestAssessment(_ patient: PatientID, id: Int64? = nil, at: Date? = nil,
                                            as context: AccessContext) throws -> CareRequest {
        try stepCareRequest(patient, id, .assessment, at: at, context)
    }

    public func recordUnansweredCallback(_ patient: PatientID, id: Int64? = nil,
                                         as context: AccessContext) throws -> CareRequest {
        try stepCareRequest(patient, id, .unanswered, at: nil, context)
    }

    /// One step on the request `id`, else the patient's oldest open one at the user's
    /// unit, read with the facts and changed only while the step is still to come.
    private func stepCareRequest(_ patient: PatientID, _ id: Int64?, _ step: CareRequestRules.Step, at: Date?,
                                 _ context: AccessContext) throws -> CareRequest {
        let today = clock.today, now = clock.now, when = at ?? now
        if step != .unanswered { try CareRequestRules.checkTime(when, now: now) }
        let part = PostgresRecordSQL.translated(CareRequestRules.part(id, waitingFor: step))
        return try writeThroughDoor(context, patient: patient, parts: [part], decide: {
            try Self.writeGrant($0, category: .clinical, today: today, now: now)
        }) { read, grant in
            let request = try CareRequestRules.open(read.first(part.name), id, patient: patient, step: step,
                                                    context: context)
            if step != .unanswered {
                try CareRequestRules.checkStop(request, at: when, step: step) {
                    try Validate.staff(read.first("subject"), context.staffId)
                }
            }
            return DoorWork(query: Self.stepSQL(request.id, step, at: when, by: context.staffId, now: now),
                            logged: SQLiteStore.logged(step.detail(id), grant)) { rows in
                guard let row = rows.first else { throw CareRequestRules.alreadyTaken(request.id, step) }
                return SQLiteStore.decodeCareRequest(row)
            }
        }
    }

    /// The step's change of the request, only while the step is still to come. An
    /// assessment is also contact: it stops an unstopped 0 clock.
    private static func stepSQL(_ id: Int64, _ step: CareRequestRules.Step, at when: Date, by staff: StaffID,
                                now: Date) -> PostgresQuery {
        switch step {
        case .contact:
            return """
                UPDATE nara.care_request SET contacted_at = \(seconds(when)), contacted_by = \(staff.rawValue)
                 WHERE id = \(id) AND contacted_at IS NULL
                RETURNING *
                """
        case .assessment:
            return """
                UPDATE nara.care_request SET assessed_at = \(seconds(when)), assessed_by = \(staff.rawValue),
                       contacted_at = coalesce(contacted_at, \(seconds(when))),
                       contacted_by = coalesce(contacted_by, \(staff.rawValue))
                 WHERE id = \(id) AND assessed_at IS NULL
                RETURNING *
                """
        case .unanswered:
            return """
                UPDATE nara.care_request SET unanswered = unanswered + 1, unanswered_at = \(seconds(now))
                 WHERE id = \(id) AND contacted_at IS NULL
                RETURNING *
                """
        }
    }

    /// Whether the patient has died, as `deceased`.
    static let deceasedPart = TaggedRead.Part("deceased", "SELECT deceased FROM nara.patient WHERE id = $1")
}
