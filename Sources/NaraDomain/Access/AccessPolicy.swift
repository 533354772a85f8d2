import Foundation

/// What the store knows about the link between a patient and the user's unit
/// (vårdrelation, Patientdatalagen 4 kap 1 §). The store fills it; the policy decides.
public struct CareRelationshipFacts: Sendable, Hashable {
    /// The patient's active listing is at the user's unit.
    public var listedAtUserUnit: Bool
    /// The user is the patient's named care contact or named GP, active today.
    public var userIsNamedContact: Bool
    /// A sent, open referral from or to the user's unit (a draft is none), or one the
    /// receiver rejected, which the sender keeps until someone accepts.
    public var referralWithUserUnit: Bool
    /// An open coordinated plan with the patient's consent, in which the user's unit takes part.
    public var planWithUserUnit: Bool
    /// The latest encounter at the user's unit.
    public var lastEncounterAtUserUnit: LocalDate?
    /// The day of the latest care request (vårdbegäran) at the user's unit.
    public var lastCareRequestAtUserUnit: LocalDate?
    /// A care request at the user's unit still waits for its medical assessment.
    public var openCareRequestAtUserUnit: Bool

    public init(listedAtUserUnit: Bool = false, userIsNamedContact: Bool = false, referralWithUserUnit: Bool = false,
                planWithUserUnit: Bool = false, lastEncounterAtUserUnit: LocalDate? = nil,
                lastCareRequestAtUserUnit: LocalDate? = nil, openCareRequestAtUserUnit: Bool = false) {
        self.listedAtUserUnit = listedAtUserUnit
        self.userIsNamedContact = userIsNamedContact
        self.referralWithUserUnit = referralWithUserUnit
        self.planWithUserUnit = planWithUserUnit
        self.lastEncounterAtUserUnit = lastEncounterAtUserUnit
        self.lastCareRequestAtUserUnit = lastCareRequestAtUserUnit
        self.openCareRequestAtUserUnit = openCareRequestAtUserUnit
    }
}

public struct AccessPolicySettings: Sendable, Hashable, Codable {
    /// How long an encounter keeps a care relationship alive; the same 18 months as
    /// the continuity window, so a patient seen within it stays reachable.
    public var encounterRelationshipMonths: Int

    public init(encounterRelationshipMonths: Int = 18) {
        self.encounterRelationshipMonths = encounterRelationshipMonths
    }

    public static let `default` = AccessPolicySettings()
}

/// Who is asking: the person, the unit and provider they work for, what their roles allow.
public struct AccessSubject: Sendable, Hashable {
    public var staffId: StaffID
    public var unitId: UnitID
    public var providerId: ProviderID
    public var rights: Set<Right>
    public var active: Bool

    public init(staffId: StaffID, unitId: UnitID, providerId: ProviderID, rights: Set<Right>, active: Bool = true) {
        self.staffId = staffId
        self.unitId = unitId
        self.providerId = providerId
        self.rights = rights
        self.active = active
    }

    public init(staff: Staff, unit: CareUnit) {
        self.init(staffId: staff.id, unitId: unit.id, providerId: unit.providerId, rights: staff.rights,
                  active: staff.active)
    }
}

/// Everything about one patient that decides what a subject may see: the care
/// relationship of the subject's unit, and the patient's consents, blocks and openings.
public struct PatientAccessFacts: Sendable, Hashable {
    public var relationship: CareRelationshipFacts
    public var consents: [Consent]
    public var blocks: [InformationBlock]
    public var openings: [BlockOpening]
    /// The provider of every unit the record mentions.
    public var providers: [UnitID: ProviderID]

    public init(relationship: CareRelationshipFacts = CareRelationshipFacts(), consents: [Consent] = [],
                blocks: [InformationBlock] = [], openings: [BlockOpening] = [], providers: [UnitID: ProviderID] = [:]) {
        self.relationship = relationship
        self.consents = consents
        self.blocks = blocks
        self.openings = openings
        self.providers = providers
    }
}

