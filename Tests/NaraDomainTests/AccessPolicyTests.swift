import Testing
@testable import NaraDomain

private let today = LocalDate(iso: "2025-06-15")!
private let nurse: Set<StaffRole> = [.nurse]

private func decide(_ facts: CareRelationshipFacts, roles: Set<StaffRole> = nurse, active: Bool = true,
                    reason: String? = nil, settings: AccessPolicySettings = AccessPolicySettings()) -> AccessDecision {
    AccessPolicy.decide(roles: roles, active: active, facts: facts, emergencyReason: reason, today: today,
                        settings: settings)
}

@Test(arguments: [
    (CareRelationshipFacts(listedAtUserUnit: true), AccessBasis.listing),
    (CareRelationshipFacts(userIsNamedContact: true), .namedContact),
    (CareRelationshipFacts(referralWithUserUnit: true), .referral),
    (CareRelationshipFacts(planWithUserUnit: true), .coordinatedPlan),
    (CareRelationshipFacts(lastEncounterAtUserUnit: LocalDate(iso: "2025-01-01")!), .recentEncounter),
])
func eachRelationshipAllows(facts: CareRelationshipFacts, basis: AccessBasis) {
    #expect(decide(facts) == .allowed(basis))
}

@Test func firstBasisWins() {
    let all = CareRelationshipFacts(listedAtUserUnit: true, userIsNamedContact: true, referralWithUserUnit: true,
                                    planWithUserUnit: true, lastEncounterAtUserUnit: today)
    #expect(decide(all) == .allowed(.listing))
    let some = CareRelationshipFacts(referralWithUserUnit: true, planWithUserUnit: true, lastEncounterAtUserUnit: today)
    #expect(decide(some) == .allowed(.referral))
}

@Test func encounterRelationshipExpires() {
    let edge = today.adding(months: -18)
    #expect(decide(CareRelationshipFacts(lastEncounterAtUserUnit: edge.adding(days: 1))) == .allowed(.recentEncounter))
    #expect(decide(CareRelationshipFacts(lastEncounterAtUserUnit: edge)) == .emergencyRequired)
    let shorter = AccessPolicySettings(encounterRelationshipMonths: 6)
    #expect(decide(CareRelationshipFacts(lastEncounterAtUserUnit: LocalDate(iso: "2024-12-15")!),
                   settings: shorter) == .emergencyRequired)
    #expect(decide(CareRelationshipFacts(lastEncounterAtUserUnit: LocalDate(iso: "2024-12-16")!),
                   settings: shorter) == .allowed(.recentEncounter))
}

@Test func noRelationshipNeedsEmergencyAccess() {
    #expect(decide(CareRelationshipFacts()) == .emergencyRequired)
    #expect(decide(CareRelationshipFacts(), reason: "   \n") == .emergencyRequired)
}

@Test(arguments: [("akut", false), ("  akut  ", false), ("akut!", true),
                  ("Patienten medvetslös på akuten", true)])
func emergencyReasonLength(reason: String, allowed: Bool) {
    let expected: AccessDecision = allowed ? .allowed(.emergency) : .denied(.emergencyReasonRequired)
    #expect(decide(CareRelationshipFacts(), reason: reason) == expected)
}

@Test func blockedUnitOnlyThroughEmergency() {
    let blocked = CareRelationshipFacts(listedAtUserUnit: true, userIsNamedContact: true, unitBlocked: true)
    #expect(decide(blocked) == .emergencyRequired)
    #expect(decide(blocked, reason: "Akut försämring, kontakt saknas") == .allowed(.emergency))
    #expect(decide(blocked, roles: [.administrator]) == .denied(.administratorWithoutRelationship))
}

@Test func administratorNeverUsesEmergencyAccess() {
    #expect(decide(CareRelationshipFacts(), roles: [.administrator]) == .denied(.administratorWithoutRelationship))
    #expect(decide(CareRelationshipFacts(), roles: [.administrator], reason: "Granskning av logg")
            == .denied(.administratorWithoutRelationship))
    #expect(decide(CareRelationshipFacts(listedAtUserUnit: true), roles: [.administrator]) == .allowed(.listing))
    // Someone who is also a nurse may act as one.
    #expect(decide(CareRelationshipFacts(), roles: [.administrator, .nurse]) == .emergencyRequired)
}

@Test func userWithoutRolesHasNoEmergencyAccess() {
    #expect(decide(CareRelationshipFacts(), roles: [], reason: "Behöver läsa journalen") == .denied(.noClinicalRole))
}

@Test func inactiveUserIsAlwaysDenied() {
    #expect(decide(CareRelationshipFacts(listedAtUserUnit: true), active: false) == .denied(.inactiveUser))
    #expect(decide(CareRelationshipFacts(), active: false, reason: "Akut försämring") == .denied(.inactiveUser))
}

@Test(arguments: [StaffRole.nurse, .physician, .otherLicensed, .municipalNurse])
func everyClinicalRoleMayUseEmergencyAccess(role: StaffRole) {
    #expect(decide(CareRelationshipFacts(), roles: [role], reason: "Akut försämring") == .allowed(.emergency))
}
