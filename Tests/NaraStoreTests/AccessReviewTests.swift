import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Log review: what is put before the administrator, and how a review is recorded.
@Suite struct AccessReviewTests {
    let admin = AccessContext(staffId: "ada.admin", unitId: StoreFixture.vc, sessionId: "s-admin")

    /// Ten ordinary reads and two emergency reads, all on the fixture's day.
    func clinicWithAccesses() throws -> (StoreFixture, [Int64]) {
        let f = try StoreFixture()
        try f.store.addStaff(Staff(id: "ada.admin", name: "Ada Admin", profession: .secretary, unitId: StoreFixture.vc,
                                   roles: [.administrator]))
        let listed = try f.patient(TestPnr.a, "Åsa", "Öberg")
        for _ in 0..<10 { _ = try f.store.openRecord(listed.id, as: f.nurse) }
        try f.store.addUnit(CareUnit(id: "SE2321000164-vc02", name: "Vårdcentralen Norr", principal: .region,
                                     kind: .primaryCare))
        let stranger = try f.store.registerPatient(
            NewPatient(identifier: try PersonIdentifier.parse(TestPnr.c, today: f.today), givenName: "Björn",
                       familyName: "Sjöberg"), listedAt: "SE2321000164-vc02", on: f.today, as: f.nurse)
        var emergency = f.nurse
        emergency.emergencyReason = "Patienten på akutbesök, svimmat"
        var emergencyRows: [Int64] = []
        for _ in 0..<2 {
            _ = try f.store.openRecord(stranger.id, as: emergency)
            emergencyRows.append(try #require(try f.log(stranger.id, limit: 1).first).id)
        }
        return (f, emergencyRows)
    }

    @Test func theSampleHasEveryEmergencyAccessAndNOthersTheSameForASeed() throws {
        let (f, emergencies) = try clinicWithAccesses()
        defer { f.remove() }
        let items = try f.store.reviewSample(from: f.today, to: f.today, sample: 4, seed: 42, as: admin)
        #expect(items.prefix(2).map(\.entry.id) == emergencies)
        #expect(items.dropFirst(2).count == 4)
        #expect(items.dropFirst(2).allSatisfy { !$0.entry.emergency })
        #expect(Set(items.map(\.entry.id)).count == items.count)
        // The same seed draws the same rows again (the review's own log rows come after them).
        #expect(try f.store.reviewSample(from: f.today, to: f.today, sample: 4, seed: 42, as: admin).prefix(2)
            .map(\.entry.id) == emergencies)
        let first = try #require(items.first)
        #expect(first.staffName == "Karin Berg" && first.unitName == "Vårdcentralen Ekbacken")
        #expect(first.patientIdentifier == "19520101-7372")
        #expect(first.review == nil)
        let before = try f.logCount()
        let everything = try f.store.reviewSample(from: f.today, to: f.today, sample: 1000, seed: 1, as: admin)
        #expect(everything.count == before)
        // Showing whose records were read is itself a read of those patients.
        #expect(try f.logCount() > before)
        #expect(try f.store.reviewSample(from: f.today.adding(days: 1), to: f.today.adding(days: 7), sample: 5, seed: 1, as: admin)
            .isEmpty)
    }

    @Test func onlyAnAdministratorMarksAndOnlyWithAComment() throws {
        let (f, emergencies) = try clinicWithAccesses()
        defer { f.remove() }
        let row = emergencies[0]
        #expect(throws: StoreError.refused(.onlyAdministratorsReview)) {
            try f.store.markReviewed(logId: row, verdict: .ok, comment: "Kontrollerat", as: f.cardiologist)
        }
        #expect(throws: StoreError.refused(.reviewNeedsComment)) {
            try f.store.markReviewed(logId: row, verdict: .ok, comment: "  ", as: admin)
        }
        #expect(throws: StoreError.notFound("access-log row 9999")) {
            try f.store.markReviewed(logId: 9999, verdict: .ok, comment: "x", as: admin)
        }
        #expect(try f.store.reviewSample(from: f.today, to: f.today, sample: 0, seed: 1, as: admin).allSatisfy { $0.review == nil })
    }

    @Test func aReviewIsLoggedAndStands() throws {
        let (f, emergencies) = try clinicWithAccesses()
        defer { f.remove() }
        let before = try f.logCount()
        let review = try f.store.markReviewed(logId: emergencies[1], verdict: .followUp,
                                              comment: "Fråga Karin om besöket", as: admin)
        #expect(review.reviewer == "ada.admin")
        #expect(try f.logCount() == before + 1)
        let logged = try #require(try f.log(nil, limit: 1).first)
        #expect(logged.staffId == "ada.admin")
        #expect(logged.detail == "log review of row \(emergencies[1]): follow_up")
        let reviewedPatient = try f.log(nil, limit: 100).first { $0.id == emergencies[1] }?.patientId
        #expect(logged.patientId == reviewedPatient)

        let items = try f.store.reviewSample(from: f.today, to: f.today, sample: 0, seed: 1, as: admin)
        #expect(items.first { $0.entry.id == emergencies[1] }?.review == review)
        #expect(items.first { $0.entry.id == emergencies[0] }?.review == nil)

        #expect(throws: StoreError.duplicate("a review of access-log row \(emergencies[1])")) {
            try f.store.markReviewed(logId: emergencies[1], verdict: .ok, comment: "Igen", as: admin)
        }
        #expect(throws: (any Error).self) {
            try f.store.write { db in try db.execute(sql: "UPDATE access_review SET verdict = 'ok'") }
        }
        #expect(throws: (any Error).self) {
            try f.store.write { db in try db.execute(sql: "DELETE FROM access_review") }
        }
        #expect(try f.store.reviewSample(from: f.today, to: f.today, sample: 0, seed: 1, as: admin)
            .first { $0.entry.id == emergencies[1] }?.review?.verdict == .followUp)
        guard case .intact(let rows, _) = try f.store.verifyAccessLog() else {
            Issue.record("the log chain broke")
            return
        }
        #expect(rows == (try f.logCount()))
    }

    @Test func nobodyReviewsTheirOwnAccesses() throws {
        let (f, _) = try clinicWithAccesses()
        defer { f.remove() }
        try f.store.markReviewed(logId: 1, verdict: .ok, comment: "Registrering", as: admin)
        let own = try #require(try f.log(nil, limit: 1).first)
        #expect(own.staffId == "ada.admin")
        #expect(throws: StoreError.refused(.noSelfReview)) {
            try f.store.markReviewed(logId: own.id, verdict: .ok, comment: "Min egen", as: admin)
        }
    }
}

