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
        if patients.count == 1 {
            return [patients[0]: try facts(db, patient: patients[0], subject: subject, today: today, now: now)]
        }
        let ids = Set(patients).map(String.init).joined(separator: ",")
        let unit = subject.unitId.rawValue, t = today.iso
        var result = Dictionary(uniqueKeysWithValues: Set(patients).map { ($0, PatientAccessFacts()) })
        func each(_ sql: String, _ arguments: StatementArguments = [], _ body: (inout PatientAccessFacts, Row) -> Void) throws {
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let id: Int64 = row["patient_id"]
                if result[id] != nil { body(&result[id]!, row) }
            }
        }
        let named: StatementArguments = ["unit": unit, "staff": subject.staffId.rawValue, "today": t]
        let batch = "IN (\(ids))"
        try each("SELECT patient_id " + Basis.listing.from(batch), named) { f, _ in f.relationship.listedAtUserUnit = true }
        try each("SELECT patient_id " + Basis.namedContact.from(batch), named) { f, _ in
            f.relationship.userIsNamedContact = true
        }
        try each("SELECT patient_id " + Basis.referral.from(batch), named) { f, _ in
            f.relationship.referralWithUserUnit = true
        }
        try each("SELECT p.patient_id " + Basis.plan.from(batch), named) { f, _ in f.relationship.planWithUserUnit = true }
        try each("SELECT patient_id, max(at) AS last " + Basis.encounter.from(batch) + " GROUP BY patient_id", named) { f, row in
            f.relationship.lastEncounterAtUserUnit = LocalDate(
                date: Date(timeIntervalSince1970: TimeInterval(row["last"] as Int64)), in: .stockholm)
        }
        try each("SELECT patient_id, max(registered_on) AS last, max(assessed_at IS NULL) AS open "
                 + Basis.careRequest.from(batch) + " GROUP BY patient_id", named) { f, row in
            f.relationship.lastCareRequestAtUserUnit = LocalDate(iso: row["last"] ?? "")
            f.relationship.openCareRequestAtUserUnit = row["open"] ?? false
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

    /// One patient, as a record is opened: the relationship in one prepared statement,
    /// then the patient's consents, blocks and openings (usually none).
    static func facts(_ db: Database, patient: Int64, subject: AccessSubject, today: LocalDate,
                      now: Date) throws -> PatientAccessFacts {
        var f = PatientAccessFacts()
        let one = "= :patient"
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 \(Basis.listing.from(one))), EXISTS (SELECT 1 \(Basis.namedContact.from(one))),
                   EXISTS (SELECT 1 \(Basis.referral.from(one))), EXISTS (SELECT 1 \(Basis.plan.from(one))),
                   (SELECT max(at) \(Basis.encounter.from(one))),
                   (SELECT max(registered_on) \(Basis.careRequest.from(one))),
                   EXISTS (SELECT 1 \(Basis.careRequest.from(one)) AND assessed_at IS NULL)
            """), arguments: ["patient": patient, "unit": subject.unitId.rawValue, "staff": subject.staffId.rawValue,
                              "today": today.iso])
        f.relationship = CareRelationshipFacts(
            listedAtUserUnit: row?[0] ?? false, userIsNamedContact: row?[1] ?? false,
            referralWithUserUnit: row?[2] ?? false, planWithUserUnit: row?[3] ?? false,
            lastEncounterAtUserUnit: (row?[4] as Int64?).map {
                LocalDate(date: Date(timeIntervalSince1970: TimeInterval($0)), in: .stockholm)
            },
            lastCareRequestAtUserUnit: (row?[5] as String?).flatMap(LocalDate.init(iso:)),
            openCareRequestAtUserUnit: row?[6] ?? false)
        f.consents = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM consent WHERE patient_id = ? AND revoked_at IS NULL
            """), arguments: [patient]).map(Decode.consent)
        f.blocks = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM information_block WHERE patient_id = ? AND to_date IS NULL
            """), arguments: [patient]).map(Decode.block)
        if !f.blocks.isEmpty {
            f.openings = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT o.* FROM block_opening o JOIN information_block b ON b.id = o.block_id
                WHERE b.patient_id = ? AND b.to_date IS NULL AND o.until_ms > ?
                """), arguments: [patient, Int64(now.timeIntervalSince1970 * 1000)]).map(Decode.opening)
        }
        f.providers = try providerMap(db)
        return f
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

/// Where each care relationship is found (DOMAIN.md "Access and logging"), written once
/// for one patient and for a list of them: `from(patients)` completes
/// `FROM … WHERE patient_id <patients> AND …`, with `:unit`, `:staff` and `:today`.
enum Basis {
    case listing, namedContact, referral, plan, encounter, careRequest

    func from(_ patients: String) -> String {
        switch self {
        case .listing:
            return "FROM listing WHERE patient_id \(patients) AND unit_id = :unit AND to_date IS NULL"
        case .namedContact:
            return """
                FROM care_contact WHERE patient_id \(patients) AND staff_id = :staff AND from_date <= :today
                  AND (to_date IS NULL OR to_date > :today)
                """
        case .referral:
            // A draft gives the addressee nothing; a rejected referral stays the sender's.
            return """
                FROM referral WHERE patient_id \(patients)
                  AND ((from_unit_id = :unit AND state NOT IN ('draft', 'acknowledged', 'cancelled'))
                    OR (to_unit_id = :unit AND state NOT IN ('draft', 'rejected', 'acknowledged', 'cancelled')))
                """
        case .plan:
            // A plan is a relationship only with the person's consent.
            return """
                FROM coordinated_plan p WHERE p.patient_id \(patients) AND p.closed_on IS NULL
                  AND p.consent_on IS NOT NULL
                  AND (p.responsible_unit_id = :unit OR EXISTS (SELECT 1 FROM plan_participant pp
                                                               WHERE pp.plan_id = p.id AND pp.unit_id = :unit))
                """
        case .encounter:
            return "FROM encounter WHERE patient_id \(patients) AND unit_id = :unit AND annulled_at IS NULL"
        case .careRequest:
            return "FROM care_request WHERE patient_id \(patients) AND unit_id = :unit"
        }
    }
}
