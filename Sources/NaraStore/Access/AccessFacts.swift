import Foundation
import GRDB
import NaraDomain

/// Reads what the access policy decides on, in the transaction of the read or write it
/// guards, so the facts cannot be stale: who is asking, and for each patient the care
/// relationship of the asker's unit, consents, blocks and openings. A fixed number of
/// statements however many patients a list holds.
enum AccessFacts {
    /// The signed-in user as the policy sees them: rights from their roles, nothing
    /// once deactivated, so an open session stops at its next action.
    static func subject(_ db: Database, _ context: AccessContext) throws -> AccessSubject {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.*, u.provider_id FROM staff s JOIN care_unit u ON u.id = ? WHERE s.id = ?
            """), arguments: [context.unitId.rawValue, context.staffId.rawValue]) else {
            throw StoreError.unknownStaff(context.staffId)
        }
        let staff = Decode.staff(row)
        return AccessSubject(staffId: staff.id, unitId: context.unitId,
                             providerId: ProviderID(rawValue: row["provider_id"] ?? ""),
                             rights: staff.rights, active: staff.active)
    }

    /// The policy's facts for each of `patients`, from the subject's side.
    static func facts(_ db: Database, patients: [Int64], subject: AccessSubject, today: LocalDate,
                      now: Date) throws -> [Int64: PatientAccessFacts] {
        guard !patients.isEmpty else { return [:] }
        let ids = Set(patients).map(String.init).joined(separator: ",")
        let unit = subject.unitId.rawValue, t = today.iso
        var result = Dictionary(uniqueKeysWithValues: Set(patients).map { ($0, PatientAccessFacts()) })
        func each(_ sql: String, _ arguments: StatementArguments = [], _ body: (inout PatientAccessFacts, Row) -> Void) throws {
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let id: Int64 = row["patient_id"]
                if result[id] != nil { body(&result[id]!, row) }
            }
        }
        try each("SELECT patient_id FROM listing WHERE unit_id = ? AND to_date IS NULL AND patient_id IN (\(ids))",
                 [unit]) { f, _ in f.relationship.listedAtUserUnit = true }
        try each("""
            SELECT patient_id FROM care_contact WHERE staff_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date > ?)
              AND patient_id IN (\(ids))
            """, [subject.staffId.rawValue, t, t]) { f, _ in f.relationship.userIsNamedContact = true }
        // A draft gives the addressee nothing; a rejected referral stays the sender's.
        try each("""
            SELECT patient_id FROM referral WHERE patient_id IN (\(ids))
              AND ((from_unit_id = ?1 AND state NOT IN ('draft', 'acknowledged', 'cancelled'))
                OR (to_unit_id = ?1 AND state NOT IN ('draft', 'rejected', 'acknowledged', 'cancelled')))
            """, [unit]) { f, _ in f.relationship.referralWithUserUnit = true }
        try each("""
            SELECT p.patient_id FROM coordinated_plan p WHERE p.patient_id IN (\(ids)) AND p.closed_on IS NULL
              AND p.consent_on IS NOT NULL
              AND (p.responsible_unit_id = ?1 OR EXISTS (SELECT 1 FROM plan_participant pp
                                                         WHERE pp.plan_id = p.id AND pp.unit_id = ?1))
            """, [unit]) { f, _ in f.relationship.planWithUserUnit = true }
        try each("""
            SELECT patient_id, max(at) AS last FROM encounter WHERE unit_id = ? AND patient_id IN (\(ids))
            GROUP BY patient_id
            """, [unit]) { f, row in
            f.relationship.lastEncounterAtUserUnit = LocalDate(
                date: Date(timeIntervalSince1970: TimeInterval(row["last"] as Int64)), in: .stockholm)
        }
        try each("SELECT * FROM consent WHERE revoked_at IS NULL AND patient_id IN (\(ids))") { f, row in
            f.consents.append(Decode.consent(row))
        }
        try each("SELECT * FROM information_block WHERE to_date IS NULL AND patient_id IN (\(ids))") { f, row in
            f.blocks.append(Decode.block(row))
        }
        try each("""
            SELECT o.*, b.patient_id FROM block_opening o JOIN information_block b ON b.id = o.block_id
            WHERE b.to_date IS NULL AND o.until_ms > ? AND b.patient_id IN (\(ids))
            """, [Int64(now.timeIntervalSince1970 * 1000)]) { f, row in f.openings.append(Decode.opening(row)) }
        let providers = try providerMap(db)
        for id in result.keys { result[id]!.providers = providers }
        return result
    }

    /// Every unit's provider: a small table, read whole.
    static func providerMap(_ db: Database) throws -> [UnitID: ProviderID] {
        var map: [UnitID: ProviderID] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, provider_id FROM care_unit")) {
            map[UnitID(rawValue: row["id"])] = ProviderID(rawValue: row["provider_id"] ?? "")
        }
        return map
    }
}
