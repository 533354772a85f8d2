import Foundation
import GRDB
import NaraDomain

/// The ward's notices of a hospital stay (lag 2017:612), recorded at the user's
/// vårdcentral, each through the door with a log row naming the patient. A stay is one
/// row: the admission notice opens it, the ready notice and the discharge fill it in.
extension SQLiteStore {
    /// The admission notice (inskrivningsmeddelande). One open stay per ward and patient.
    public func recordAdmissionNotice(_ patient: PatientID, ward: UnitID, admittedOn: LocalDate,
                                      expectedDischargeOn: LocalDate?, as context: AccessContext) throws -> DischargeNotice {
        try DischargeNoticeRules.checkAdmission(admittedOn: admittedOn, expectedDischargeOn: expectedDischargeOn,
                                                today: clock.today)
        return try writeThroughDoor(context, patient: patient, category: .coordination,
                                    detail: DischargeNoticeRules.admissionDetail(ward)) { db, _ in
            try DischargeNoticeRules.requireWard(ward) { try Validate.unit(db, $0) }
            try DischargeNoticeRules.checkNoOpen(Self.openNotice(db, patient, ward), ward: ward)
            try db.execute(sql: """
                INSERT INTO discharge_notice(patient_id, ward_unit_id, unit_id, admitted_on, expected_discharge_on,
                                             recorded_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, ward.rawValue, context.unitId.rawValue, admittedOn.iso,
                                 expectedDischargeOn?.iso, context.staffId.rawValue])
            return try Self.notice(db, db.lastInsertedRowID)
        }
    }

    /// The ready-for-discharge notice (utskrivningsklar) of the open stay at `ward`; it
    /// starts the three days to call the SIP.
    public func recordReadyForDischarge(_ patient: PatientID, ward: UnitID, readyOn: LocalDate,
                                        as context: AccessContext) throws -> DischargeNotice {
        try stepOpenStay(patient, ward, day: readyOn, step: .ready, context: context) { db, open in
            try db.execute(sql: "UPDATE discharge_notice SET ready_on = ? WHERE id = ?", arguments: [readyOn.iso, open.id])
        }
    }

    /// The discharge closes the open stay at `ward` and is recorded as a discharge too, so
    /// the list of patients discharged without contact follows it.
    public func recordDischargeOfNotice(_ patient: PatientID, ward: UnitID, dischargedOn: LocalDate,
                                        as context: AccessContext) throws -> DischargeNotice {
        try stepOpenStay(patient, ward, day: dischargedOn, step: .discharge, context: context) { db, open in
            try db.execute(sql: "UPDATE discharge_notice SET discharged_on = ? WHERE id = ?",
                           arguments: [dischargedOn.iso, open.id])
            try db.execute(sql: """
                INSERT INTO discharge(patient_id, unit_id, admitted_on, discharged_on) VALUES (?, ?, ?, ?)
                """, arguments: [patient.rawValue, ward.rawValue, open.admittedOn.iso, dischargedOn.iso])
        }
    }

    /// One step on the open stay at `ward`, on a day no later than today and no earlier
    /// than the admission.
    private func stepOpenStay(_ patient: PatientID, _ ward: UnitID, day: LocalDate, step: DischargeNoticeRules.Step,
                              context: AccessContext,
                              _ body: (Database, DischargeNotice) throws -> Void) throws -> DischargeNotice {
        try DischargeNoticeRules.checkStepDay(day, today: clock.today)
        return try writeThroughDoor(context, patient: patient, category: .coordination,
                                    detail: step.detail(ward)) { db, _ in
            try DischargeNoticeRules.requireWard(ward) { try Validate.unit(db, $0) }
            let open = try DischargeNoticeRules.requireOpen(Self.openNotice(db, patient, ward), ward: ward, day: day,
                                                            step: step)
            try body(db, open)
            return try Self.notice(db, open.id)
        }
    }

    /// The patient's stays as the notices tell them, the latest admission first.
    public func dischargeNotices(of patient: PatientID, as context: AccessContext) throws -> [DischargeNotice] {
        try readThroughDoor(context, patient: patient, detail: DischargeNoticeRules.noticesDetail) { db, grant in
            DischargeNoticeRules.visible(try DischargeNoticeRules.noticesPart.fetchAll(db, patient: patient)
                .map(DischargeNoticeRows.decode), grant)
        }
    }

    private static func openNotice(_ db: Database, _ patient: PatientID, _ ward: UnitID) throws -> DischargeNotice? {
        let part = DischargeNoticeRules.openPart
        return try Row.fetchOne(db, sql: part.sql + (part.order.map { " ORDER BY \($0)" } ?? "") + " LIMIT 1",
                                arguments: ["patient": patient.rawValue, "ward": ward.rawValue])
            .map(DischargeNoticeRows.decode)
    }

    private static func notice(_ db: Database, _ id: Int64) throws -> DischargeNotice {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM discharge_notice WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("discharge notice \(id)")
        }
        return DischargeNoticeRows.decode(row)
    }
}

/// The rows of `discharge_notice` as the domain's notices, for every store.
package enum DischargeNoticeRows {
    /// A row of `discharge_notice`, with the ward's name when the query joined it.
    package static func decode(_ row: Row) -> DischargeNotice {
        var n = DischargeNotice(id: row["id"], patientId: PatientID(row["patient_id"] as Int64),
                        wardUnitId: UnitID(row["ward_unit_id"] as String), unitId: UnitID(row["unit_id"] as String),
                        admittedOn: Decode.requiredDay(row, "admitted_on"),
                        expectedDischargeOn: Decode.day(row, "expected_discharge_on"),
                        readyOn: Decode.day(row, "ready_on"), dischargedOn: Decode.day(row, "discharged_on"),
                        recordedBy: StaffID(row["recorded_by"] as String))
        if row.hasColumn("ward_name") { n.wardName = row["ward_name"] }
        return n
    }
}
