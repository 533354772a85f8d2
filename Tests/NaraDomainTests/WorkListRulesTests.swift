import Foundation
import Testing
@testable import NaraDomain

private func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
private let today = day("2025-06-15")
private let settings = WorkListSettings()
private let patient = PatientID(42)
private let unit: UnitID = "SE2321000164-vc01"
private let listing = Listing(patientId: patient, unitId: unit, from: day("2010-01-01"))

private func evaluate(_ kind: WorkListKind, _ facts: WorkListPatientFacts,
                      _ s: WorkListSettings = settings) -> WorkListEntry? {
    WorkListRules.evaluate(kind, facts: facts, settings: s, today: today)
}

private func contact(_ role: ContactRole, from: String, to: String? = nil) -> CareContact {
    CareContact(id: 1, patientId: patient, role: role, staffId: "anna.lund", unitId: unit, reason: "multisjuk",
                from: day(from), to: to.map(day))
}

private func plan(_ id: RecordID, followUp: String?, closed: String? = nil) -> CoordinatedPlan {
    CoordinatedPlan(id: id, patientId: patient, responsibleUnitId: unit, participants: [], goal: "Bo hemma",
                    agreedOn: day("2025-01-10"), followUpOn: followUp.map(day), closedOn: closed.map(day))
}

private func discharge(_ on: String) -> HospitalDischarge {
    HospitalDischarge(id: 9, patientId: patient, unitId: "SE-hosp", admittedOn: day(on).adding(days: -5),
                      dischargedOn: day(on))
}

// MARK: elderly multimorbid without care contact

private func elderly(born: String = "1950-06-15", chronic: Int = 3, listed: Bool = true,
                     contacts: [CareContact] = []) -> WorkListPatientFacts {
    WorkListPatientFacts(patientId: patient, birthDate: day(born),
                         listing: listed ? Listing(patientId: patient, unitId: unit, from: day("2010-01-01")) : nil,
                         chronicProblemCount: chronic, careContacts: contacts)
}

@Test func elderlyMultimorbidQualifies() {
    let entry = evaluate(.elderlyMultimorbidWithoutContact, elderly())
    #expect(entry?.reason == .elderlyMultimorbid(age: 75, chronic: 3))
    #expect(entry?.kind == .elderlyMultimorbidWithoutContact)
    #expect(entry?.patientId == patient)
}

@Test func elderlyMultimorbidBoundaries() {
    // 75 tomorrow.
    #expect(evaluate(.elderlyMultimorbidWithoutContact, elderly(born: "1950-06-16")) == nil)
    #expect(evaluate(.elderlyMultimorbidWithoutContact, elderly(chronic: 2)) == nil)
    #expect(evaluate(.elderlyMultimorbidWithoutContact, elderly(listed: false)) == nil)
    let ended = WorkListPatientFacts(patientId: patient, birthDate: day("1940-01-01"),
                                     listing: Listing(patientId: patient, unitId: unit, from: day("2010-01-01"),
                                                      to: day("2025-06-15")),
                                     chronicProblemCount: 5)
    #expect(evaluate(.elderlyMultimorbidWithoutContact, ended) == nil)
}

@Test func elderlyCareContactDecides() {
    #expect(evaluate(.elderlyMultimorbidWithoutContact, elderly(contacts: [contact(.careContact, from: "2024-01-01")])) == nil)
    // A named GP is not a care contact; an ended or future contact does not count.
    #expect(evaluate(.elderlyMultimorbidWithoutContact, elderly(contacts: [contact(.namedPhysician, from: "2024-01-01")])) != nil)
    #expect(evaluate(.elderlyMultimorbidWithoutContact,
                     elderly(contacts: [contact(.careContact, from: "2024-01-01", to: "2025-06-15")])) != nil)
    #expect(evaluate(.elderlyMultimorbidWithoutContact, elderly(contacts: [contact(.careContact, from: "2025-06-16")])) != nil)
}

// MARK: frequent encounters, low continuity

