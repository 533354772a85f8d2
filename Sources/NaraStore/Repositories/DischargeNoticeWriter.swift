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
        guard admittedOn <= clock.today else { throw StoreError.invalid("the admission day is in the future") }
        if let expectedDischargeOn, expectedDischargeOn < admittedOn {
            throw StoreError.refused(.dischargeBeforeAdmission)
        }
        return try writeThroughDoor(context, patient: patient, category: .coordination,
                                    detail: "admission notice from \(ward)") { db, _ in
            try Self.requireWard(db, ward)
            if try Self.openNotice(db, patient, ward) != nil {
                throw StoreError.duplicate("an open admission notice from \(ward)")
            }
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
        try stepOpenStay(patient, ward, day: readyOn, detail: "ready for discharge at \(ward)", context: context,
                         beforeAdmission: StoreError.invalid("the ready day is before the admission")) { db, open in
            try db.execute(sql: "UPDATE discharge_notice SET ready_on = ? WHERE id = ?", arguments: [readyOn.iso, open.id])
        }
    }

    /// The discharge closes the open stay at `ward` and is recorded as a discharge too, so
    /// the list of patients discharged without contact follows it.
    public func recordDischargeOfNotice(_ patient: PatientID, ward: UnitID, dischargedOn: LocalDate,
                                        as context: AccessContext) throws -> DischargeNotice {
        try stepOpenStay(patient, ward, day: dischargedOn, detail: "discharged from \(ward)", context: context,
                         beforeAdmission: StoreError.refused(.dischargeBeforeAdmission)) { db, open in
            try db.execute(sql: "UPDATE discharge_notice SET discharged_on = ? WHERE id = ?",
                           arguments: [dischargedOn.iso, open.id])
            try db.execute(sql: """
                INSERT INTO discharge(patient_id, unit_id, admitted_on, discharged_on) VALUES (?, ?, ?, ?)
                """, arguments: [patient.rawValue, ward.rawValue, open.admittedOn.iso, dischargedOn.iso])
        }
    }

    /// One step on the open stay at `ward`, on a day no later than today and no earlier
    /// than the admission.
    private func stepOpenStay(_ patient: PatientID, _ ward: UnitID, day: LocalDate, detail: String,
                              context: AccessContext, beforeAdmission: StoreError,
                              _ body: (Database, DischargeNotice) throws -> Void) throws -> DischargeNotice {
        guard day <= clock.today else { throw StoreError.invalid("\(day.iso) is in the future") }
        return try writeThroughDoor(context, patient: patient, category: .coordination, detail: detail) { db, _ in
            let open = try Self.requireOpen(db, patient, ward)
            guard day >= open.admittedOn else { throw beforeAdmission }
            try body(db, open)
            return try Self.notice(db, open.id)
        }
    }

    /// The patient's stays as the notices tell them, the latest admission first.
    public func dischargeNotices(of patient: PatientID, as context: AccessContext) throws -> [DischargeNotice] {
        try readThroughDoor(context, patient: patient, detail: "discharge notices") { db, grant in
            try DischargeNoticeRows.load(db, patient: patient.rawValue)
                .filter { grant.sees(.coordination, documentedAt: $0.unitId) }
        }
    }

    private static func requireWard(_ db: Database, _ ward: UnitID) throws {
        guard try Validate.unit(db, ward).kind == .hospital else {
            throw StoreError.invalid("\(ward) is not a hospital ward")
        }
    }

    private static func openNotice(_ db: Database, _ patient: PatientID, _ ward: UnitID) throws -> DischargeNotice? {
        try Row.fetchOne(db, sql: """
            SELECT * FROM discharge_notice WHERE patient_id = ? AND ward_unit_id = ? AND discharged_on IS NULL
            ORDER BY id DESC LIMIT 1
            """, arguments: [patient.rawValue, ward.rawValue]).map(DischargeNoticeRows.decode)
    }

    private static func requireOpen(_ db: Database, _ patient: PatientID, _ ward: UnitID) throws -> DischargeNotice {
        try requireWard(db, ward)
        guard let open = try openNotice(db, patient, ward) else {
            throw StoreError.notFound("an open admission notice from \(ward); record the admission notice first")
        }
        return open
    }

    private static func notice(_ db: Database, _ id: Int64) throws -> DischargeNotice {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM discharge_notice WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("discharge notice \(id)")
        }
        return DischargeNoticeRows.decode(row)
    }
}

enum DischargeNoticeRows {
    static func load(_ db: Database, patient: Int64) throws -> [DischargeNotice] {
        try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT n.*, u.name AS ward_name FROM discharge_notice n JOIN care_unit u ON u.id = n.ward_unit_id
            WHERE n.patient_id = ? ORDER BY n.admitted_on DESC, n.id DESC
            """), arguments: [patient]).map(decode)
    }

    /// The notices of the patients whose ids `list` holds ("1,2,3"), newest first for each.
    static func load(_ db: Database, patients list: String) throws -> [DischargeNotice] {
        try Row.fetchAll(db, sql: """
            SELECT n.*, u.name AS ward_name FROM discharge_notice n JOIN care_unit u ON u.id = n.ward_unit_id
            WHERE n.patient_id IN (\(list)) ORDER BY n.patient_id, n.admitted_on DESC, n.id DESC
            """).map(decode)
    }

    /// A row of `discharge_notice`, with the ward's name when the query joined it.
    static func decode(_ row: Row) -> DischargeNotice {
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
