import Foundation
import GRDB
import NaraDomain

/// The access policy, enforced in the door: a record is read only when the user's unit
/// has a care relationship with the patient, or through emergency access with a reason
/// (Patientdatalagen 4 kap 1 §). The facts come from the file in the same transaction
/// as the read, so they cannot be stale.
enum AccessCheck {
    /// On what basis a read may happen, and whether it is limited to what the reader's
    /// own unit recorded (a block without emergency access).
    struct Grant {
        var basis: AccessBasis
        var restrictedToOwnUnit: Bool
    }

    /// The grant for a read; throws when the read may not happen.
    static func grant(_ db: Database, patient: PatientID, context: AccessContext, today: LocalDate) throws -> Grant {
        guard let staffRow = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?",
                                              arguments: [context.staffId.rawValue]) else {
            throw StoreError.unknownStaff(context.staffId)
        }
        let staff = Decode.staff(staffRow)
        try Validate.patientExists(db, patient)
        let facts = try relationship(db, patient: patient, staff: context.staffId, unit: context.unitId, today: today)
        switch AccessPolicy.decide(roles: staff.roles, active: staff.active, facts: facts,
                                   emergencyReason: context.emergencyReason, today: today) {
        case .allowed(let basis): return Grant(basis: basis, restrictedToOwnUnit: false)
        case .emergencyRequired:
            // A blocked unit with a care relationship still sees what it recorded itself.
            if facts.unitBlocked, let basis = AccessPolicy.relationshipBasis(facts, today: today) {
                return Grant(basis: basis, restrictedToOwnUnit: true)
            }
            throw StoreError.emergencyAccessRequired(patient)
        case .denied(let denial): throw StoreError.accessDenied(denial)
        }
    }

    static func relationship(_ db: Database, patient: PatientID, staff: StaffID, unit: UnitID,
                             today: LocalDate) throws -> CareRelationshipFacts {
        let row = try Row.fetchOne(db, sql: """
            SELECT
              EXISTS (SELECT 1 FROM listing WHERE patient_id = ?1 AND unit_id = ?2 AND to_date IS NULL) AS listed,
              EXISTS (SELECT 1 FROM care_contact WHERE patient_id = ?1 AND staff_id = ?3
                        AND (to_date IS NULL OR to_date > ?4)) AS named,
              EXISTS (SELECT 1 FROM referral WHERE patient_id = ?1 AND (from_unit_id = ?2 OR to_unit_id = ?2)
                        AND state NOT IN ('rejected', 'acknowledged', 'cancelled')) AS referral,
              EXISTS (SELECT 1 FROM coordinated_plan p WHERE p.patient_id = ?1 AND p.closed_on IS NULL
                        AND (p.responsible_unit_id = ?2 OR EXISTS (SELECT 1 FROM plan_participant pp
                                                                    WHERE pp.plan_id = p.id AND pp.unit_id = ?2))) AS plan,
              (SELECT max(at) FROM encounter WHERE patient_id = ?1 AND unit_id = ?2) AS last_encounter,
              EXISTS (SELECT 1 FROM unit_block WHERE patient_id = ?1 AND unit_id = ?2 AND to_date IS NULL
                        AND from_date <= ?4) AS blocked
            """, arguments: [patient.rawValue, unit.rawValue, staff.rawValue, today.iso])
        let last = (row?["last_encounter"] as Int64?).map {
            LocalDate(date: Date(timeIntervalSince1970: TimeInterval($0)), in: .stockholm)
        }
        return CareRelationshipFacts(listedAtUserUnit: row?["listed"] ?? false, userIsNamedContact: row?["named"] ?? false,
                                     referralWithUserUnit: row?["referral"] ?? false, planWithUserUnit: row?["plan"] ?? false,
                                     lastEncounterAtUserUnit: last, unitBlocked: row?["blocked"] ?? false)
    }
}
