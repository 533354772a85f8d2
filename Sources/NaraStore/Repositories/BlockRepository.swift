import Foundation
import GRDB
import NaraDomain

/// A patient's blocks (spärr) and their temporary openings. Each change is a write about
/// the patient and passes the door: the policy, then its log row, in one transaction.
/// The rules and their wording are `ConsentAndBlockRules`, shared with PostgreSQL.
extension SQLiteStore {
    public func addBlock(_ patient: PatientID, scope: InformationBlock.Scope, reason: String,
                         as context: AccessContext) throws -> InformationBlock {
        let reason = try ConsentAndBlockRules.blockReason(reason)
        let today = clock.today, now = seconds(clock.now)
        return try write { db in
            let grant = try consentOrBlockGrant(db, context, patient: patient)
            try Self.requireOwnProvider(db, scope: scope, grant: grant)
            let (unit, provider) = ConsentAndBlockRules.columns(scope)
            guard try !exists(db, """
                SELECT 1 FROM information_block WHERE patient_id = ? AND unit_id IS ? AND provider_id IS ? AND to_date IS NULL
                """, [patient.rawValue, unit, provider]) else {
                throw ConsentAndBlockRules.duplicateBlock(scope)
            }
            try db.execute(sql: """
                INSERT INTO information_block(patient_id, unit_id, provider_id, from_date, reason, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, unit, provider, today.iso, reason, context.staffId.rawValue, now])
            let block = InformationBlock(id: db.lastInsertedRowID, patientId: patient, scope: scope, from: today, to: nil,
                                         reason: reason, createdBy: context.staffId)
            try appendLog(db, context: context, entries: [(patient, ConsentAndBlockRules.addBlockLogged(scope, grant))],
                          action: .write)
            return block
        }
    }

    public func liftBlock(_ patient: PatientID, scope: InformationBlock.Scope, as context: AccessContext) throws {
        let today = clock.today
        try write { db in
            let grant = try consentOrBlockGrant(db, context, patient: patient)
            try Self.requireOwnProvider(db, scope: scope, grant: grant)
            let (unit, provider) = ConsentAndBlockRules.columns(scope)
            try db.execute(sql: """
                UPDATE information_block SET to_date = max(from_date, ?), lifted_by = ?
                WHERE patient_id = ? AND unit_id IS ? AND provider_id IS ? AND to_date IS NULL
                """, arguments: [today.iso, context.staffId.rawValue, patient.rawValue, unit, provider])
            if db.changesCount == 0 { throw ConsentAndBlockRules.noActiveBlock(scope) }
            try appendLog(db, context: context, entries: [(patient, ConsentAndBlockRules.liftBlockLogged(scope, grant))],
                          action: .write)
        }
    }

    /// Opens a block for one user or unit, for at most seven days, with the patient's
    /// consent or in an emergency. An emergency opening is flagged like any nödåtkomst.
    public func openBlock(_ patient: PatientID, scope: InformationBlock.Scope, for grantee: BlockOpening.Grantee,
                          days: Int, basis: BlockOpening.Basis, reason: String,
                          as context: AccessContext) throws -> BlockOpening {
        let reason = try ConsentAndBlockRules.openingReason(reason, days: days)
        let now = clock.now
        let context = ConsentAndBlockRules.openingContext(context, basis: basis, reason: reason)
        return try write { db in
            let subject = try AccessFacts.subject(db, context)
            let grant = try ConsentAndBlockRules.openingGrant(subject, basis: basis, context: context, patient: patient,
                                                              today: clock.today, now: now) {
                try Validate.patientExists(db, patient)
                return try AccessFacts.facts(db, patients: [patient.rawValue], subject: subject, today: clock.today,
                                             now: now)[patient.rawValue]!
            }
            try ConsentAndBlockRules.checkGrantee(grantee, staff: { try Validate.staff(db, $0) },
                                                  unit: { try Validate.unit(db, $0) })
            let (unit, provider) = ConsentAndBlockRules.columns(scope)
            guard let blockId = try Int64.fetchOne(db, sql: """
                SELECT id FROM information_block WHERE patient_id = ? AND unit_id IS ? AND provider_id IS ? AND to_date IS NULL
                """, arguments: [patient.rawValue, unit, provider]) else {
                throw ConsentAndBlockRules.noActiveBlock(scope)
            }
            let (fromMs, untilMs) = ConsentAndBlockRules.openingSpan(days: days, now: now)
            let (staffColumn, unitColumn) = ConsentAndBlockRules.columns(grantee)
            try db.execute(sql: """
                INSERT INTO block_opening(block_id, for_staff, for_unit, from_ms, until_ms, basis, reason, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [blockId, staffColumn, unitColumn, fromMs, untilMs, basis.rawValue, reason,
                                 context.staffId.rawValue])
            let opening = ConsentAndBlockRules.opening(id: db.lastInsertedRowID, blockId: blockId, grantee: grantee,
                                                       days: days, basis: basis, reason: reason, by: context.staffId,
                                                       now: now)
            try appendLog(db, context: context, entries: [(patient, ConsentAndBlockRules.openingLogged(
                scope, for: grantee, days: days, basis: basis, grant))], action: .write)
            return opening
        }
    }

    /// Every block of the patient, active and lifted, with their openings.
    public func blocks(of patient: PatientID,
                       as context: AccessContext) throws -> (blocks: [InformationBlock], openings: [BlockOpening]) {
        try readThroughDoor(context, patient: patient, detail: ConsentAndBlockRules.blocksDetail) { db, _ in
            (try ConsentAndBlockRules.blocksPart.fetchAll(db, patient: patient).map(Decode.block),
             try ConsentAndBlockRules.openingsPart.fetchAll(db, patient: patient).map(Decode.opening))
        }
    }

    /// Consent and blocks are recorded at the patient's request, by a role that may, with
    /// a care relationship (`ConsentAndBlockRules.grant`), on facts read here.
    func consentOrBlockGrant(_ db: Database, _ context: AccessContext, patient: PatientID) throws -> AccessGrant {
        var plain = context
        plain.emergencyReason = nil
        let subject = try AccessFacts.subject(db, plain)
        return try ConsentAndBlockRules.grant(subject, today: clock.today, now: clock.now) {
            try Validate.patientExists(db, patient)
            return try AccessFacts.facts(db, patients: [patient.rawValue], subject: subject, today: clock.today,
                                         now: clock.now)[patient.rawValue]!
        }
    }

    /// A block is registered at the provider that holds the information.
    static func requireOwnProvider(_ db: Database, scope: InformationBlock.Scope, grant: AccessGrant) throws {
        try ConsentAndBlockRules.requireOwnProvider(scope, grant: grant, unit: { try Validate.unit(db, $0) }) { id in
            try exists(db, "SELECT 1 FROM care_provider WHERE id = ?", [id.rawValue])
        }
    }
}
