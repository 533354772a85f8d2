import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// Consents and blocks on PostgreSQL, through the door (`PostgresDoor.swift`), with the
/// rules, refusals and log rows of the SQLite store (`ConsentAndBlockRules`): a request
/// refused on one store is refused on the other with the same error, and a change logs
/// the same row.
///
/// Statements, each a round trip (`client.statementsSent`): a change is five (BEGIN, the
/// patient's lock, the facts, the change with its log row, COMMIT); one refused on what
/// was read is four (ROLLBACK for the last two), one refused on the request alone (a
/// reason too long, an opening too long, a consent ending yesterday) none. A read is two
/// (the facts with the rows, the log row); refused, one. `providers()` is one.
extension PostgresStore: ConsentAndBlockStore {
    public func providers() throws -> [CareProvider] {
        let rows = try JSONRows.parts(client.query(PostgresQuery(unsafeSQL: Self.providersSQL)))
        return (rows[ConsentAndBlockRules.providersPart.name] ?? []).map(Decode.provider)
    }

    public func consents(of patient: PatientID, as context: AccessContext) throws -> [Consent] {
        try readThroughDoor(context, patient: patient, detail: ConsentAndBlockRules.consentsDetail,
                            sql: Self.consentsSQL) { read, _ in
            (read.rows[ConsentAndBlockRules.consentsPart.name] ?? []).map(Decode.consent)
        }
    }

    public func blocks(of patient: PatientID,
                       as context: AccessContext) throws -> (blocks: [InformationBlock], openings: [BlockOpening]) {
        try readThroughDoor(context, patient: patient, detail: ConsentAndBlockRules.blocksDetail,
                            sql: Self.blocksSQL) { read, _ in
            ((read.rows[ConsentAndBlockRules.blocksPart.name] ?? []).map(Decode.block),
             (read.rows[ConsentAndBlockRules.openingsPart.name] ?? []).map(Decode.opening))
        }
    }

    public func addConsent(_ patient: PatientID, source: ProviderID?, until: LocalDate?,
                           as context: AccessContext) throws -> Consent {
        let today = clock.today, now = clock.now
        try ConsentAndBlockRules.checkUntil(until, today: today)
        return try writeThroughDoor(context, patient: patient, named: (nil, source?.rawValue, nil),
                                    decide: consentOrBlockGrant) { read, grant in
            try ConsentAndBlockRules.checkSource(source, grant: grant) { _ in read.first("named_provider") != nil }
            return DoorWork(query: """
                INSERT INTO nara.consent(patient_id, grantee_provider_id, source_provider_id, from_date, until_date,
                                         recorded_by, recorded_at)
                VALUES (\(patient.rawValue), \(grant.subject.providerId.rawValue), \(source?.rawValue), \(today.iso),
                        \(until?.iso), \(context.staffId.rawValue), \(seconds(now)))
                RETURNING *
                """, logged: ConsentAndBlockRules.addConsentLogged(source: source, until: until, grant)) { rows in
                Decode.consent(rows[0])
            }
        }
    }

    @discardableResult
    public func revokeConsent(_ patient: PatientID, source: ProviderID?, as context: AccessContext) throws -> Int {
        let now = clock.now
        return try writeThroughDoor(context, patient: patient, decide: consentOrBlockGrant) { read, grant in
            let provider = grant.subject.providerId
            guard try read.facts().consents.contains(where: {
                $0.granteeProviderId == provider && (source == nil || $0.sourceProviderId == source)
            }) else { throw ConsentAndBlockRules.noActiveConsent }
            return DoorWork(query: """
                UPDATE nara.consent SET revoked_at = \(seconds(now)), revoked_by = \(context.staffId.rawValue)
                 WHERE patient_id = \(patient.rawValue) AND grantee_provider_id = \(provider.rawValue)
                   AND revoked_at IS NULL AND (\(source?.rawValue)::text IS NULL OR source_provider_id = \(source?.rawValue))
                RETURNING id
                """, logged: ConsentAndBlockRules.revokeConsentLogged(source: source, grant)) { rows in
                guard !rows.isEmpty else { throw ConsentAndBlockRules.noActiveConsent }
                return rows.count
            }
        }
    }

    public func addBlock(_ patient: PatientID, scope: InformationBlock.Scope, reason: String,
                         as context: AccessContext) throws -> InformationBlock {
        let reason = try ConsentAndBlockRules.blockReason(reason)
        let today = clock.today, now = seconds(clock.now)
        let (unit, provider) = ConsentAndBlockRules.columns(scope)
        return try writeThroughDoor(context, patient: patient, named: (unit, provider, nil),
                                    decide: consentOrBlockGrant) { read, grant in
            try Self.requireOwnProvider(scope, grant: grant, read)
            try ConsentAndBlockRules.checkNoActive(scope, in: read.facts().blocks)
            return DoorWork(query: """
                INSERT INTO nara.information_block(patient_id, unit_id, provider_id, from_date, reason, created_by,
                                                   created_at)
                VALUES (\(patient.rawValue), \(unit), \(provider), \(today.iso), \(reason), \(context.staffId.rawValue),
                        \(now))
                RETURNING *
                """, logged: ConsentAndBlockRules.addBlockLogged(scope, grant)) { rows in Decode.block(rows[0]) }
        }
    }