/// Why a user may open a record. Logged with every read, so a log review can see on
/// what grounds it happened.
public enum AccessBasis: String, CaseIterable, Sendable, Hashable, Codable {
    case listing
    case namedContact = "named_contact"
    case referral
    case coordinatedPlan = "coordinated_plan"
    case recentEncounter = "recent_encounter"
    /// The patient contacted the unit (vårdbegäran): open, or within the encounter window.
    case careRequest = "care_request"
    /// Nödåtkomst: no relationship, a stated reason; always reviewed.
    case emergency
}

public enum AccessDenial: String, CaseIterable, Sendable, Hashable, Codable {
    /// A reason was given but is too short to tell a reviewer anything.
    case emergencyReasonRequired = "emergency_reason_required"
    /// Administrators manage staff and review logs; they read no record.
    case administratorWithoutRelationship = "administrator_without_relationship"
    /// None of the user's roles reads patient information.
    case noClinicalRole = "no_clinical_role"
    case inactiveUser = "inactive_user"
    /// The user's roles do not allow this kind of information or this change.
    case notForRole = "not_for_role"
    /// No care relationship, and the user's roles give no emergency access.
    case noRelationship = "no_relationship"
    /// The change would give someone a lasting relationship, and emergency access is no
    /// basis for that: appointing oneself named contact after a nödåtkomst, for one.
    case relationshipRequired = "relationship_required"
}

/// Whether one fact is shown to the subject, and if not, why.
public enum FactVisibility: Sendable, Hashable {
    case visible
    case notForRole
    /// Blocked (spärr) by the patient: the subject sees that it exists.
    case blocked
    /// Documented by another provider; needs the patient's consent or emergency access.
    case needsConsent(ProviderID)
}

/// A subject's access to one patient, once the policy has let them in: what they may
/// see of each fact, and the basis that goes into the log row.
public struct AccessGrant: Sendable, Hashable {
    public var subject: AccessSubject
    public var facts: PatientAccessFacts
    public var basis: AccessBasis
    public var today: LocalDate
    public var now: Date

    public var emergency: Bool { basis == .emergency }

    public init(subject: AccessSubject, facts: PatientAccessFacts, basis: AccessBasis, today: LocalDate, now: Date) {
        self.subject = subject
        self.facts = facts
        self.basis = basis
        self.today = today
        self.now = now
    }

    /// One owner for the three layers of DOMAIN.md: role, then the patient's blocks, then
    /// provider and consent. A block wins over consent and over emergency access; only a
    /// temporary opening lifts it.
    public func visibility(_ category: InformationCategory, documentedAt unit: UnitID?) -> FactVisibility {
        guard subject.rights.contains(.read(category)) else { return .notForRole }
        guard category != .identity, let unit else { return .visible }
        let provider = facts.providers[unit] ?? ProviderID.derived(from: unit)
        for block in facts.blocks where block.isActive(on: today)
            && block.hides(documentedAt: unit, of: provider, fromReaderAt: subject.unitId, of: subject.providerId) {
            let opened = facts.openings.contains {
                $0.opens(block, for: subject.staffId, at: subject.unitId, now: now)
            }
            if !opened { return .blocked }
        }
        if provider != subject.providerId && !emergency
            && !facts.consents.contains(where: { $0.covers(reader: subject.providerId, source: provider, on: today) }) {
            return .needsConsent(provider)
        }
        return .visible
    }

    public func sees(_ category: InformationCategory, documentedAt unit: UnitID?) -> Bool {
        visibility(category, documentedAt: unit) == .visible
    }
}

public enum AccessDecision: Sendable, Hashable {
    case allowed(AccessGrant)
    /// The record exists, but the user may open it only through emergency access with
    /// a reason: the first of the two steps DOMAIN.md requires.
    case emergencyRequired
    case denied(AccessDenial)

