import GRDB
import NaraDomain

extension SQLiteStore {
    /// Records whether the patient lives in a residential care home (SÄBO), as the
    /// municipality reports it: part of who the patient is, so written as identity.
    public func setResidentialCare(_ patient: PatientID, _ lives: Bool, as context: AccessContext) throws {
        try writeThroughDoor(context, patient: patient, category: .identity,
                             detail: PatientWriteRules.residentialCareDetail(lives)) { db, _ in
            // Stamped like the other facts of who the patient is, so that an older file
            // imported later does not overwrite it.
            try db.execute(sql: "UPDATE patient SET residential_care = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [lives, PatientWriteRules.stamp(clock.now), context.staffId.rawValue,
                                       patient.rawValue])
        }
    }
}
