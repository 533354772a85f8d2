import Foundation
import GRDB
import NaraDomain

/// A patient's blocks (spärr) and their temporary openings. Each change is a write about
/// the patient and passes the door: the policy, then its log row, in one transaction.
extension SQLiteStore {
    public func addBlock(_ patient: PatientID, scope: InformationBlock.Scope, reason: String,
                         as context: AccessContext) throws -> InformationBlock {
        let reason = try Validate.text(reason, field: .reason, max: 500)
        let today = clock.today, now = seconds(clock.now)
        return try write { db in
            let grant = try consentOrBlockGrant(db, context, patient: patient)
            try Self.requireOwnProvider(db, scope: scope, grant: grant)
            let (unit, provider) = Self.columns(scope)
            guard try !exists(db, """
                SELECT 1 FROM information_block WHERE patient_id = ? AND unit_id IS ? AND provider_id IS ? AND to_date IS NULL
                """, [patient.rawValue, unit, provider]) else {
                throw StoreError.duplicate("an active block on \(unit ?? provider ?? "")")
            }
            try db.execute(sql: """
                INSERT INTO information_block(patient_id, unit_id, provider_id, from_date, reason, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, unit, provider, today.iso, reason, context.staffId.rawValue, now])
            let block = InformationBlock(id: db.lastInsertedRowID, patientId: patient, scope: scope, from: today, to: nil,
                                         reason: reason, createdBy: context.staffId)
            try appendLog(db, context: context, entries: [(patient, Self.logged("block \(Self.describe(scope))", grant))],
                          action: .write)
            return block
        }
    }

    public func liftBlock(_ patient: PatientID, scope: InformationBlock.Scope, as context: AccessContext) throws {
        let today = clock.today
        try write { db in
            let grant = try consentOrBlockGrant(db, context, patient: patient)
            try Self.requireOwnProvider(db, scope: scope, grant: grant)
            let (unit, provider) = Self.columns(scope)
            try db.execute(sql: """
                UPDATE information_block SET to_date = max(from_date, ?), lifted_by = ?
                WHERE patient_id = ? AND unit_id IS ? AND provider_id IS ? AND to_date IS NULL
                """, arguments: [today.iso, context.staffId.rawValue, patient.rawValue, unit, provider])
            if db.changesCount == 0 { throw StoreError.notFound("an active block on \(unit ?? provider ?? "")") }
            try appendLog(db, context: context,
                          entries: [(patient, Self.logged("lift block \(Self.describe(scope))", grant))], action: .write)
        }
    }

    /// Opens a block for one user or unit, for at most seven days, with the patient's
    /// consent or in an emergency. An emergency opening is flagged like any nödåtkomst.
    public func openBlock(_ patient: PatientID, scope: InformationBlock.Scope, for grantee: BlockOpening.Grantee,
                          days: Int, basis: BlockOpening.Basis, reason: String,
                          as context: AccessContext) throws -> BlockOpening {
        let reason = try Validate.text(reason, field: .reason, max: 500)
        guard (1...BlockOpening.maximumDays).contains(days) else {
            throw StoreError.refused(.blockOpeningDays(maximum: BlockOpening.maximumDays))
        }
        let now = clock.now
        var context = context
        context.emergencyReason = basis == .emergency ? reason : nil
        return try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.rights.contains(basis == .emergency ? .emergencyAccess : .consentAndBlocks) else {
                throw StoreError.accessDenied(.notForRole)
            }
            try Validate.patientExists(db, patient)
            let facts = try AccessFacts.facts(db, patients: [patient.rawValue], subject: subject, today: clock.today,
                                              now: now)[patient.rawValue]!
            let grant = try Self.granted(AccessPolicy.decide(subject, facts: facts, emergencyReason: context.emergencyReason,
                                                             today: clock.today, now: now), patient: patient)
            switch grantee {
            case .staff(let id): _ = try Validate.staff(db, id)
            case .unit(let id): _ = try Validate.unit(db, id)
            }
            let (unit, provider) = Self.columns(scope)
            guard let blockId = try Int64.fetchOne(db, sql: """
                SELECT id FROM information_block WHERE patient_id = ? AND unit_id IS ? AND provider_id IS ? AND to_date IS NULL
                """, arguments: [patient.rawValue, unit, provider]) else {
                throw StoreError.notFound("an active block on \(unit ?? provider ?? "")")
            }
            let until = now.addingTimeInterval(TimeInterval(days) * 86_400)
            let (staffColumn, unitColumn): (String?, String?) = {
                switch grantee {
                case .staff(let id): return (id.rawValue, nil)
                case .unit(let id): return (nil, id.rawValue)
                }
            }()
            try db.execute(sql: """
                INSERT INTO block_opening(block_id, for_staff, for_unit, from_ms, until_ms, basis, reason, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [blockId, staffColumn, unitColumn, Int64(now.timeIntervalSince1970 * 1000),
                                 Int64(until.timeIntervalSince1970 * 1000), basis.rawValue, reason,
                                 context.staffId.rawValue])
            let opening = BlockOpening(id: db.lastInsertedRowID, blockId: blockId, grantee: grantee, from: now,
                                       until: until, basis: basis, reason: reason, createdBy: context.staffId)
            let who = staffColumn ?? unitColumn ?? ""
            try appendLog(db, context: context, entries: [(patient, (
                "open block \(Self.describe(scope)) for \(who), \(days) days, \(basis.rawValue) [\(grant.basis.rawValue)]",
                basis == .emergency || grant.emergency))], action: .write)
            return opening
        }
    }

    /// Every block of the patient, active and lifted, with their openings.
    public func blocks(of patient: PatientID,
                       as context: AccessContext) throws -> (blocks: [InformationBlock], openings: [BlockOpening]) {
        try readThroughDoor(context, patient: patient, detail: "blocks") { db, _ in
            let blocks = try Row.fetchAll(db, sql: """
                SELECT * FROM information_block WHERE patient_id = ? ORDER BY from_date DESC, id DESC
                """, arguments: [patient.rawValue]).map(Decode.block)
            let openings = try Row.fetchAll(db, sql: """
                SELECT o.* FROM block_opening o JOIN information_block b ON b.id = o.block_id
                WHERE b.patient_id = ? ORDER BY o.id
                """, arguments: [patient.rawValue]).map(Decode.opening)
            return (blocks, openings)
        }
    }

    /// Consent and blocks are recorded at the patient's request, by a role that may, with
    /// a care relationship: emergency access is no ground for changing them.
    func consentOrBlockGrant(_ db: Database, _ context: AccessContext, patient: PatientID) throws -> AccessGrant {
        var plain = context
        plain.emergencyReason = nil
        let subject = try AccessFacts.subject(db, plain)
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        guard subject.rights.contains(.consentAndBlocks) else { throw StoreError.accessDenied(.notForRole) }
        try Validate.patientExists(db, patient)
        let facts = try AccessFacts.facts(db, patients: [patient.rawValue], subject: subject, today: clock.today,
                                          now: clock.now)[patient.rawValue]!
        switch AccessPolicy.decide(subject, facts: facts, emergencyReason: nil, today: clock.today, now: clock.now) {
        case .allowed(let grant): return grant
        case .emergencyRequired, .denied(.noRelationship): throw StoreError.accessDenied(.relationshipRequired)
        case .denied(let denial): throw StoreError.accessDenied(denial)
        }
    }

    /// A block is registered at the provider that holds the information.
    static func requireOwnProvider(_ db: Database, scope: InformationBlock.Scope, grant: AccessGrant) throws {
        let provider: ProviderID
        switch scope {
        case .unit(let id): provider = try Validate.unit(db, id).providerId
        case .provider(let id):
            guard try exists(db, "SELECT 1 FROM care_provider WHERE id = ?", [id.rawValue]) else {
                throw StoreError.notFound("care provider \(id)")
            }
            provider = id
        }
        guard provider == grant.subject.providerId else {
            throw StoreError.refused(.blockAtDocumentingProvider)
        }
    }

    static func columns(_ scope: InformationBlock.Scope) -> (String?, String?) {
        switch scope {
        case .unit(let id): return (id.rawValue, nil)
        case .provider(let id): return (nil, id.rawValue)
        }
    }

    static func describe(_ scope: InformationBlock.Scope) -> String {
        switch scope {
        case .unit(let id): return "unit \(id)"
        case .provider(let id): return "provider \(id)"
        }
    }
}
