import GRDB
import NaraDomain

extension SQLiteStore {
    /// An examination of a yearly check done at the user's unit (eye screening, foot
    /// examination, spirometry): clinical information, through the door like an encounter.
    public func recordCheckDone(_ patient: PatientID, item: CheckItem, on day: LocalDate,
                                as context: AccessContext) throws -> CheckDone {
        guard item.observation == nil else {
            throw StoreError.invalid("\(item.rawValue) is a measurement: record it as an observation")
        }
        guard day <= clock.today else { throw StoreError.invalid("an examination cannot be recorded in the future") }
        return try writeThroughDoor(context, patient: patient, category: .clinical, detail: "check \(item.rawValue)") { db, _ in
            try db.execute(sql: """
                INSERT INTO check_done(patient_id, item, done_on, unit_id, staff_id) VALUES (?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, item.rawValue, day.iso, context.unitId.rawValue,
                                 context.staffId.rawValue])
            return CheckDone(item: item, on: day, unitId: context.unitId)
        }
    }
}
