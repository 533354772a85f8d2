import Foundation
import Testing
@testable import NaraDomain

private let today = LocalDate(iso: "2025-06-15")!
private let now = today.noon(in: .stockholm)
private let region: ProviderID = "SE2321000164"
private let municipality: ProviderID = "SE2120001843"
private let vc: UnitID = "SE2321000164-vc01"
private let psychiatry: UnitID = "SE2321000164-psy1"
private let homeCare: UnitID = "SE2120001843-hs01"
private let providers: [UnitID: ProviderID] = [vc: region, psychiatry: region, homeCare: municipality]

private func subject(_ roles: Set<StaffRole> = [.nurse], unit: UnitID = vc, active: Bool = true,
                     staff: StaffID = "karin.berg") -> AccessSubject {
    AccessSubject(staffId: staff, unitId: unit, providerId: providers[unit]!, rights: RoleCatalog.rights(roles),
                  active: active)
}

private func facts(_ relationship: CareRelationshipFacts = CareRelationshipFacts(listedAtUserUnit: true),
                   consents: [Consent] = [], blocks: [InformationBlock] = [],
                   openings: [BlockOpening] = []) -> PatientAccessFacts {
    PatientAccessFacts(relationship: relationship, consents: consents, blocks: blocks, openings: openings,
                       providers: providers)
}

private func decide(_ f: CareRelationshipFacts, roles: Set<StaffRole> = [.nurse], active: Bool = true,
                    reason: String? = nil, settings: AccessPolicySettings = AccessPolicySettings()) -> AccessDecision {
    AccessPolicy.decide(subject(roles, active: active), facts: facts(f), emergencyReason: reason, today: today, now: now,
                        settings: settings)
}

private func consent(source: ProviderID? = nil, until: LocalDate? = nil, revoked: Bool = false) -> Consent {
    Consent(id: 1, patientId: PatientID(1), granteeProviderId: municipality, sourceProviderId: source,
            from: today.adding(days: -10), until: until, recordedBy: "lena.ek", recordedAt: now,
            revokedAt: revoked ? now : nil)
}

private func block(_ scope: InformationBlock.Scope) -> InformationBlock {
    InformationBlock(id: 7, patientId: PatientID(1), scope: scope, from: today.adding(days: -3), to: nil,
                     reason: "Patientens önskan", createdBy: "x")
}

@Test(arguments: [
    (CareRelationshipFacts(listedAtUserUnit: true), AccessBasis.listing),
    (CareRelationshipFacts(userIsNamedContact: true), .namedContact),
    (CareRelationshipFacts(referralWithUserUnit: true), .referral),
    (CareRelationshipFacts(planWithUserUnit: true), .coordinatedPlan),
    (CareRelationshipFacts(lastEncounterAtUserUnit: LocalDate(iso: "2025-01-01")!), .recentEncounter),
    (CareRelationshipFacts(openCareRequestAtUserUnit: true), .careRequest),
    (CareRelationshipFacts(lastCareRequestAtUserUnit: LocalDate(iso: "2025-01-01")!), .careRequest),
])
func eachRelationshipAllows(facts: CareRelationshipFacts, basis: AccessBasis) {
    #expect(decide(facts).basis == basis)
}

@Test func firstBasisWins() {
    let all = CareRelationshipFacts(listedAtUserUnit: true, userIsNamedContact: true, referralWithUserUnit: true,
                                    planWithUserUnit: true, lastEncounterAtUserUnit: today)
    #expect(decide(all).basis == .listing)
    let some = CareRelationshipFacts(referralWithUserUnit: true, planWithUserUnit: true, lastEncounterAtUserUnit: today)
    #expect(decide(some).basis == .referral)
}

@Test func encounterRelationshipExpires() {
    let edge = today.adding(months: -18)
    #expect(decide(CareRelationshipFacts(lastEncounterAtUserUnit: edge.adding(days: 1))).basis == .recentEncounter)
    #expect(decide(CareRelationshipFacts(lastEncounterAtUserUnit: edge)) == .emergencyRequired)
    let shorter = AccessPolicySettings(encounterRelationshipMonths: 6)
    #expect(decide(CareRelationshipFacts(lastEncounterAtUserUnit: LocalDate(iso: "2024-12-15")!),
                   settings: shorter) == .emergencyRequired)
    #expect(decide(CareRelationshipFacts(lastEncounterAtUserUnit: LocalDate(iso: "2024-12-16")!),
                   settings: shorter).basis == .recentEncounter)
}

