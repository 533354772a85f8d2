import Foundation
import Testing
@testable import NaraDomain

private func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

private func clock(_ start: String, _ kind: GuaranteeKind = .specialistVisit,
                   pauses: [GuaranteePause] = [], metOn: String? = nil) -> CareGuaranteeClock {
    CareGuaranteeClock(kind: kind, start: d(start), pauses: pauses, metOn: metOn.map(d))
}

private func pause(_ from: String, _ to: String?, _ kind: PauseKind = .patientChosen) -> GuaranteePause {
    GuaranteePause(kind: kind, from: d(from), to: to.map(d))
}

@Test(arguments: [
    ("2025-03-03", "2025-06-01"),  // ordinary
    ("2025-01-31", "2025-05-01"),  // across the short February and three month ends
    ("2024-02-29", "2024-05-29"),  // starting on a leap day
    ("2024-01-15", "2024-04-14"),  // passing a leap day…
    ("2023-01-15", "2023-04-15"),  // …and the same dates without one
    ("2024-11-15", "2025-02-13"),  // across the year end
])
func ninetyDaysWithoutPauses(_ start: String, _ deadline: String) {
    let c = clock(start)
    #expect(c.deadline(today: d(start)) == d(deadline))
    #expect(d(start).days(until: d(deadline)) == 90)
}

@Test func assessmentIsThreeDays() {
    #expect(clock("2025-12-30", .assessment).deadline(today: d("2025-12-30")) == d("2026-01-02"))
}

@Test func noLimitMeansNoDeadline() {
    let c = clock("2025-03-03", .none)
    #expect(c.deadline(today: d("2025-03-03")) == nil)
    #expect(c.status(today: d("2026-01-01")) == .notApplicable)
}

@Test func aTenDayPatientChosenPauseMovesTheDeadlineByTen() {
    let c = clock("2025-03-03", pauses: [pause("2025-03-10", "2025-03-20")])
    #expect(c.pausedDays(through: d("2025-04-01")) == 10)
    #expect(c.deadline(today: d("2025-04-01")) == d("2025-06-11"))
    // Through the middle of the pause only the days so far count.
    #expect(c.pausedDays(through: d("2025-03-12")) == 3)
}

@Test func anOpenPauseMovesTheDeadlineDaily() {
    let c = clock("2025-03-03", pauses: [pause("2025-03-10", nil, .medical)])
    #expect(c.pausedDays(through: d("2025-03-09")) == 0)
    #expect(c.pausedDays(through: d("2025-03-10")) == 1)
    #expect(c.deadline(today: d("2025-03-10")) == d("2025-06-02"))
    #expect(c.deadline(today: d("2025-03-14")) == d("2025-06-06"))
    // While paused the days left stand still.
    #expect(c.status(today: d("2025-03-09")) == .running(daysLeft: 84))
    #expect(c.status(today: d("2025-03-10")) == .paused(daysLeft: 84))
    #expect(c.status(today: d("2025-04-20")) == .paused(daysLeft: 84))
}

@Test func overlappingPausesCountOnce() {
    let c = clock("2025-03-03", pauses: [
        pause("2025-03-10", "2025-03-20"),
        pause("2025-03-15", "2025-03-25", .medical),  // overlaps the first by 5 days
        pause("2025-03-11", "2025-03-12"),           // inside the first
        pause("2025-03-10", "2025-03-20"),           // a duplicate
        pause("2025-04-01", "2025-04-01"),           // resumed the same day: empty
    ])
    #expect(c.pausedDays(through: d("2025-05-01")) == 15)
    #expect(c.deadline(today: d("2025-05-01")) == d("2025-06-16"))
}

@Test func pauseDaysBeforeTheStartDoNotCount() {
    let c = clock("2025-03-03", pauses: [pause("2025-02-20", "2025-03-05")])
    #expect(c.pausedDays(through: d("2025-04-01")) == 2)
}

@Test func countdownAndOverdue() {
    let c = clock("2025-01-31")
    #expect(c.status(today: d("2025-01-31")) == .running(daysLeft: 90))
    #expect(c.status(today: d("2025-04-30")) == .running(daysLeft: 1))
    #expect(c.status(today: d("2025-05-01")) == .running(daysLeft: 0))
    #expect(c.status(today: d("2025-05-02")) == .overdue(days: 1))
    #expect(c.status(today: d("2025-05-08")) == .overdue(days: 7))
}

