import Foundation
import Testing
@testable import NaraDomain

private func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
private func at(_ text: String) -> Date { WallClock.parse(text)! }

private func request(_ registered: String, contacted: String? = nil, assessed: String? = nil) -> CareRequest {
    CareRequest(id: 1, patientId: PatientID(1), unitId: UnitID(rawValue: "u"), channel: .phone, problem: .new,
                reason: "Feber", registeredAt: at(registered), registeredBy: StaffID(rawValue: "s"),
                contactedAt: contacted.map(at), contactedBy: contacted.map { _ in StaffID(rawValue: "s") },
                assessedAt: assessed.map(at), assessedBy: assessed.map { _ in StaffID(rawValue: "s") })
}

@Suite struct CareRequestTests {
    @Test(arguments: [
        ("2025-03-03 09:00", "2025-03-06"),  // ordinary Monday: Thursday
        ("2025-03-07 09:00", "2025-03-10"),  // a Friday: the weekend counts, Monday is the last day
        ("2025-01-30 10:00", "2025-02-02"),  // across a month end
        ("2025-02-27 10:00", "2025-03-02"),  // across February without a leap day
        ("2024-02-27 10:00", "2024-03-01"),  // … and with one
        ("2024-02-29 10:00", "2024-03-03"),  // from the leap day
        ("2025-12-30 10:00", "2026-01-02"),  // across the year end
        ("2025-03-03 23:50", "2025-03-06"),  // late in the evening: still that day's contact
    ])
    func assessmentDeadlineIsThreeCalendarDays(_ registered: String, _ deadline: String) {
        #expect(request(registered).clock(.assessment).deadline == d(deadline))
        #expect(request(registered).clock(.contact).deadline == LocalDate(date: at(registered), in: .stockholm))
    }

    @Test func theDeadlineDayIsInTimeAndTheNextIsLate() {
        #expect(request("2025-03-07 09:00", assessed: "2025-03-10 16:00").clock(.assessment)
            .status(today: d("2025-03-20")) == .met(on: d("2025-03-10"), withinLimit: true))
        #expect(request("2025-03-07 09:00", assessed: "2025-03-11 08:00").clock(.assessment)
            .status(today: d("2025-03-20")) == .met(on: d("2025-03-11"), withinLimit: false))
    }

    @Test func aCallAt2350AnsweredAfterMidnightMissesTheSameDayContact() {
        let late = request("2025-03-03 23:50", contacted: "2025-03-04 00:10").clock(.contact)
        #expect(late.start == d("2025-03-03"))
        #expect(late.kept(today: d("2025-03-04")) == false)
        #expect(request("2025-03-03 23:50", contacted: "2025-03-03 23:58").clock(.contact)
            .kept(today: d("2025-03-04")) == true)
    }

    @Test func aClockWithoutAStopRunsUntilItsDeadlineAndIsThenBroken() {
        let clock = request("2025-01-31 10:00").clock(.assessment)
        #expect(clock.status(today: d("2025-01-31")) == .running(daysLeft: 3))
        #expect(clock.status(today: d("2025-02-03")) == .running(daysLeft: 0))
        #expect(clock.kept(today: d("2025-02-03")) == nil)
        #expect(clock.status(today: d("2025-02-04")) == .overdue(days: 1))
        #expect(clock.kept(today: d("2025-02-04")) == false)
    }

    @Test func summerTimeDoesNotMoveTheDay() {
        // The night the clocks go forward (2025-03-30) and back (2025-10-26).
        #expect(request("2025-03-30 23:30").clock(.contact).start == d("2025-03-30"))
        #expect(request("2025-10-26 00:30").clock(.contact).start == d("2025-10-26"))
    }

    @Test(arguments: [("08:00-10:00", 480, 600), ("8-10", 480, 600), ("13:30–15:00", 810, 900), ("22:00-24:00", 1320, 1440)])
    func callbackWindowsRead(_ text: String, _ from: Int, _ to: Int) {
        #expect(CallbackSlot(text: text) == CallbackSlot(fromMinute: from, toMinute: to))
    }

    @Test(arguments: ["10:00-08:00", "08:00", "08:60-09:00", "25-26", "a-b", "08:00-08:00", ""])
    func badCallbackWindowsAreRefused(_ text: String) {
        #expect(CallbackSlot(text: text) == nil)
    }

    @Test func callbackWindowsOrderByTheirStartAndReadBack() {
        let slots = ["13:00-15:00", "08:00-10:00", "08:00-09:00"].compactMap(CallbackSlot.init(text:)).sorted()
        #expect(slots.map(\.text) == ["08:00–09:00", "08:00–10:00", "13:00–15:00"])
    }

    @Test func theReportCountsKeptBrokenAndPendingPerDayAndMonth() {
        let requests = [
            request("2025-01-31 09:00", contacted: "2025-01-31 10:00", assessed: "2025-02-03 09:00"),  // both kept
            request("2025-01-31 23:50", contacted: "2025-02-01 08:00", assessed: "2025-02-04 09:00"),  // both late
            request("2025-02-01 09:00"),                                                                // both broken
            request("2025-02-05 09:00", contacted: "2025-02-05 09:30"),                                 // 3 pending
        ]
        let today = d("2025-02-06")
        let days = GuaranteeShare.report(requests, by: .day, today: today)
        #expect(days.map(\.period) == ["2025-01-31", "2025-02-01", "2025-02-05"])
        #expect(days[0].requests == 2 && days[0].contactKept == 1 && days[0].assessmentKept == 1)
        #expect(days[0].share(.contact) == 0.5 && days[0].share(.assessment) == 0.5)
        #expect(days[1].share(.contact) == 0 && days[1].share(.assessment) == 0)
        #expect(days[2].share(.contact) == 1 && days[2].assessmentPending == 1 && days[2].share(.assessment) == nil)
        let months = GuaranteeShare.report(requests, by: .month, today: today)
        #expect(months.map(\.period) == ["2025-01", "2025-02"])
        #expect(months[1].requests == 2 && months[1].contactKept == 1 && months[1].assessmentPending == 1)
        #expect(months[1].share(.assessment) == 0)
    }
}
