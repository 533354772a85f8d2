import GRDB
import NaraDomain

extension SQLiteStore {
    /// Records whether the patient lives in a residential care home (SÄBO), as the
    /// municipality reports it: part of who the patient is, so written as identity.
    public func setResidentialCare(_ patient: PatientID, _ lives: Bool, as context: AccessContext) throws {
        try writeThroughDoor(context, patient: patient, category: .identity,
                             detail: PatientWriteRules.residentialCareDetail(lives)) { db, _ in
            try db.execute(sql: "UPDATE patient SET residential_care = ? WHERE id = ?",
                           arguments: [lives, patient.rawValue])
        }
    }
}