/// A contact with the unit is a relationship while it is open, and for as long as an
/// encounter would be once it is assessed.
@Test func careRequestRelationshipExpiresLikeAnEncounterUnlessOpen() {
    let edge = today.adding(months: -18)
    #expect(decide(CareRelationshipFacts(lastCareRequestAtUserUnit: edge.adding(days: 1))).basis == .careRequest)
    #expect(decide(CareRelationshipFacts(lastCareRequestAtUserUnit: edge)) == .emergencyRequired)
    #expect(decide(CareRelationshipFacts(lastCareRequestAtUserUnit: edge, openCareRequestAtUserUnit: true)).basis
        == .careRequest)
    #expect(decide(CareRelationshipFacts(lastEncounterAtUserUnit: today, lastCareRequestAtUserUnit: today)).basis
        == .recentEncounter)
}

@Test func noRelationshipNeedsEmergencyAccessWithAReason() {
    #expect(decide(CareRelationshipFacts()) == .emergencyRequired)
    #expect(decide(CareRelationshipFacts(), reason: "   \n") == .emergencyRequired)
    #expect(decide(CareRelationshipFacts(), reason: "akut") == .denied(.emergencyReasonRequired))
    let grant = decide(CareRelationshipFacts(), reason: "akut!").grant
    #expect(grant?.basis == .emergency && grant?.emergency == true)
}

/// The role is looked at before any relationship (security review H1).
@Test func rolesComeBeforeRelationships() {
    let listed = CareRelationshipFacts(listedAtUserUnit: true)
    #expect(decide(listed, roles: [.administrator]) == .denied(.administratorWithoutRelationship))
    #expect(decide(listed, roles: [.administrator], reason: "Granskning av logg") == .denied(.administratorWithoutRelationship))
    #expect(decide(listed, roles: []) == .denied(.noClinicalRole))
    #expect(decide(listed, roles: [.logReviewer]) == .denied(.noClinicalRole))
    #expect(decide(listed, active: false) == .denied(.inactiveUser))
    // Roles without emergency access stop at a missing relationship.
    for role in [StaffRole.secretary, .assistantNurse, .careCoordinator, .socialServices] {
        #expect(decide(CareRelationshipFacts(), roles: [role], reason: "Behöver läsa journalen") == .denied(.noRelationship))
    }
    for role in [StaffRole.nurse, .physician, .otherLicensed, .municipalNurse] {
        #expect(decide(CareRelationshipFacts(), roles: [role], reason: "Akut försämring").basis == .emergency)
    }
}

@Test func eachRoleSeesItsKindsOfInformation() throws {
    func sees(_ role: StaffRole) throws -> [InformationCategory] {
        let grant = try #require(decide(CareRelationshipFacts(listedAtUserUnit: true), roles: [role]).grant)
        return InformationCategory.allCases.filter { grant.sees($0, documentedAt: vc) }
    }
    #expect(try sees(.nurse) == [.identity, .coordination, .clinical])
    #expect(try sees(.secretary) == [.identity, .coordination])
    #expect(try sees(.careCoordinator) == [.identity, .coordination])
    #expect(try sees(.socialServices) == [.identity])
    #expect(try sees(.assistantNurse) == [.identity, .coordination, .clinical])
}

