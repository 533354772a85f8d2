import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    /// A measurement taken at the user's own unit, by the user: clinical information,
    /// through the door like an encounter. The value must be in the kind's unit.
    public func recordObservation(_ observation: Observation, as context: AccessContext) throws -> Observation {
        guard observation.at <= clock.now.addingTimeInterval(3600) else {
            throw StoreError.invalid("a measurement cannot be registered in the future")
        }
        guard observation.unitId == context.unitId else {
            throw StoreError.invalid("a measurement is registered at your own unit (\(context.unitId))")
        }
        guard (observation.kind == .smoking) == (observation.smoking != nil),
              observation.kind == .smoking || observation.value != nil,
              observation.kind != .bloodPressure || observation.value2 != nil else {
            throw StoreError.invalid("\(observation.kind.rawValue) needs its value")
        }
        return try writeThroughDoor(context, patient: observation.patientId, category: .clinical,
                                    detail: "observation \(observation.kind.rawValue)") { db, _ in
            try db.execute(sql: """
                INSERT INTO observation(patient_id, kind, value, value2, smoking, at, unit_id, staff_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [observation.patientId.rawValue, observation.kind.rawValue, observation.value,
                                 observation.value2, observation.smoking?.rawValue, seconds(observation.at),
                                 observation.unitId.rawValue, context.staffId.rawValue])
            var stored = observation
            stored.id = db.lastInsertedRowID
            stored.staffId = context.staffId
            return stored
        }
    }
}