@Test func metWithinOrAfterTheLimit() {
    #expect(clock("2025-01-31", metOn: "2025-05-01").status(today: d("2025-09-01"))
            == .met(on: d("2025-05-01"), withinLimit: true))
    #expect(clock("2025-01-31", metOn: "2025-05-02").status(today: d("2025-09-01"))
            == .met(on: d("2025-05-02"), withinLimit: false))
    // Pauses extend the limit; only those before the visit count.
    let paused = clock("2025-01-31", pauses: [pause("2025-02-10", "2025-02-15")], metOn: "2025-05-06")
    #expect(paused.status(today: d("2025-09-01")) == .met(on: d("2025-05-06"), withinLimit: true))
    let lateResume = clock("2025-01-31", pauses: [pause("2025-05-10", nil)], metOn: "2025-05-06")
    #expect(lateResume.status(today: d("2025-09-01")) == .met(on: d("2025-05-06"), withinLimit: false))
}

// MARK: - The clock on a referral

@Test func referralClockStartsWhenSent() throws {
    #expect(try Fx.draft().guaranteeClock() == nil)
    #expect(try Fx.referral(in: .sent, guarantee: .none).guaranteeClock() == nil)
    let sent = try Fx.referral(in: .sent)
    #expect(sent.guaranteeClock()?.start == Fx.day(0))
    #expect(sent.daysLeft(today: Fx.day(10)) == 80)
    #expect(!sent.isOverdue(today: Fx.day(90)))
    #expect(sent.isOverdue(today: Fx.day(93)) && sent.daysLeft(today: Fx.day(93)) == -3)
}

@Test func seenOrClosedReferralsAreNeverOverdue() throws {
    let seen = try Fx.referral(in: .seen)
    #expect(!seen.isOverdue(today: Fx.day(200)) && seen.daysLeft(today: Fx.day(200)) == nil)
    #expect(seen.guaranteeClock()?.status(today: Fx.day(200)) == .met(on: Fx.day(30), withinLimit: true))
    let cancelled = try Fx.referral(in: .cancelled)
    #expect(!cancelled.isOverdue(today: Fx.day(200)))
}

@Test func pausingThroughStepsMovesTheDeadline() throws {
    var r = try Fx.referral(in: .accepted)
    let doctor = Fx.receiver(of: r)
    r = try r.applying(.pauseClock(.patientChosen, comment: "Declined 2025-03-13", offeredOn: Fx.day(10),
                                       patientInformed: true), by: doctor, at: Fx.at(10))
    #expect(r.state == .accepted && r.pauses.count == 1 && r.pauses[0].to == nil)
    #expect(r.availableActions(for: Fx.medicine).contains(.resumeClock))
    #expect(throws: ReferralError.alreadyPaused) {
        try r.applying(.pauseClock(.medical, comment: "again"), by: doctor, at: Fx.at(11))
    }
    #expect(r.daysLeft(today: Fx.day(15)) == 81)  // as on day 9: paused days do not count down
    r = try r.applying(.resumeClock, by: doctor, at: Fx.at(20))
    #expect(r.pauses[0].to == Fx.day(20) && r.pauses[0].comment == "Declined 2025-03-13")
    #expect(r.guaranteeClock()?.deadline(today: Fx.day(30)) == Fx.day(100))
    #expect(throws: ReferralError.notPaused) { try r.applying(.resumeClock, by: doctor, at: Fx.at(21)) }

    // Resumed the same day: a pause of no days.
    let blink = try r.applying(.pauseClock(.medical, comment: "Fever"), by: doctor, at: Fx.at(25))
        .applying(.resumeClock, by: doctor, at: Fx.at(25))
    #expect(blink.guaranteeClock()?.deadline(today: Fx.day(30)) == Fx.day(100))
}

@Test func beingSeenEndsAnOpenPause() throws {
    let r = try Fx.referral(in: .booked, paused: true)
    let seen = try r.applying(.markSeen, by: Fx.receiver(of: r), at: Fx.at(30))
    #expect(seen.pauses.allSatisfy { $0.to != nil } && seen.pauses.last?.to == Fx.day(30))
}

@Test func noClockNoPause() throws {
    let r = try Fx.referral(in: .accepted, guarantee: .none)
    #expect(throws: ReferralError.clockNotRunning) {
        try r.applying(.pauseClock(.medical, comment: "x"), by: Fx.receiver(of: r), at: Fx.at(5))
    }
    #expect(!r.availableActions(for: Fx.medicine).contains(.pauseClock))
}
