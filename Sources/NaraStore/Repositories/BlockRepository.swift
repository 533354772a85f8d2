import Foundation
import GRDB
import NaraDomain

/// Registering and lifting a patient's blocks. Each change is a write to the patient's
/// record and goes through the door with its log row.
extension SQLiteStore {
    public func blockUnit(_ patient: PatientID, unit: UnitID, from day: LocalDate, reason: String,
                          as context: AccessContext) throws -> UnitBlock {
        let reason = try Validate.text(reason, field: "reason", max: 500)
        let now = seconds(clock.now)
        return try throughDoor(context, patient: patient, action: .write, detail: "block unit \(unit)") { db in
            try Validate.patientExists(db, patient)
            _ = try Validate.unit(db, unit)
            guard try !exists(db, "SELECT 1 FROM unit_block WHERE patient_id = ? AND unit_id = ? AND to_date IS NULL",
                              [patient.rawValue, unit.rawValue]) else {
                throw StoreError.duplicate("an active block on \(unit)")
            }
            try db.execute(sql: """
                INSERT INTO unit_block(patient_id, unit_id, from_date, reason, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, unit.rawValue, day.iso, reason, context.staffId.rawValue, now])
            return UnitBlock(id: db.lastInsertedRowID, patientId: patient, unitId: unit, from: day, to: nil,
                             reason: reason, createdBy: context.staffId)
        }
    }

    public func liftBlock(_ patient: PatientID, unit: UnitID, on day: LocalDate, as context: AccessContext) throws {
        try throughDoor(context, patient: patient, action: .write, detail: "lift block on \(unit)") { db in
            try db.execute(sql: """
                UPDATE unit_block SET to_date = max(from_date, ?) WHERE patient_id = ? AND unit_id = ? AND to_date IS NULL
                """, arguments: [day.iso, patient.rawValue, unit.rawValue])
            if db.changesCount == 0 { throw StoreError.notFound("an active block on \(unit)") }
        }
    }

    public func blocks(of patient: PatientID, as context: AccessContext) throws -> [UnitBlock] {
        try throughDoor(context, patient: patient, action: .read, detail: "blocks") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM unit_block WHERE patient_id = ? ORDER BY from_date DESC, id DESC",
                             arguments: [patient.rawValue]).map { row in
                UnitBlock(id: row["id"], patientId: patient, unitId: UnitID(rawValue: row["unit_id"]),
                          from: Decode.requiredDay(row, "from_date"), to: Decode.day(row, "to_date"),
                          reason: row["reason"], createdBy: StaffID(rawValue: row["created_by"]))
            }
        }
    }
}
