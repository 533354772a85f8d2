import Foundation
import GRDB
import NaraDomain

/// The rules of recording consent and blocks, with one owner for every store: who may,
/// what is refused and in which words, and what the log row says. A store reads the
/// facts its own way, in its own transaction, and asks these in the order they are
/// written here, so both stores refuse the same request with the same error.
package enum ConsentAndBlockRules {
    /// Consent and blocks are recorded at the patient's request, by a role that may, with
    /// a care relationship: emergency access is no ground for changing them. `facts` is
    /// asked only once the role is known to suffice; it refuses a patient who does not exist.
    package static func grant(_ subject: AccessSubject, today: LocalDate, now: Date,
                              facts: () throws -> PatientAccessFacts) throws -> AccessGrant {
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        guard subject.rights.contains(.consentAndBlocks) else { throw StoreError.accessDenied(.notForRole) }
        switch AccessPolicy.decide(subject, facts: try facts(), emergencyReason: nil, today: today, now: now) {
        case .allowed(let grant): return grant
        case .emergencyRequired, .denied(.noRelationship): throw StoreError.accessDenied(.relationshipRequired)
        case .denied(let denial): throw StoreError.accessDenied(denial)
        }
    }

    /// An opening is given by a role that records blocks, or in an emergency by one with
    /// emergency access, on the grant the policy gives for reading the patient.
    package static func openingGrant(_ subject: AccessSubject, basis: BlockOpening.Basis, context: AccessContext,
                                     patient: PatientID, today: LocalDate, now: Date,
                                     facts: () throws -> PatientAccessFacts) throws -> AccessGrant {
        guard subject.rights.contains(basis == .emergency ? .emergencyAccess : .consentAndBlocks) else {
            throw StoreError.accessDenied(.notForRole)
        }
        return try SQLiteStore.granted(AccessPolicy.decide(subject, facts: try facts(),
                                                           emergencyReason: context.emergencyReason,
                                                           today: today, now: now), patient: patient)
    }

    /// An opening in an emergency carries its reason as the emergency reason of the access.
    package static func openingContext(_ context: AccessContext, basis: BlockOpening.Basis,
                                       reason: String) -> AccessContext {
        var context = context
        context.emergencyReason = basis == .emergency ? reason : nil
        return context
    }

    // MARK: Requests refused before anything is read

    /// A consent cannot end before it begins.
    package static func checkUntil(_ until: LocalDate?, today: LocalDate) throws {
        if let until, until < today { throw StoreError.refused(.consentEndsBeforeToday) }
    }

    package static func blockReason(_ reason: String) throws -> String {
        try Validate.text(reason, field: .reason, max: 500)
    }

    /// An opening's reason, cleaned, once its length in days is within the law's seven.
    package static func openingReason(_ reason: String, days: Int) throws -> String {
        let reason = try blockReason(reason)
        guard (1...BlockOpening.maximumDays).contains(days) else {
            throw StoreError.refused(.blockOpeningDays(maximum: BlockOpening.maximumDays))
        }
        return reason
    }

    // MARK: Refusals on what the store read

    /// A consent names a provider that exists, other than the user's own.
    package static func checkSource(_ source: ProviderID?, grant: AccessGrant,
                                    exists: (ProviderID) throws -> Bool) throws {
        guard let source else { return }
        guard try exists(source) else { throw StoreError.notFound("care provider \(source)") }
        guard source != grant.subject.providerId else { throw StoreError.refused(.consentForOwnInformation) }
    }

    /// A block is registered at the provider that holds the information. `unit` is the
    /// unit the scope names (it refuses one that does not exist).
    package static func requireOwnProvider(_ scope: InformationBlock.Scope, grant: AccessGrant,
                                           unit: (UnitID) throws -> CareUnit,
                                           providerExists: (ProviderID) throws -> Bool) throws {
        let provider: ProviderID
        switch scope {
        case .unit(let id): provider = try unit(id).providerId
        case .provider(let id):
            guard try providerExists(id) else { throw StoreError.notFound("care provider \(id)") }
            provider = id
        }
        guard provider == grant.subject.providerId else { throw StoreError.refused(.blockAtDocumentingProvider) }
    }

    package static func duplicateBlock(_ scope: InformationBlock.Scope) -> StoreError {
        StoreError.duplicate("an active block on \(name(scope))")
    }

    package static func noActiveBlock(_ scope: InformationBlock.Scope) -> StoreError {
        StoreError.notFound("an active block on \(name(scope))")
    }

    package static let noActiveConsent = StoreError.notFound("an active consent")

    /// The patient's active block of `scope` among `blocks`, as the facts hold them.
    package static func active(_ scope: InformationBlock.Scope, in blocks: [InformationBlock]) -> InformationBlock? {
        blocks.first { $0.scope == scope && $0.to == nil }
    }

    /// Refuses a second active block of one scope.
    package static func checkNoActive(_ scope: InformationBlock.Scope, in blocks: [InformationBlock]) throws {
        if active(scope, in: blocks) != nil { throw duplicateBlock(scope) }
    }

    /// The grantee must exist: a user (active) or a unit.
    package static func checkGrantee(_ grantee: BlockOpening.Grantee, staff: (StaffID) throws -> Staff,
                                     unit: (UnitID) throws -> CareUnit) throws {
        switch grantee {
        case .staff(let id): _ = try staff(id)
        case .unit(let id): _ = try unit(id)
        }
    }

    // MARK: What is written and logged

    /// The (unit_id, provider_id) columns of a block of `scope`.
    package static func columns(_ scope: InformationBlock.Scope) -> (unit: String?, provider: String?) {
        switch scope {
        case .unit(let id): return (id.rawValue, nil)
        case .provider(let id): return (nil, id.rawValue)
        }
    }

    /// The (for_staff, for_unit) columns of an opening for `grantee`.
    package static func columns(_ grantee: BlockOpening.Grantee) -> (staff: String?, unit: String?) {
        switch grantee {
        case .staff(let id): return (id.rawValue, nil)
        case .unit(let id): return (nil, id.rawValue)
        }
    }

    /// An opening's first and last moment, in the milliseconds stored.
    package static func openingSpan(days: Int, now: Date) -> (fromMs: Int64, untilMs: Int64) {
        (Int64(now.timeIntervalSince1970 * 1000), Int64(until(days: days, now: now).timeIntervalSince1970 * 1000))
    }

    private static func until(days: Int, now: Date) -> Date { now.addingTimeInterval(TimeInterval(days) * 86_400) }

    /// The opening as written, to give back: its moments as the clock gave them, not
    /// as the milliseconds stored.
    package static func opening(id: Int64, blockId: Int64, grantee: BlockOpening.Grantee, days: Int,
                                basis: BlockOpening.Basis, reason: String, by staff: StaffID, now: Date) -> BlockOpening {
        BlockOpening(id: id, blockId: blockId, grantee: grantee, from: now, until: until(days: days, now: now),
                     basis: basis, reason: reason, createdBy: staff)
    }

    private static func name(_ scope: InformationBlock.Scope) -> String {
        let (unit, provider) = columns(scope)
        return unit ?? provider ?? ""
    }

    static func describe(_ scope: InformationBlock.Scope) -> String {
        switch scope {
        case .unit(let id): return "unit \(id)"
        case .provider(let id): return "provider \(id)"
        }
    }

    package static func addConsentLogged(source: ProviderID?, until: LocalDate?, _ grant: AccessGrant) -> (String, Bool) {
        SQLiteStore.logged("consent to read \(source?.rawValue ?? "all other providers")"
                           + (until.map { " until \($0.iso)" } ?? ""), grant)
    }

    package static func revokeConsentLogged(source: ProviderID?, _ grant: AccessGrant) -> (String, Bool) {
        SQLiteStore.logged("revoke consent to read \(source?.rawValue ?? "all other providers")", grant)
    }

    package static func addBlockLogged(_ scope: InformationBlock.Scope, _ grant: AccessGrant) -> (String, Bool) {
        SQLiteStore.logged("block \(describe(scope))", grant)
    }

    package static func liftBlockLogged(_ scope: InformationBlock.Scope, _ grant: AccessGrant) -> (String, Bool) {
        SQLiteStore.logged("lift block \(describe(scope))", grant)
    }

    /// An emergency opening is flagged like any nödåtkomst.
    package static func openingLogged(_ scope: InformationBlock.Scope, for grantee: BlockOpening.Grantee, days: Int,
                                      basis: BlockOpening.Basis, _ grant: AccessGrant) -> (String, Bool) {
        let (staff, unit) = columns(grantee)
        return ("open block \(describe(scope)) for \(staff ?? unit ?? ""), \(days) days, \(basis.rawValue) "
                + "[\(grant.basis.rawValue)]", basis == .emergency || grant.emergency)
    }

    // MARK: Reads

    /// Every care provider, by name.
    package static let providersPart = TaggedRead.Part("providers", "SELECT * FROM care_provider", order: "name")

    /// A patient's consents, active and ended, newest first, over `:patient`.
    package static let consentsPart = TaggedRead.Part("consents", "SELECT * FROM consent WHERE patient_id = :patient",
                                                      order: "id DESC")
    /// A patient's blocks, active and lifted, over `:patient`.
    package static let blocksPart = TaggedRead.Part("blocks", "SELECT * FROM information_block WHERE patient_id = :patient",
                                                    order: "from_date DESC, id DESC")
    /// The openings of a patient's blocks, over `:patient`.
    package static let openingsPart = TaggedRead.Part("openings", """
        SELECT o.* FROM block_opening o JOIN information_block b ON b.id = o.block_id WHERE b.patient_id = :patient
        """, order: "id")

    package static let consentsDetail = "consents"
    package static let blocksDetail = "blocks"
}

extension TaggedRead.Part {
    /// The part's rows on their own, in its order, over `:patient` when it has one.
    func fetchAll(_ db: Database, patient: PatientID? = nil) throws -> [Row] {
        try Row.fetchAll(db, sql: sql + (order.map { " ORDER BY \($0)" } ?? ""),
                         arguments: patient.map { ["patient": $0.rawValue] } ?? StatementArguments())
    }
}
