import Foundation

/// What the store knows about the link between a patient and the user's unit
/// (vårdrelation, Patientdatalagen 4 kap 1 §). The store fills it; the policy decides.
public struct CareRelationshipFacts: Sendable, Hashable {
    /// The patient's active listing is at the user's unit.
    public var listedAtUserUnit: Bool
    /// The user is the patient's named care contact or named GP, active today.
    public var userIsNamedContact: Bool
    /// An open referral from or to the user's unit.
    public var referralWithUserUnit: Bool
    /// An open coordinated plan in which the user's unit takes part.
    public var planWithUserUnit: Bool
    /// The latest encounter at the user's unit.
    public var lastEncounterAtUserUnit: LocalDate?
    /// The patient has blocked (spärr) the user's unit.
    public var unitBlocked: Bool

    public init(listedAtUserUnit: Bool = false, userIsNamedContact: Bool = false, referralWithUserUnit: Bool = false,
                planWithUserUnit: Bool = false, lastEncounterAtUserUnit: LocalDate? = nil, unitBlocked: Bool = false) {
        self.listedAtUserUnit = listedAtUserUnit
        self.userIsNamedContact = userIsNamedContact
        self.referralWithUserUnit = referralWithUserUnit
        self.planWithUserUnit = planWithUserUnit
        self.lastEncounterAtUserUnit = lastEncounterAtUserUnit
        self.unitBlocked = unitBlocked
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

/// Why a user may open a record. Logged with every read, so a log review can see on
/// what grounds it happened.
public enum AccessBasis: String, CaseIterable, Sendable, Hashable, Codable {
    case listing
    case namedContact = "named_contact"
    case referral
    case coordinatedPlan = "coordinated_plan"
    case recentEncounter = "recent_encounter"
    /// Nödåtkomst: no relationship, a stated reason; always reviewed.
    case emergency
}

public enum AccessDenial: String, CaseIterable, Sendable, Hashable, Codable {
    /// A reason was given but is too short to tell a reviewer anything.
    case emergencyReasonRequired = "emergency_reason_required"
    /// Administrators manage staff and review logs; they never use emergency access.
    case administratorWithoutRelationship = "administrator_without_relationship"
    /// A user with no clinical role has no work that could need a record.
    case noClinicalRole = "no_clinical_role"
    case inactiveUser = "inactive_user"
}

public enum AccessDecision: Sendable, Hashable {
    case allowed(AccessBasis)
    /// The record exists, but the user may open it only through emergency access with
    /// a reason: the first of the two steps DOMAIN.md requires.
    case emergencyRequired
    case denied(AccessDenial)

    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }
}

/// Who may read a patient's record (DOMAIN.md "Access and logging").
public enum AccessPolicy {
    /// Shortest emergency reason accepted: long enough that a reviewer learns something.
    public static let minimumReasonLength = 5

    /// Decides whether a user may open a record and on what basis.
    ///
    /// A block (spärr) exists to hide what other units recorded from the blocked unit,
    /// so a blocked unit's relationship does not count: it can open the record only
    /// through emergency access, which is logged and reviewed. Filtering single records
    /// by the unit that wrote them, once opened, is a separate, later step.
    ///
    /// A user with both an administrator role and a clinical role may use emergency
    /// access through the clinical role.
    public static func decide(roles: Set<StaffRole>, active: Bool, facts: CareRelationshipFacts,
                              emergencyReason: String?, today: LocalDate,
                              settings: AccessPolicySettings = .default) -> AccessDecision {
        guard active else { return .denied(.inactiveUser) }
        if !facts.unitBlocked, let basis = relationshipBasis(facts, today: today, settings: settings) {
            return .allowed(basis)
        }
        let clinical = roles.subtracting([.administrator])
        if clinical.isEmpty {
            return .denied(roles.contains(.administrator) ? .administratorWithoutRelationship : .noClinicalRole)
        }
        let reason = emergencyReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if reason.isEmpty { return .emergencyRequired }
        guard reason.count >= minimumReasonLength else { return .denied(.emergencyReasonRequired) }
        return .allowed(.emergency)
    }

    /// The first relationship found, strongest first: the listing is the most durable
    /// tie, a past encounter the weakest.
    public static func relationshipBasis(_ facts: CareRelationshipFacts, today: LocalDate,
                                         settings: AccessPolicySettings = .default) -> AccessBasis? {
        if facts.listedAtUserUnit { return .listing }
        if facts.userIsNamedContact { return .namedContact }
        if facts.referralWithUserUnit { return .referral }
        if facts.planWithUserUnit { return .coordinatedPlan }
        if let last = facts.lastEncounterAtUserUnit,
           last >= Continuity.window(endingOn: today, months: settings.encounterRelationshipMonths).lowerBound {
            return .recentEncounter
        }
        return nil
    }
}