/// Another provider's information needs consent (security review: a municipal nurse
/// read the region's record through a plan).
@Test func anotherProvidersInformationNeedsConsent() throws {
    func grant(_ consents: [Consent]) throws -> AccessGrant {
        try #require(AccessPolicy.decide(subject([.municipalNurse], unit: homeCare),
                                         facts: facts(CareRelationshipFacts(planWithUserUnit: true), consents: consents),
                                         emergencyReason: nil, today: today, now: now).grant)
    }
    #expect(try grant([]).visibility(.clinical, documentedAt: vc) == .needsConsent(region))
    #expect(try grant([]).visibility(.clinical, documentedAt: homeCare) == .visible)
    #expect(try grant([]).visibility(.identity, documentedAt: vc) == .visible)
    #expect(try grant([consent()]).visibility(.clinical, documentedAt: vc) == .visible)
    #expect(try grant([consent(source: region)]).visibility(.clinical, documentedAt: vc) == .visible)
    #expect(try grant([consent(source: "SE5568123456")]).visibility(.clinical, documentedAt: vc) == .needsConsent(region))
    #expect(try grant([consent(revoked: true)]).visibility(.clinical, documentedAt: vc) == .needsConsent(region))
    #expect(try grant([consent(until: today.adding(days: -1))]).visibility(.clinical, documentedAt: vc) == .needsConsent(region))
    #expect(try grant([consent(until: today)]).visibility(.clinical, documentedAt: vc) == .visible)
    // An emergency opens every provider's information.
    let emergency = try #require(AccessPolicy.decide(subject([.municipalNurse], unit: homeCare), facts: facts(
        CareRelationshipFacts()), emergencyReason: "Medvetslös, akut", today: today, now: now).grant)
    #expect(emergency.visibility(.clinical, documentedAt: vc) == .visible)
}

/// Blocks hide what was documented at a unit or provider from everyone outside it
/// (security review M3, fidelity §5: they used to work backwards).
@Test func blocksHideWhatAUnitOrProviderDocumentedFromEveryoneElse() throws {
    func grant(_ subject: AccessSubject, _ blocks: [InformationBlock], openings: [BlockOpening] = [],
               consents: [Consent] = [], reason: String? = nil) throws -> AccessGrant {
        try #require(AccessPolicy.decide(subject, facts: facts(CareRelationshipFacts(listedAtUserUnit: true),
                                                               consents: consents, blocks: blocks, openings: openings),
                                         emergencyReason: reason, today: today, now: now).grant)
    }
    let inner = [block(.unit(psychiatry))]
    #expect(try grant(subject(), inner).visibility(.clinical, documentedAt: psychiatry) == .blocked)
    #expect(try grant(subject(), inner).visibility(.clinical, documentedAt: vc) == .visible)
    #expect(try grant(subject(unit: psychiatry), inner).visibility(.clinical, documentedAt: psychiatry) == .visible)
    // Emergency access does not lift a block; a temporary opening does, for its grantee and time.
    #expect(try grant(subject(), [], reason: nil).visibility(.clinical, documentedAt: psychiatry) == .visible)
    let opening = BlockOpening(id: 1, blockId: 7, grantee: .staff("karin.berg"), from: now.addingTimeInterval(-60),
                               until: now.addingTimeInterval(86_400), basis: .consent, reason: "Samtycke", createdBy: "x")
    #expect(try grant(subject(), inner, openings: [opening]).visibility(.clinical, documentedAt: psychiatry) == .visible)
    #expect(try grant(subject(staff: "olof.hagg"), inner, openings: [opening])
        .visibility(.clinical, documentedAt: psychiatry) == .blocked)
    var expired = opening
    expired.until = now.addingTimeInterval(-1)
    #expect(try grant(subject(), inner, openings: [expired]).visibility(.clinical, documentedAt: psychiatry) == .blocked)
    var forUnit = opening
    forUnit.grantee = .unit(vc)
    #expect(try grant(subject(staff: "olof.hagg"), inner, openings: [forUnit])
        .visibility(.clinical, documentedAt: psychiatry) == .visible)
    // An outer block: the region's own units see it, the municipality does not, consent or not.
    let outer = [block(.provider(region))]
    #expect(try grant(subject(), outer).visibility(.clinical, documentedAt: psychiatry) == .visible)
    let municipal = subject([.municipalNurse], unit: homeCare)
    #expect(try grant(municipal, outer, consents: [consent()]).visibility(.clinical, documentedAt: vc) == .blocked)
    #expect(try grant(municipal, outer, consents: [consent()], reason: "Akut, medvetslös")
        .visibility(.clinical, documentedAt: vc) == .blocked)
    // Identity is never blocked: the person is found and known to exist.
    #expect(try grant(municipal, outer).visibility(.identity, documentedAt: vc) == .visible)
}