    public var grant: AccessGrant? {
        if case .allowed(let grant) = self { return grant }
        return nil
    }

    public var basis: AccessBasis? { grant?.basis }
}

/// Who may read and write a patient's information (DOMAIN.md "Access and logging").
/// Every store asks this, for every read and every write, with facts it read in the
/// same transaction.
public enum AccessPolicy {
    /// Shortest emergency reason accepted: long enough that a reviewer learns something.
    public static let minimumReasonLength = 5

    /// Whether a subject may read a patient's information at all, and on what basis.
    /// A relationship is looked at only once the role allows reading a patient.
    public static func decide(_ subject: AccessSubject, facts: PatientAccessFacts, emergencyReason: String?,
                              today: LocalDate, now: Date, settings: AccessPolicySettings = .default) -> AccessDecision {
        guard subject.active else { return .denied(.inactiveUser) }
        guard !subject.rights.isDisjoint(with: Right.patientRights) else {
            return .denied(subject.rights.contains(.administration) ? .administratorWithoutRelationship : .noClinicalRole)
        }
        if let basis = relationshipBasis(facts.relationship, today: today, settings: settings) {
            return .allowed(AccessGrant(subject: subject, facts: facts, basis: basis, today: today, now: now))
        }
        guard subject.rights.contains(.emergencyAccess) else { return .denied(.noRelationship) }
        let reason = emergencyReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if reason.isEmpty { return .emergencyRequired }
        guard reason.count >= minimumReasonLength else { return .denied(.emergencyReasonRequired) }
        return .allowed(AccessGrant(subject: subject, facts: facts, basis: .emergency, today: today, now: now))
    }

    /// Whether a subject may find patients and see who they are (a search, the line that
    /// says whose record a dialog is about): an active user whose roles read identity.
    /// Nil when allowed. No care relationship is asked for: finding comes before one.
    public static func decideIdentification(_ subject: AccessSubject) -> AccessDenial? {
        guard subject.active else { return .inactiveUser }
        guard subject.rights.contains(.readIdentity) else { return .notForRole }
        return nil
    }

    /// Whether a subject may write information of `category` about the patient. Writes
    /// need the write right and a basis like a read; a write under emergency access is
    /// allowed and flagged, except one that would create a lasting relationship.
    public static func decideWrite(_ category: InformationCategory, grantsRelationship: Bool = false,
                                   _ subject: AccessSubject, facts: PatientAccessFacts, emergencyReason: String?,
                                   today: LocalDate, now: Date,
                                   settings: AccessPolicySettings = .default) -> AccessDecision {
        guard subject.active else { return .denied(.inactiveUser) }
        guard subject.rights.contains(.write(category)) else { return .denied(.notForRole) }
        let decision = decide(subject, facts: facts, emergencyReason: emergencyReason, today: today, now: now,
                              settings: settings)
        if grantsRelationship, decision.basis == .emergency { return .denied(.relationshipRequired) }
        return decision
    }

    /// The first relationship found, strongest first: the listing is the most durable
    /// tie, a past encounter the weakest.
    public static func relationshipBasis(_ facts: CareRelationshipFacts, today: LocalDate,
                                         settings: AccessPolicySettings = .default) -> AccessBasis? {
        if facts.listedAtUserUnit { return .listing }
        if facts.userIsNamedContact { return .namedContact }
        if facts.referralWithUserUnit { return .referral }
        if facts.planWithUserUnit { return .coordinatedPlan }
        let windowStart = Continuity.window(endingOn: today, months: settings.encounterRelationshipMonths).lowerBound
        if let last = facts.lastEncounterAtUserUnit, last >= windowStart { return .recentEncounter }
        if facts.openCareRequestAtUserUnit { return .careRequest }
        if let last = facts.lastCareRequestAtUserUnit, last >= windowStart { return .careRequest }
        return nil
    }
}
