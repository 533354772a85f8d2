import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    /// Registers the patient's contact with the user's unit, a vårdcentral, now. The contact is itself the
    /// care relationship (DOMAIN.md "Access and logging"), so the row is written first and
    /// the policy asked after, in the same transaction: a refusal leaves nothing behind.
    public func addCareRequest(_ patient: PatientID, channel: CareRequestChannel, problem: CareRequestProblem,
                               reason: String, callback: CallbackSlot? = nil,
                               as context: AccessContext) throws -> CareRequest {
        let text = try CareRequestRules.reason(reason)
        let now = clock.now
        return try write { db in
            try Validate.patientExists(db, patient)
            try CareRequestRules.checkRegistration(
                unit: Validate.unit(db, context.unitId),
                deceased: Bool.fetchOne(db, sql: "SELECT deceased FROM patient WHERE id = ?",
                                        arguments: [patient.rawValue]) == true)
            // Who asks, before the row that names them: an unknown user is refused as
            // such, not by the insert's foreign key.
            _ = try AccessFacts.subject(db, context)
            try db.execute(sql: """
                INSERT INTO care_request(patient_id, unit_id, channel, problem, reason, registered_at, registered_on,
                                         registered_by, callback_from, callback_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, context.unitId.rawValue, channel.rawValue, problem.rawValue, text,
                                 seconds(now), CareRequestRules.registeredOn(now).iso, context.staffId.rawValue,
                                 callback?.fromMinute, callback?.toMinute])
            let id = db.lastInsertedRowID
            let grant = try checkWrite(db, context, patient: patient, category: .clinical)
            try appendLog(db, context: context,
                          entries: [(patient, Self.logged(CareRequestRules.registeredDetail(id), grant))], action: .write)
            return try Self.careRequest(db, id)
        }
    }

    /// Stops the 0 clock of the patient's care request `id` (else their oldest at the user's
    /// unit still waiting for contact): the unit was in contact with the patient, by the user.
    public func recordCareRequestContact(_ patient: PatientID, id: Int64? = nil, at: Date? = nil,
                                         as context: AccessContext) throws -> CareRequest {
        try stopCareRequestClock(patient, id, .contact, at: at, context)
    }

    /// Stops the 3 clock: the medical assessment, by the user, who must be licensed
    /// (legitimerad). An assessment is also contact, so it stops an unstopped 0 clock.
    public func recordCareRequestAssessment(_ patient: PatientID, id: Int64? = nil, at: Date? = nil,
                                            as context: AccessContext) throws -> CareRequest {
        try stopCareRequestClock(patient, id, .assessment, at: at, context)
    }

    /// A call back that did not reach the patient: counted, the clock runs on, and the
    /// request stays on the callback list.
    public func recordUnansweredCallback(_ patient: PatientID, id: Int64? = nil,
                                         as context: AccessContext) throws -> CareRequest {
        try writeThroughDoor(context, patient: patient, category: .clinical,
                             detail: CareRequestRules.Step.unanswered.detail(id)) { db, _ in
            let request = try Self.openCareRequest(db, patient, id, waitingFor: .unanswered, context)
            try db.execute(sql: "UPDATE care_request SET unanswered = unanswered + 1, unanswered_at = ? WHERE id = ?",
                           arguments: [seconds(clock.now), request.id])
            return try Self.careRequest(db, request.id)
        }
    }

    /// The patient's request `id`, else their oldest at the user's unit whose `step` is
    /// still to come; at the user's unit and with that step not yet taken.
    private static func openCareRequest(_ db: Database, _ patient: PatientID, _ id: Int64?,
                                        waitingFor step: CareRequestRules.Step,
                                        _ context: AccessContext) throws -> CareRequest {
        let row = try Row.fetchOne(db, sql: CareRequestRules.part(id, waitingFor: step).sql,
                                   arguments: id == nil ? ["patient": patient.rawValue, "unit": context.unitId.rawValue]
                                                        : [:])
        return try CareRequestRules.open(row, id, patient: patient, step: step, context: context)
    }

    private func stopCareRequestClock(_ patient: PatientID, _ id: Int64?, _ guarantee: PrimaryCareGuarantee, at: Date?,
                                      _ context: AccessContext) throws -> CareRequest {
        let when = at ?? clock.now
        try CareRequestRules.checkTime(when, now: clock.now)
        let step = CareRequestRules.Step(guarantee)
        let column = step.column
        return try writeThroughDoor(context, patient: patient, category: .clinical, detail: step.detail(id)) { db, _ in
            let request = try Self.openCareRequest(db, patient, id, waitingFor: step, context)
            try CareRequestRules.checkStop(request, at: when, step: step) { try Validate.staff(db, context.staffId) }
            if step == .assessment {
                try db.execute(sql: """
                    UPDATE care_request SET contacted_at = ?, contacted_by = ? WHERE id = ? AND contacted_at IS NULL
                    """, arguments: [seconds(when), context.staffId.rawValue, request.id])
            }
            try db.execute(sql: "UPDATE care_request SET \(column)_at = ?, \(column)_by = ? WHERE id = ?",
                           arguments: [seconds(when), context.staffId.rawValue, request.id])
            return try Self.careRequest(db, request.id)
        }
    }

    /// The user's unit's open care requests (not yet assessed) that the user may see, each
    /// patient shown logged. `callbacks` keeps those with a requested callback window not yet
    /// called back and orders by the window (the callback list); otherwise the oldest
    /// request comes first. The
    /// reason is shown only to a role that reads clinical information.
    public func openCareRequests(callbacks: Bool = false, limit: Int = 500,
                                 as context: AccessContext) throws -> [CareRequestRow] {
        try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            let requests = try Row.fetchAll(db, sql: """
                SELECT * FROM care_request WHERE \(CareRequestList.condition(callbacks: callbacks))
                 ORDER BY \(CareRequestList.order(callbacks: callbacks))
                """, arguments: ["unit": context.unitId.rawValue]).map(Self.decodeCareRequest)
            let grants = try grants(db, subject, patients: Array(Set(requests.map(\.patientId.rawValue))))
            let visible = requests.filter { grants[$0.patientId.rawValue] != nil }.prefix(limit)
            let rows = CareRequestList.shown(requests, grants: grants, limit: limit,
                                             summaries: try SummaryQuery.byPatient(db, visible.map(\.patientId)))
            try logShown(db, context, view: CareRequestList.view(callbacks: callbacks),
                         patients: rows.map(\.patient.id), grants: grants)
            return rows
        }
    }

    /// Every care request registered at `unit` on `from...to` (Swedish days), for the
    /// guarantee report. The result is used only in figures that name no patient; the
    /// caller logs the report as a whole.
    public func careRequestsForReport(unit: UnitID, from: LocalDate, to: LocalDate,
                                      as context: AccessContext) throws -> [CareRequest] {
        try read { db in
            let rows = try SQLiteReportSource(db: db).parts(
                ReportRules.careRequestParts,
                arguments: ReportRules.careRequestArguments(unit: unit, from: from, to: to, context: context))
            _ = try ReportRules.subject(rows, context: context, needsPatientRights: true)
            return (rows["care_request"] ?? []).map(Self.decodeCareRequest)
        }
    }

    static func careRequest(_ db: Database, _ id: Int64) throws -> CareRequest {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM care_request WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("care request \(id)")
        }
        return decodeCareRequest(row)
    }

    package static func decodeCareRequest(_ row: Row) -> CareRequest {
        func date(_ column: String) -> Date? {
            (row[column] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
        func staff(_ column: String) -> StaffID? { (row[column] as String?).map { StaffID(rawValue: $0) } }
        var request = CareRequest(
            id: row["id"], patientId: PatientID(rawValue: row["patient_id"]), unitId: UnitID(rawValue: row["unit_id"]),
            channel: CareRequestChannel(rawValue: row["channel"]) ?? .phone,
            problem: CareRequestProblem(rawValue: row["problem"]) ?? .new, reason: row["reason"],
            registeredAt: date("registered_at")!, registeredBy: StaffID(rawValue: row["registered_by"]),
            callback: (row["callback_from"] as Int?).flatMap { from in
                (row["callback_to"] as Int?).flatMap { CallbackSlot(fromMinute: from, toMinute: $0) }
            },
            contactedAt: date("contacted_at"), contactedBy: staff("contacted_by"),
            assessedAt: date("assessed_at"), assessedBy: staff("assessed_by"))
        request.unanswered = row["unanswered"]
        request.unansweredAt = date("unanswered_at")
        return request
    }
}
