import GRDB
import NaraDomain

extension SQLiteStore {
    /// An examination of a yearly check done at the user's unit (eye screening, foot
    /// examination, spirometry): clinical information, through the door like an encounter.
    public func recordCheckDone(_ patient: PatientID, item: CheckItem, on day: LocalDate,
                                as context: AccessContext) throws -> CheckDone {
        try PatientWriteRules.checkCheckDone(item, on: day, today: clock.today)
        return try writeThroughDoor(context, patient: patient, category: .clinical,
                                    detail: PatientWriteRules.checkDoneDetail(item)) { db, _ in
            try db.execute(sql: """
                INSERT INTO check_done(patient_id, item, done_on, unit_id, staff_id) VALUES (?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, item.rawValue, day.iso, context.unitId.rawValue,
                                 context.staffId.rawValue])
            return CheckDone(item: item, on: day, unitId: context.unitId)
        }
    }
}
