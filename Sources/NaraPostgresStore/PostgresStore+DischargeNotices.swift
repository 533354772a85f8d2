import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// The ward's notices of a hospital stay (lag 2017:612) on PostgreSQL, through the door
/// (`PostgresDoor.swift`), with the rules, refusals and log rows of the SQLite store
/// (`DischargeNoticeRules`): a request refused on one store is refused on the other with
/// the same error, and a notice logs the same row.
///
/// Statements, each a round trip (`client.statementsSent`): a notice is five (BEGIN, the
/// patient's lock, the facts with the ward and the open stay, the change with its log
/// row, COMMIT); one refused on what was read is four (ROLLBACK for the last two), one
/// refused on the request alone (a day in the future, an expected discharge before the
/// admission) none. The read is two (the facts with the notices, the log row); refused, one.
///
/// Many writers: the door's lock on the patient makes writers to one patient follow one
/// another, so the open stay each decides on is the one the writer before it left. The
/// changes are conditional besides, so a writer that passed the lock some other way could
/// not open a second stay at a ward nor move a stay that is already closed: the admission
/// is inserted only where no stay is open at the ward, a step updates the stay only while
/// it is open, and an update or insert that finds nothing refuses as the read would have,
/// rolling back, log row and all. The discharge row goes in with the closing update, in
/// the same statement, from the rows that update returned.
extension PostgresStore: DischargeNoticeStore {
    public func recordAdmissionNotice(_ patient: PatientID, ward: UnitID, admittedOn: LocalDate,
                                      expectedDischargeOn: LocalDate?, as context: AccessContext) throws -> DischargeNotice {
        try DischargeNoticeRules.checkAdmission(admittedOn: admittedOn, expectedDischargeOn: expectedDischargeOn,
                                                today: clock.today)
        return try writeThroughDoor(context, patient: patient, named: (ward.rawValue, nil, nil),
                                    parts: [Self.openNoticePart], decide: noticeGrant) { read, grant in
            try Self.requireWard(ward, read)
            try DischargeNoticeRules.checkNoOpen(Self.openNotice(read), ward: ward)
            return DoorWork(query: """
                INSERT INTO nara.discharge_notice(patient_id, ward_unit_id, unit_id, admitted_on, expected_discharge_on,
                                                  recorded_by)
                SELECT \(patient.rawValue)::bigint, \(ward.rawValue)::text, \(context.unitId.rawValue)::text,
                       \(admittedOn.iso)::text, \(expectedDischargeOn?.iso)::text, \(context.staffId.rawValue)::text
                 WHERE NOT EXISTS (SELECT 1 FROM nara.discharge_notice WHERE patient_id = \(patient.rawValue)
                                      AND ward_unit_id = \(ward.rawValue) AND discharged_on IS NULL)
                RETURNING *
                """, logged: SQLiteStore.logged(DischargeNoticeRules.admissionDetail(ward), grant)) { rows in
                guard let row = rows.first else { throw DischargeNoticeRules.duplicateOpen(ward) }
                return DischargeNoticeRows.decode(row)
            }
        }
    }

    public func recordReadyForDischarge(_ patient: PatientID, ward: UnitID, readyOn: LocalDate,
                                        as context: AccessContext) throws -> DischargeNotice {
        try stepOpenStay(patient, ward, day: readyOn, step: .ready, context: context) { open in
            ("""
             UPDATE nara.discharge_notice SET ready_on = \(readyOn.iso) WHERE id = \(open.id) AND discharged_on IS NULL
             RETURNING *
             """, nil)
        }
    }

    public func recordDischargeOfNotice(_ patient: PatientID, ward: UnitID, dischargedOn: LocalDate,
                                        as context: AccessContext) throws -> DischargeNotice {
        try stepOpenStay(patient, ward, day: dischargedOn, step: .discharge, context: context) { open in
            ("""
             UPDATE nara.discharge_notice SET discharged_on = \(dischargedOn.iso)
              WHERE id = \(open.id) AND discharged_on IS NULL
             RETURNING *
             """, """
             INSERT INTO nara.discharge(patient_id, unit_id, admitted_on, discharged_on)
             SELECT patient_id, ward_unit_id, admitted_on, discharged_on FROM work
             """)
        }
    }

    public func dischargeNotices(of patient: PatientID, as context: AccessContext) throws -> [DischargeNotice] {
        try readThroughDoor(context, patient: patient, detail: DischargeNoticeRules.noticesDetail,
                            sql: Self.noticesSQL) { read, grant in
            DischargeNoticeRules.visible((read.rows[DischargeNoticeRules.noticesPart.name] ?? [])
                .map(DischargeNoticeRows.decode), grant)
        }
    }

    /// One step on the open stay at `ward`: `change` is the update of the open stay (with
    /// RETURNING) and what else goes in with it (`DoorWork.then`).
    private func stepOpenStay(_ patient: PatientID, _ ward: UnitID, day: LocalDate, step: DischargeNoticeRules.Step,
                              context: AccessContext,
                              _ change: (DischargeNotice) -> (PostgresQuery, String?)) throws -> DischargeNotice {
        try DischargeNoticeRules.checkStepDay(day, today: clock.today)
        return try writeThroughDoor(context, patient: patient, named: (ward.rawValue, nil, nil),
                                    parts: [Self.openNoticePart], decide: noticeGrant) { read, grant in
            try Self.requireWard(ward, read)
            let open = try DischargeNoticeRules.requireOpen(Self.openNotice(read), ward: ward, day: day, step: step)
            let (query, then) = change(open)
            return DoorWork(query: query, logged: SQLiteStore.logged(step.detail(ward), grant), then: then) { rows in
                guard let row = rows.first else { throw DischargeNoticeRules.noOpenNotice(ward) }
                return DischargeNoticeRows.decode(row)
            }
        }
    }

    /// A notice is coordination written about the patient: the SQLite door's rule.
    private func noticeGrant(_ read: DoorRead) throws -> AccessGrant {
        try Self.writeGrant(read, category: .coordination, today: clock.today, now: clock.now)
    }

    /// `DischargeNoticeRules.requireWard` on the unit the door read.
    private static func requireWard(_ ward: UnitID, _ read: DoorRead) throws {
        try DischargeNoticeRules.requireWard(ward) { try Validate.unit(read.first("named_unit"), $0) }
    }

    private static func openNotice(_ read: DoorRead) -> DischargeNotice? {
        read.first(DischargeNoticeRules.openPart.name).map(DischargeNoticeRows.decode)
    }

    /// The open stay at the ward the request names (`$6`, the door's named unit).
    static let openNoticePart = PostgresRecordSQL.translated(DischargeNoticeRules.openPart,
                                                             arguments: PostgresRecordSQL.argumentNames + ["ward"])
    static let noticesSQL = PostgresDoorSQL.read([DischargeNoticeRules.noticesPart])
}