/// The review's sample is chosen by several criteria, and each row says which.
@Suite struct AccessReviewCriteriaTests {
    @Test func rowsSayWhyTheyWereChosen() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.addStaff(Staff(id: "ada.admin", name: "Ada Admin", profession: .secretary, unitId: StoreFixture.vc,
                                   roles: [.logReviewer]))
        let admin = AccessContext(staffId: "ada.admin", unitId: StoreFixture.vc, sessionId: "a")
        let secret = try f.patient(TestPnr.a, "Åsa", "Öberg", protected: true)
        let relative = try f.patient(TestPnr.b, "Bo", "Berg")          // Karin Berg's surname
        let colleague = try f.patient(TestPnr.c, "Olof", "Hägg")       // a physician at the unit
        for p in [secret, relative, colleague] { _ = try f.store.openRecord(p.id, as: f.nurse) }
        let items = try f.store.reviewSample(from: f.today, to: f.today, sample: 0, seed: 1, as: admin)
        func reasons(_ p: Patient) -> Set<AccessReviewReason> {
            Set(items.filter { $0.entry.patientId == p.id }.flatMap(\.reasons))
        }
        #expect(reasons(secret).contains(.protectedIdentity))
        #expect(reasons(relative).contains(.sameSurname))
        #expect(reasons(colleague).contains(.colleague))
        #expect(items.allSatisfy { !$0.reasons.isEmpty })
        #expect(!items.contains { $0.reasons.contains(.random) })
    }

    @Test(arguments: [("2026-11-23T06:59:00+01:00", true), ("2026-11-23T07:00:00+01:00", false),
                      ("2026-11-23T17:59:00+01:00", false), ("2026-11-23T18:00:00+01:00", true),
                      ("2026-11-22T12:00:00+01:00", true), ("2026-07-01T06:30:00+02:00", true)])
    func outOfHoursIsSwedishTime(at: String, out: Bool) throws {
        let date = try #require(ISO8601DateFormatter().date(from: at))
        #expect(AccessReviewReason.isOutOfHours(date) == out)
    }
}