private func visits(_ providers: [String], last: LocalDate = today) -> [ContinuityEncounter] {
    providers.enumerated().map {
        ContinuityEncounter(day: last.adding(days: -30 * (providers.count - 1 - $0.offset)),
                            staffId: StaffID($0.element), group: .nurses)
    }
}

@Test func lowContinuityQualifies() {
    let facts = WorkListPatientFacts(patientId: patient, encountersForContinuity: visits(["A", "B", "C", "D"]))
    let entry = evaluate(.frequentLowContinuity, facts)
    #expect(entry?.reason == .lowContinuity(encounters: 4, coc: 0))
    #expect(entry?.summary == "4 encounters, COC 0.00")
}

@Test func lowContinuityThresholds() {
    // Three encounters are not frequent, however scattered.
    let three = WorkListPatientFacts(patientId: patient, encountersForContinuity: visits(["A", "B", "C"]))
    #expect(evaluate(.frequentLowContinuity, three) == nil)
    // A A B C: COC = (4+1+1−4)/12 = 0.1667 < 0.3 → on the list; A A B B: 4/12 = 0.333 → not.
    let aabc = WorkListPatientFacts(patientId: patient, encountersForContinuity: visits(["A", "A", "B", "C"]))
    #expect(evaluate(.frequentLowContinuity, aabc) != nil)
    let aabb = WorkListPatientFacts(patientId: patient, encountersForContinuity: visits(["A", "A", "B", "B"]))
    #expect(evaluate(.frequentLowContinuity, aabb) == nil)
    // COC exactly at the threshold is not below it.
    let atThreshold = WorkListSettings(lowCocThreshold: 1.0 / 3.0)
    #expect(evaluate(.frequentLowContinuity, aabb, atThreshold) == nil)
}

@Test func lowContinuityWindowBoundary() {
    // First of four encounters exactly 12 months back: outside the window.
    var encounters = visits(["B", "C", "D"])
    encounters.append(ContinuityEncounter(day: today.adding(months: -12), staffId: "A", group: .doctors))
    #expect(evaluate(.frequentLowContinuity, WorkListPatientFacts(patientId: patient,
                                                                  encountersForContinuity: encounters)) == nil)
    encounters[3].day = today.adding(months: -12).adding(days: 1)
    #expect(evaluate(.frequentLowContinuity, WorkListPatientFacts(patientId: patient,
                                                                  encountersForContinuity: encounters)) != nil)
}

// MARK: plan follow-up

@Test func planFollowUpPassed() {
    let facts = WorkListPatientFacts(patientId: patient,
                                     plans: [plan(1, followUp: "2025-06-10"), plan(2, followUp: "2025-06-01")])
    let entry = evaluate(.planFollowUpDue, facts)
    #expect(entry?.reason == .planFollowUpPassed(planId: 2, followUpOn: day("2025-06-01"), daysPast: 14))
    #expect(entry?.sortKey == 14)
}

@Test func planFollowUpNotYetPassed() {
    #expect(evaluate(.planFollowUpDue, WorkListPatientFacts(patientId: patient,
                                                            plans: [plan(1, followUp: "2025-06-15")])) == nil)
    #expect(evaluate(.planFollowUpDue, WorkListPatientFacts(patientId: patient,
                                                            plans: [plan(1, followUp: "2025-06-14")])) != nil)
    #expect(evaluate(.planFollowUpDue, WorkListPatientFacts(patientId: patient, plans: [
        plan(1, followUp: "2025-06-01", closed: "2025-06-05"), plan(2, followUp: nil)])) == nil)
}

// MARK: discharged without primary-care contact

@Test func dischargedWithoutContactQualifies() {
    let facts = WorkListPatientFacts(patientId: patient, primaryCareEncounterDays: [day("2025-06-07")],
                                     discharges: [discharge("2025-06-08")])
    let entry = evaluate(.dischargedWithoutContact, facts)
    #expect(entry?.reason == .dischargedWithoutContact(dischargedOn: day("2025-06-08"), days: 7))
}