/// Writes pass the same policy (security review H2).
@Test func writesNeedTheRightAndABasis() {
    let listed = facts(CareRelationshipFacts(listedAtUserUnit: true))
    let none = facts(CareRelationshipFacts())
    func write(_ roles: Set<StaffRole>, _ f: PatientAccessFacts, _ category: InformationCategory,
               relationship: Bool = false, reason: String? = nil) -> AccessDecision {
        AccessPolicy.decideWrite(category, grantsRelationship: relationship, subject(roles), facts: f,
                                 emergencyReason: reason, today: today, now: now)
    }
    #expect(write([.nurse], listed, .clinical).basis == .listing)
    #expect(write([.secretary], listed, .clinical) == .denied(.notForRole))
    #expect(write([.secretary], listed, .coordination).basis == .listing)
    #expect(write([.socialServices], listed, .clinical) == .denied(.notForRole))
    #expect(write([.nurse], none, .clinical) == .emergencyRequired)
    #expect(write([.nurse], none, .clinical, reason: "Akut omhändertagande").basis == .emergency)
    // Emergency access is no ground for appointing oneself named contact.
    #expect(write([.nurse], none, .coordination, relationship: true, reason: "Akut omhändertagande")
        == .denied(.relationshipRequired))
    #expect(write([.nurse], listed, .coordination, relationship: true).basis == .listing)
    #expect(AccessPolicy.decideWrite(.clinical, subject(active: false), facts: listed, emergencyReason: nil,
                                     today: today, now: now) == .denied(.inactiveUser))
}

@Test func theRecordKeepsOnlyWhatTheGrantShowsAndCountsTheRest() throws {
    let p = Patient(id: PatientID(1), identifier: try PersonIdentifier.parse("19121212-1212", today: today),
                    givenName: "Tolvan", familyName: "Tolvansson", sex: .male, birthDate: nil, address: nil, phone: nil,
                    protectedIdentity: false)
    func encounter(_ id: RecordID, _ unit: UnitID) -> Encounter {
        Encounter(id: id, patientId: p.id, at: now, mode: .visit, planned: false, staffId: "x", unitId: unit, reason: "r")
    }
    let record = PatientRecord(
        patient: p, listings: [], contacts: [],
        problems: [Problem(id: 1, patientId: p.id, code: "F32", text: "Depression", chronic: true, unitId: psychiatry),
                   Problem(id: 2, patientId: p.id, code: "I10", text: "Hypertoni", chronic: true, unitId: vc)],
        encounters: [encounter(1, vc), encounter(2, psychiatry), encounter(3, homeCare)],
        referrals: [], plans: [], discharges: [], staff: [:], units: [:])
    let grant = try #require(AccessPolicy.decide(subject(), facts: facts(blocks: [block(.unit(psychiatry))]),
                                                 emergencyReason: nil, today: today, now: now).grant)
    let seen = record.seen(through: grant)
    #expect(seen.problems.map(\.code) == ["I10"])
    #expect(seen.encounters.map(\.id) == [1])
    #expect(seen.hidden.blocked == 2)
    #expect(seen.hidden.needingConsent == [municipality])
    let secretary = try #require(AccessPolicy.decide(subject([.secretary]), facts: facts(), emergencyReason: nil,
                                                     today: today, now: now).grant)
    let asSecretary = record.seen(through: secretary)
    #expect(asSecretary.problems.isEmpty && asSecretary.encounters.isEmpty)
    #expect(asSecretary.hidden.notForRole == [.clinical])
}

@Test func everyRoleIsDefinedOnce() {
    #expect(Set(RoleCatalog.all.map(\.role)) == Set(StaffRole.allCases))
    #expect(RoleCatalog.all.count == StaffRole.allCases.count)
    // Only licensed clinical roles may use emergency access.
    #expect(Set(RoleCatalog.all.filter { $0.rights.contains(.emergencyAccess) }.map(\.role))
        == [.nurse, .physician, .otherLicensed, .municipalNurse])
    #expect(RoleCatalog.rights([.administrator]).isDisjoint(with: Right.patientRights))
}
