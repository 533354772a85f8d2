import GRDB
import NaraDomain

extension ImportRun {
    /// An admission notice from the ward's Encounter: recorded at the vårdcentral where
    /// the patient is listed, by the staff member importing, as if entered on screen.
    mutating func insertAdmissionNotice(_ item: Exchanged<DischargeNotice>, patient: Int64) throws -> Int64 {
        let n = item.value
        guard let listed: String = try db.rows("""
            SELECT l.unit_id FROM listing l JOIN care_unit u ON u.id = l.unit_id
            WHERE l.patient_id = ? AND l.to_date IS NULL AND u.kind = 'primary_care'
            """, [patient]).first?["unit_id"] else {
            throw ImportError(origin: item.origin,
                              problem: "an admission notice goes to the vårdcentral where the patient is listed, and the patient is listed at none")
        }
        guard try !db.rows("SELECT 1 FROM staff WHERE id = ?", [editor]).isEmpty else {
            throw ImportError(origin: item.origin, problem: "an admission notice is recorded by a staff member: name one with --user")
        }
        return try db.insert("""
            INSERT INTO discharge_notice(patient_id, ward_unit_id, unit_id, admitted_on, expected_discharge_on, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [patient, try unitId(n.wardUnitId, item.origin), listed, n.admittedOn.iso,
                             n.expectedDischargeOn?.iso, editor])
    }
}