@Test func dischargedBoundaries() {
    // Eight days ago is outside the 7-day window; a future discharge is ignored.
    #expect(evaluate(.dischargedWithoutContact,
                     WorkListPatientFacts(patientId: patient, discharges: [discharge("2025-06-07")])) == nil)
    #expect(evaluate(.dischargedWithoutContact,
                     WorkListPatientFacts(patientId: patient, discharges: [discharge("2025-06-16")])) == nil)
    // A contact on the discharge day counts as follow-up.
    #expect(evaluate(.dischargedWithoutContact,
                     WorkListPatientFacts(patientId: patient, primaryCareEncounterDays: [day("2025-06-10")],
                                          discharges: [discharge("2025-06-10")])) == nil)
    // The latest discharge decides: a contact after the first does not cover the second.
    let twice = WorkListPatientFacts(patientId: patient, primaryCareEncounterDays: [day("2025-06-10")],
                                     discharges: [discharge("2025-06-09"), discharge("2025-06-13")])
    #expect(evaluate(.dischargedWithoutContact, twice)?.reason
            == .dischargedWithoutContact(dischargedOn: day("2025-06-13"), days: 2))
}

// MARK: referrals

@Test func overdueReferralsReportTheWorst() {
    let facts = WorkListPatientFacts(patientId: patient, referrals: [
        ReferralFacts(id: 1, state: .sent, sentOn: day("2025-02-01"), overdueDays: 3),
        ReferralFacts(id: 2, state: .booked, sentOn: day("2025-01-01"), overdueDays: 35),
        ReferralFacts(id: 3, state: .received, sentOn: day("2025-05-01")),
    ])
    let entry = evaluate(.overdueReferrals, facts)
    #expect(entry?.reason == .referralOverdue(referralId: 2, days: 35))
    #expect(entry?.sortKey == 35)
    #expect(evaluate(.overdueReferrals, WorkListPatientFacts(patientId: patient, referrals: [
        ReferralFacts(id: 3, state: .received, sentOn: day("2025-05-01"))])) == nil)
}

