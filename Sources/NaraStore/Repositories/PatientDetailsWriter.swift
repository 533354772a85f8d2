import Foundation
import GRDB
import NaraDomain

/// Next of kin and interpreter need: administrative facts about the patient, written
/// under the same policy as the phone number and address (identity), logged naming the
/// patient, and stamped like an import so that an older file does not overwrite them.
extension SQLiteStore {
    public func setNextOfKin(_ patient: PatientID, _ people: [NextOfKin], as context: AccessContext) throws {
        let cleaned = try PatientWriteRules.nextOfKin(people)
        try writeThroughDoor(context, patient: patient, category: .identity,
                             detail: PatientWriteRules.nextOfKinDetail) { db, _ in
            try db.execute(sql: "UPDATE patient SET next_of_kin = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [Self.encodeNextOfKin(cleaned), Self.stamp(clock.now), context.staffId.rawValue,
                                       patient.rawValue])
        }
    }

    public func setInterpreter(_ patient: PatientID, _ need: InterpreterNeed?, as context: AccessContext) throws {
        try writeThroughDoor(context, patient: patient, category: .identity,
                             detail: PatientWriteRules.interpreterDetail) { db, _ in
            try db.execute(sql: "UPDATE patient SET interpreter = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [need?.language, Self.stamp(clock.now), context.staffId.rawValue, patient.rawValue])
        }
    }

    /// Corrects what the record says of the patient's death: a death recorded in error is
    /// undone, or a known day set. An import never undoes a death, so this is the one way
    /// back for a patient wrongly taken off every outreach list. The reason goes into the
    /// log row with the change.
    public func correctDeath(_ patient: PatientID, deceased: Bool, on day: LocalDate?, reason: String,
                             as context: AccessContext) throws {
        let detail = try PatientWriteRules.deathCorrection(deceased: deceased, on: day, reason: reason,
                                                           today: clock.today)
        try writeThroughDoor(context, patient: patient, category: .identity, detail: detail) { db, _ in
            try PatientWriteRules.checkDeathAfterBirth(day, born: try Row.fetchOne(
                db, sql: PatientWriteRules.birthPart.sql, arguments: ["patient": patient.rawValue]))
            try db.execute(sql: """
                UPDATE patient SET deceased = ?, deceased_on = ?, updated_at = ?, updated_by = ? WHERE id = ?
                """, arguments: [deceased, deceased ? day?.iso : nil, Self.stamp(clock.now), context.staffId.rawValue,
                                 patient.rawValue])
        }
    }

    /// The column's JSON (`PatientWriteRules.encodeNextOfKin`).
    static func encodeNextOfKin(_ people: [NextOfKin]) -> String? { PatientWriteRules.encodeNextOfKin(people) }

    private static func stamp(_ now: Date) -> Int64 { PatientWriteRules.stamp(now) }
}