    public func liftBlock(_ patient: PatientID, scope: InformationBlock.Scope, as context: AccessContext) throws {
        let today = clock.today
        let (unit, provider) = ConsentAndBlockRules.columns(scope)
        try writeThroughDoor(context, patient: patient, named: (unit, provider, nil),
                             decide: consentOrBlockGrant) { read, grant in
            try Self.requireOwnProvider(scope, grant: grant, read)
            guard let block = ConsentAndBlockRules.active(scope, in: try read.facts().blocks) else {
                throw ConsentAndBlockRules.noActiveBlock(scope)
            }
            return DoorWork(query: """
                UPDATE nara.information_block SET to_date = GREATEST(from_date, \(today.iso)),
                       lifted_by = \(context.staffId.rawValue)
                 WHERE id = \(block.id) AND to_date IS NULL
                RETURNING id
                """, logged: ConsentAndBlockRules.liftBlockLogged(scope, grant)) { rows in
                if rows.isEmpty { throw ConsentAndBlockRules.noActiveBlock(scope) }
            }
        }
    }

    /// Opens a block for one user or unit, for at most seven days, with the patient's
    /// consent or in an emergency (`ConsentAndBlockRules.openingGrant`).
    public func openBlock(_ patient: PatientID, scope: InformationBlock.Scope, for grantee: BlockOpening.Grantee,
                          days: Int, basis: BlockOpening.Basis, reason: String,
                          as context: AccessContext) throws -> BlockOpening {
        let reason = try ConsentAndBlockRules.openingReason(reason, days: days)
        let today = clock.today, now = clock.now
        let context = ConsentAndBlockRules.openingContext(context, basis: basis, reason: reason)
        let (staff, unit) = ConsentAndBlockRules.columns(grantee)
        return try writeThroughDoor(context, patient: patient, named: (unit, nil, staff), decide: { read in
            try ConsentAndBlockRules.openingGrant(read.subject(), basis: basis, context: context, patient: patient,
                                                  today: today, now: now) { try read.facts() }
        }) { read, grant in
            try ConsentAndBlockRules.checkGrantee(grantee, staff: { try Validate.staff(read.first("named_staff"), $0) },
                                                  unit: { try Validate.unit(read.first("named_unit"), $0) })
            guard let block = ConsentAndBlockRules.active(scope, in: try read.facts().blocks) else {
                throw ConsentAndBlockRules.noActiveBlock(scope)
            }
            let (fromMs, untilMs) = ConsentAndBlockRules.openingSpan(days: days, now: now)
            return DoorWork(query: """
                INSERT INTO nara.block_opening(block_id, for_staff, for_unit, from_ms, until_ms, basis, reason, created_by)
                VALUES (\(block.id), \(staff), \(unit), \(fromMs), \(untilMs), \(basis.rawValue), \(reason),
                        \(context.staffId.rawValue))
                RETURNING id
                """, logged: ConsentAndBlockRules.openingLogged(scope, for: grantee, days: days, basis: basis, grant)) {
                rows in ConsentAndBlockRules.opening(id: rows[0]["id"], blockId: block.id, grantee: grantee, days: days,
                                                     basis: basis, reason: reason, by: context.staffId, now: now)
            }
        }
    }

    /// `ConsentAndBlockRules.grant` on what the door read.
    private func consentOrBlockGrant(_ read: DoorRead) throws -> AccessGrant {
        try ConsentAndBlockRules.grant(read.subject(), today: clock.today, now: clock.now) { try read.facts() }
    }

    /// `ConsentAndBlockRules.requireOwnProvider` on the unit or provider the door read.
    private static func requireOwnProvider(_ scope: InformationBlock.Scope, grant: AccessGrant, _ read: DoorRead) throws {
        try ConsentAndBlockRules.requireOwnProvider(scope, grant: grant,
                                                    unit: { try Validate.unit(read.first("named_unit"), $0) },
                                                    providerExists: { _ in read.first("named_provider") != nil })
    }

    static let providersSQL = PostgresRecordSQL.union([PostgresRecordSQL.translated(ConsentAndBlockRules.providersPart)])
    static let consentsSQL = PostgresDoorSQL.read([ConsentAndBlockRules.consentsPart])
    static let blocksSQL = PostgresDoorSQL.read([ConsentAndBlockRules.blocksPart, ConsentAndBlockRules.openingsPart])
}