@Test(arguments: [(13, false), (14, true), (30, true)])
func sentReferralWithoutConfirmation(daysAgo: Int, listed: Bool) {
    let sent = today.adding(days: -daysAgo)
    let facts = WorkListPatientFacts(patientId: patient, referrals: [ReferralFacts(id: 5, state: .sent, sentOn: sent)])
    let entry = evaluate(.unacknowledgedReferrals, facts)
    #expect((entry != nil) == listed)
    if listed { #expect(entry?.reason == .referralUnconfirmed(referralId: 5, sentOn: sent, days: daysAgo)) }
}

@Test(arguments: [(13, false), (14, true)])
func replyWithoutAcknowledgement(daysAgo: Int, listed: Bool) {
    let answered = today.adding(days: -daysAgo)
    let facts = WorkListPatientFacts(patientId: patient, referrals: [
        ReferralFacts(id: 6, state: .answered, sentOn: day("2025-01-01"), answeredOn: answered)])
    let entry = evaluate(.unacknowledgedReferrals, facts)
    #expect((entry != nil) == listed)
    if listed { #expect(entry?.reason == .replyNotAcknowledged(referralId: 6, answeredOn: answered, days: daysAgo)) }
}

@Test func receivedOrAcknowledgedReferralsAreNotUnacknowledged() {
    let facts = WorkListPatientFacts(patientId: patient, referrals: [
        ReferralFacts(id: 7, state: .received, sentOn: day("2025-01-01")),
        ReferralFacts(id: 8, state: .acknowledged, sentOn: day("2025-01-01"), answeredOn: day("2025-03-01")),
    ])
    #expect(evaluate(.unacknowledgedReferrals, facts) == nil)
}

// MARK: chronic without encounter

@Test func chronicWithoutEncounter() {
    let lastYear = today.adding(months: -12)
    let facts = WorkListPatientFacts(patientId: patient, listing: listing, chronicProblemCount: 2,
                                     encounterDays: [EncounterDay(lastYear, at: unit)])
    #expect(evaluate(.chronicWithoutEncounter, facts)?.reason
            == .chronicWithoutEncounter(chronic: 2, lastEncounter: lastYear))
    let never = WorkListPatientFacts(patientId: patient, listing: listing, chronicProblemCount: 1)
    #expect(evaluate(.chronicWithoutEncounter, never)?.reason == .chronicWithoutEncounter(chronic: 1, lastEncounter: nil))
    #expect(evaluate(.chronicWithoutEncounter, never)!.sortKey > evaluate(.chronicWithoutEncounter, facts)!.sortKey)
}

@Test func chronicWithRecentEncounterOrNoChronicIsNotListed() {
    let recent = WorkListPatientFacts(patientId: patient, listing: listing, chronicProblemCount: 2,
                                      encounterDays: [EncounterDay(today.adding(months: -12).adding(days: 1), at: unit)])
    #expect(evaluate(.chronicWithoutEncounter, recent) == nil)
    let healthy = WorkListPatientFacts(patientId: patient, listing: listing, chronicProblemCount: 0)
    #expect(evaluate(.chronicWithoutEncounter, healthy) == nil)
}

// MARK: settings and entries

@Test func settingsDecodeMissingKeysAsDefaults() throws {
    let decoded = try JSONDecoder().decode(WorkListSettings.self, from: Data(#"{"minimumAge": 80}"#.utf8))
    var expected = WorkListSettings()
    expected.minimumAge = 80
    #expect(decoded == expected)
    #expect(try JSONDecoder().decode(WorkListSettings.self, from: Data("{}".utf8)) == WorkListSettings())
}

@Test func kindsHaveCommandLineNames() {
    #expect(WorkListKind.allCases.count == 14)
    #expect(WorkListKind(rawValue: "chronic-no-contact") == .chronicWithoutEncounter)
    #expect(WorkListKind(rawValue: "admissions") == .admissionsWithoutCareContact)
    #expect(WorkListKind(rawValue: "ready-for-discharge") == .readyWithoutPlan)
    #expect(WorkListKind.allCases.allSatisfy { !$0.needs.isEmpty })
}

@Test func entryRoundTripsThroughJSON() throws {
    let entry = WorkListEntry(patientId: patient, kind: .unacknowledgedReferrals,
                              reason: .replyNotAcknowledged(referralId: 3, answeredOn: day("2025-05-01"), days: 45),
                              sortKey: 45)
    let data = try JSONEncoder().encode(entry)
    #expect(try JSONDecoder().decode(WorkListEntry.self, from: data) == entry)
    #expect(entry.summary == "Referral 3: answered 2025-05-01, not acknowledged after 45 days")
}

// MARK: deceased patients

@Test func aDeceasedPatientIsOnNoOutreachList() {
    var facts = elderly()
    facts.discharges = [discharge("2025-06-10")]
    facts.plans = [plan(1, followUp: "2025-05-01")]
    facts.chronicProblemCount = 3
    let living = WorkListRules.evaluateAll(facts: facts, settings: settings, today: today).map(\.kind)
    #expect(living.contains(.elderlyMultimorbidWithoutContact))
    #expect(living.contains(.planFollowUpDue))
    #expect(living.contains(.dischargedWithoutContact))
    facts.deceased = true
    #expect(WorkListRules.evaluateAll(facts: facts, settings: settings, today: today).isEmpty)
}

@Test func aDeceasedPatientsReferralsStillNeedClosing() {
    var facts = WorkListPatientFacts(patientId: patient,
                                     referrals: [ReferralFacts(id: 1, state: .sent, sentOn: day("2025-01-01"), overdueDays: 40)])
    facts.deceased = true
    #expect(evaluate(.overdueReferrals, facts) != nil)
    #expect(WorkListKind.allCases.filter { !$0.isOutreach } == [.overdueReferrals, .unacknowledgedReferrals])
    // Every outreach list loads the fact its rule needs.
    #expect(WorkListKind.allCases.filter(\.isOutreach).allSatisfy { $0.needs.contains(.deceased) })
}
