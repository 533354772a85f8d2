import GRDB
import NaraDomain

/// One prepared statement per table, reused for every row: preparing SQL costs more
/// than inserting a row, and a load writes tens of millions of them.
struct DemoWriter {
    let db: Database
    private let patient: Statement
    private let listingRow: Statement
    private let contact: Statement
    private let problemRow: Statement
    private let encounterRow: Statement
    private let dischargeRow: Statement
    private let referralRow: Statement
    private let eventRow: Statement
    private let pauseRow: Statement
    private let planRow: Statement
    private let participantRow: Statement
    private let consentRow: Statement
    private let observationRow: Statement
    private let taskRow: Statement
    private let plannedRow: Statement
    private let noticeRow: Statement
    private let careRequestRow: Statement
    private(set) var encounters = 0
    private(set) var referrals = 0
    private(set) var plans = 0

    init(_ db: Database) throws {
        self.db = db
        patient = try db.makeStatement(sql: """
            INSERT INTO patient(id, ident, ident_short, ident_kind, given_name, family_name, search_name, sex,
                birth_date, street, postal_code, city, phone, protected, next_of_kin, interpreter)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        listingRow = try db.makeStatement(sql:
            "INSERT INTO listing(patient_id, unit_id, from_date, to_date) VALUES (?, ?, ?, ?)")
        contact = try db.makeStatement(sql: """
            INSERT INTO care_contact(patient_id, role, staff_id, unit_id, reason, from_date, to_date, end_reason,
                version, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // Diagnoses are the listing unit's, where primary care keeps the problem list.
        problemRow = try db.makeStatement(sql: """
            INSERT INTO problem(patient_id, code, text, chronic, since, unit_id)
            VALUES (?1, ?2, ?3, ?4, ?5, (SELECT unit_id FROM listing WHERE patient_id = ?1
                                         ORDER BY to_date IS NOT NULL, from_date DESC LIMIT 1))
            """)
        encounterRow = try db.makeStatement(sql: """
            INSERT INTO encounter(patient_id, at, mode, planned, staff_id, unit_id, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        dischargeRow = try db.makeStatement(sql:
            "INSERT INTO discharge(patient_id, unit_id, admitted_on, discharged_on) VALUES (?, ?, ?, ?)")
        referralRow = try db.makeStatement(sql: """
            INSERT INTO referral(id, patient_id, from_unit_id, to_unit_id, priority, question, guarantee,
                self_referral, state, created_at, created_by, sent_on, booked_on, seen_on, reply, version,
                updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        eventRow = try db.makeStatement(sql: """
            INSERT INTO referral_event(referral_id, at, staff_id, unit_id, action, from_state, to_state, comment,
                                       forwarded_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        pauseRow = try db.makeStatement(sql:
            """
            INSERT INTO referral_pause(referral_id, kind, from_date, to_date, comment, offered_on, patient_informed)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        planRow = try db.makeStatement(sql: """
            INSERT INTO coordinated_plan(id, patient_id, responsible_unit_id, goal, agreed_on, follow_up_on,
                closed_on, version, updated_at, updated_by, consent_on)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9, ?5)
            """)
        // A SIP is made with the person's consent, and the person usually lets the
        // municipality's nurses read what the region documented.
        consentRow = try db.makeStatement(sql: """
            INSERT INTO consent(patient_id, grantee_provider_id, source_provider_id, from_date, recorded_by, recorded_at)
            SELECT ?, u.provider_id, NULL, ?, ?, ? FROM care_unit u WHERE u.kind = 'home_care' LIMIT 1
            """)
        participantRow = try db.makeStatement(sql:
            "INSERT INTO plan_participant(plan_id, unit_id, role) VALUES (?, ?, ?)")
        observationRow = try db.makeStatement(sql: """
            INSERT INTO observation(patient_id, kind, value, value2, smoking, at, unit_id, staff_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        noticeRow = try db.makeStatement(sql: """
            INSERT INTO discharge_notice(patient_id, ward_unit_id, unit_id, admitted_on, expected_discharge_on,
                                         ready_on, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        careRequestRow = try db.makeStatement(sql: """
            INSERT INTO care_request(patient_id, unit_id, channel, problem, reason, registered_at, registered_on,
                                     registered_by, callback_from, callback_to, contacted_at, contacted_by,
                                     assessed_at, assessed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        taskRow = try db.makeStatement(sql: """
            INSERT INTO patient_task(patient_id, unit_id, created_by, created_at, text, to_staff_id, to_unit_id, due_on,
                                     priority, reply, done_at, done_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        plannedRow = try db.makeStatement(sql: """
            INSERT INTO planned_contact(patient_id, unit_id, staff_id, planned_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """)
    }

    func insertTask(patient: Int64, unit: String, by staff: String, at: Int64, text: String, toStaff: String?,
                    toUnit: String?, due: String?, priority: String, reply: String?, doneAt: Int64?,
                    doneBy: String?) throws {
        try taskRow.execute(arguments: [patient, unit, staff, at, text, toStaff, toUnit, due, priority, reply, doneAt,
                                        doneBy])
    }

    func insertPlannedContact(patient: Int64, unit: String, staff: String, on day: String, note: String,
                              at: Int64) throws {
        try plannedRow.execute(arguments: [patient, unit, staff, day, note, at])
    }

    func insertDischargeNotice(patient: Int64, ward: String, unit: String, admitted: String, expected: String?,
                               ready: String?, recordedBy: String) throws {
        try noticeRow.execute(arguments: [patient, ward, unit, admitted, expected, ready, recordedBy])
    }

    func insertCareRequest(patient: Int64, unit: String, channel: String, problem: String, reason: String, at: Int64,
                           on day: String, by staff: String, callback: (Int, Int)?, contactedAt: Int64?,
                           contactedBy: String?, assessedAt: Int64?, assessedBy: String?) throws {
        try careRequestRow.execute(arguments: [patient, unit, channel, problem, reason, at, day, staff, callback?.0,
                                               callback?.1, contactedAt, contactedBy, assessedAt, assessedBy])
    }

    func insertObservation(patient: Int64, kind: String, value: Double?, value2: Double?, smoking: String?, at: Int64,
                           unit: String, staff: String) throws {
        try observationRow.execute(arguments: [patient, kind, value, value2, smoking, at, unit, staff])
    }

    func insertPatient(id: Int64, ident: String, kind: String, given: String, family: String, search: String,
                       sex: String, birth: String, street: String, postal: String, city: String, phone: String?,
                       protected: Bool, nextOfKin: [NextOfKin], interpreter: String?) throws {
        try patient.execute(arguments: [id, ident, String(ident.suffix(10)), kind, given, family, search, sex,
                                        birth, street, postal, city, phone, protected ? 1 : 0,
                                        SQLiteStore.encodeNextOfKin(nextOfKin), interpreter])
    }

    func insertListing(patient: Int64, unit: String, from: String, to: String?) throws {
        try listingRow.execute(arguments: [patient, unit, from, to])
    }

    func insertContact(patient: Int64, role: String, staff: String, unit: String, reason: String, from: String,
                       to: String?, endReason: String?, version: Int, updatedAt: Int64, updatedBy: String) throws {
        try contact.execute(arguments: [patient, role, staff, unit, reason, from, to, endReason, version,
                                        updatedAt, updatedBy])
    }

    func insertProblem(patient: Int64, code: String, text: String, chronic: Bool, since: String) throws {
        try problemRow.execute(arguments: [patient, code, text, chronic ? 1 : 0, since])
    }

    mutating func insertEncounter(patient: Int64, at: Int64, mode: String, planned: Bool, staff: String,
                                  unit: String, reason: String) throws {
        try encounterRow.execute(arguments: [patient, at, mode, planned ? 1 : 0, staff, unit, reason])
        encounters += 1
    }

    func insertDischarge(patient: Int64, unit: String, admitted: String, discharged: String) throws {
        try dischargeRow.execute(arguments: [patient, unit, admitted, discharged])
    }

    mutating func insertReferral(_ r: DemoReferralRow) throws {
        try referralRow.execute(arguments: [r.id, r.patient, r.fromUnit, r.toUnit, r.priority, r.question,
                                            r.guarantee, r.state, r.createdAt, r.createdBy, r.sentOn, r.bookedOn,
                                            r.seenOn, r.reply, r.version, r.updatedAt, r.updatedBy])
        referrals += 1
    }

    func insertEvent(referral: Int64, _ e: DemoReferralEvent) throws {
        try eventRow.execute(arguments: [referral, e.at, e.staff, e.unit, e.action, e.from, e.to, e.comment,
                                          e.forwardedTo])
    }

    /// A patient-chosen wait in the demo begins on the day of the time the patient
    /// declined, offered within the guarantee, the patient told of the guarantee.
    func insertPause(referral: Int64, kind: String, from: String, to: String?, comment: String) throws {
        let chosen = kind == "patient_chosen"
        try pauseRow.execute(arguments: [referral, kind, from, to, comment, chosen ? from : nil, chosen])
    }

    mutating func insertPlan(id: Int64, patient: Int64, unit: String, goal: String, agreed: String,
                             followUp: String?, closed: String?, updatedAt: Int64, updatedBy: String) throws {
        try planRow.execute(arguments: [id, patient, unit, goal, agreed, followUp, closed, updatedAt, updatedBy])
        if closed == nil { try consentRow.execute(arguments: [patient, agreed, updatedBy, updatedAt]) }
        plans += 1
    }

    func insertParticipant(plan: Int64, unit: String, role: String) throws {
        try participantRow.execute(arguments: [plan, unit, role])
    }
}
