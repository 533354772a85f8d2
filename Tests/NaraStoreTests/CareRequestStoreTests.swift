import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Care requests in the store: the contact is a care relationship for the unit, its two
/// clocks stop on the recorded contact and assessment, and lists log each patient shown.
@Suite struct CareRequestStoreTests {
    let physician = AccessContext(staffId: "olof.hagg", unitId: StoreFixture.vc, sessionId: "s-olof")

    @Test func aContactMakesACareRelationshipForTheUnitAndNotForOthers() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg", listed: false)
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) { try f.store.openRecord(p.id, as: physician) }
        let r = try f.store.addCareRequest(p.id, channel: .phone, problem: .new, reason: "Feber sedan tre dagar",
                                           callback: CallbackSlot(text: "08:00-10:00"), as: f.nurse)
        #expect(r.registeredBy == "karin.berg" && r.unitId == StoreFixture.vc && r.isOpen)
        #expect(r.clock(.assessment).deadline == f.today.adding(days: 3))
        #expect(try f.log(p.id).first?.detail == "care request \(r.id) registered [care_request]")
        _ = try f.store.openRecord(p.id, as: physician)
        #expect(try f.log(p.id).first?.detail.hasSuffix("[care_request]") == true)
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) { try f.store.openRecord(p.id, as: f.cardiologist) }
    }

    @Test func aRefusedRegistrationLeavesNothingBehind() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        try f.store.addStaff(Staff(id: "sara.sek", name: "Sara Sek", profession: .secretary,
                                   unitId: StoreFixture.vc, roles: [.secretary]))
        let secretary = AccessContext(staffId: "sara.sek", unitId: StoreFixture.vc, sessionId: "s-sara")
        let before = try f.logCount()
        #expect(throws: StoreError.accessDenied(.notForRole)) {
            try f.store.addCareRequest(p.id, channel: .phone, problem: .new, reason: "Feber", as: secretary)
        }
        #expect(try f.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM care_request") } == 0)
        #expect(try f.logCount() == before)
        #expect(throws: StoreError.invalid("a care request needs its reason")) {
            try f.store.addCareRequest(p.id, channel: .visit, problem: .worse, reason: "  ", as: f.nurse)
        }
        try f.store.write { db in try db.execute(sql: "UPDATE patient SET deceased = 1 WHERE id = ?", arguments: [p.id.rawValue]) }
        #expect(throws: StoreError.invalid("the patient has died; no care request can be registered")) {
            try f.store.addCareRequest(p.id, channel: .phone, problem: .new, reason: "Feber", as: f.nurse)
        }
    }

    @Test func contactAndAssessmentStopTheClocksAndAreLogged() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let r = try f.store.addCareRequest(p.id, channel: .phone, problem: .new, reason: "Yrsel", as: f.nurse)
        let contacted = try f.store.recordCareRequestContact(p.id, as: f.nurse)
        #expect(contacted.id == r.id && contacted.contactedBy == "karin.berg")
        #expect(contacted.clock(.contact).kept(today: f.today) == true)
        #expect(try f.log(p.id).first?.detail == "care request oldest open contacted [listing]")
        #expect(throws: StoreError.invalid("care request \(r.id) is already contacted")) {
            try f.store.recordCareRequestContact(p.id, id: r.id, as: f.nurse)
        }
        let assessed = try f.store.recordCareRequestAssessment(p.id, id: r.id, as: physician)
        #expect(assessed.assessedBy == "olof.hagg" && !assessed.isOpen)
        #expect(assessed.contactedBy == "karin.berg")
        #expect(assessed.clock(.assessment).kept(today: f.today) == true)
        #expect(throws: StoreError.notFound("an open care request of the patient at \(StoreFixture.vc)")) {
            try f.store.recordCareRequestContact(p.id, as: f.nurse)
        }
        #expect(throws: StoreError.invalid("a contact or assessment cannot be recorded in the future")) {
            try f.store.recordCareRequestContact(p.id, at: f.at(2026, 11, 25), as: f.nurse)
        }
    }

    @Test func anAssessmentIsAlsoTheContactAndIsMadeByLicensedStaff() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.addStaff(Staff(id: "ulla.us", name: "Ulla Us", profession: .assistantNurse,
                                   unitId: StoreFixture.vc, roles: [.nurse]))
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let r = try f.store.addCareRequest(p.id, channel: .visit, problem: .worse, reason: "Svullna ben", as: f.nurse)
        let assistant = AccessContext(staffId: "ulla.us", unitId: StoreFixture.vc, sessionId: "s-ulla")
        #expect(throws: StoreError.invalid("a medical assessment is made by licensed staff (legitimerad personal)")) {
            try f.store.recordCareRequestAssessment(p.id, as: assistant)
        }
        _ = try f.store.recordCareRequestContact(p.id, as: assistant)
        // Four days late: the registration is moved back past the deadline.
        try f.store.write { db in
            try db.execute(sql: "UPDATE care_request SET registered_at = registered_at - 4 * 86400, registered_on = ?",
                           arguments: [f.today.adding(days: -4).iso])
        }
        let assessed = try f.store.recordCareRequestAssessment(p.id, id: r.id, as: f.nurse)
        #expect(assessed.clock(.assessment).status(today: f.today) == .met(on: f.today, withinLimit: false))
        #expect(assessed.contactedBy == "ulla.us")
    }

    @Test func theListsShowOpenRequestsOrderedAndLogEachPatientShown() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let b = try f.patient(TestPnr.b, "Märta", "Ek")
        let c = try f.patient(TestPnr.c, "Nils", "Berg", listed: false)
        _ = try f.store.addCareRequest(a.id, channel: .phone, problem: .new, reason: "Hosta",
                                       callback: CallbackSlot(text: "13:00-15:00"), as: f.nurse)
        _ = try f.store.addCareRequest(b.id, channel: .phone, problem: .new, reason: "Feber",
                                       callback: CallbackSlot(text: "08:00-10:00"), as: f.nurse)
        _ = try f.store.addCareRequest(c.id, channel: .digital, problem: .worse, reason: "Utslag", as: f.nurse)
        // Another vårdcentral's request is not on this unit's list.
        let north: UnitID = "SE2321000164-vc02"
        try f.store.addUnit(CareUnit(id: north, name: "Vårdcentralen Norr", principal: .region, kind: .primaryCare))
        try f.store.addStaff(Staff(id: "eva.norr", name: "Eva Norr", profession: .nurse, unitId: north, roles: [.nurse]))
        let northNurse = AccessContext(staffId: "eva.norr", unitId: north, sessionId: "s-eva")
        _ = try f.store.addCareRequest(a.id, channel: .visit, problem: .new, reason: "Bröstsmärta", as: northNurse)
        let before = try f.logCount()
        let open = try f.store.openCareRequests(as: physician)
        #expect(open.map(\.patient.id) == [a.id, b.id, c.id])
        #expect(try f.logCount() == before + 3)
        #expect(try f.log(limit: 3).allSatisfy { $0.detail.hasPrefix("care requests [") })
        let callbacks = try f.store.openCareRequests(callbacks: true, as: physician)
        #expect(callbacks.map(\.patient.id) == [b.id, a.id])
        #expect(callbacks.map { $0.request.callback?.text } == ["08:00–10:00", "13:00–15:00"])
        // No answer: still on the callback list, counted, the clock running.
        let unanswered = try f.store.recordUnansweredCallback(b.id, as: physician)
        #expect(unanswered.unanswered == 1 && unanswered.contactedAt == nil)
        #expect(try f.store.recordUnansweredCallback(b.id, as: f.nurse).unanswered == 2)
        #expect(try f.store.openCareRequests(callbacks: true, as: physician).map(\.request.unanswered) == [2, 0])
        #expect(try f.log(b.id).first?.detail == "care request oldest open no answer [listing]")
        // Called back: off the callback list, still open until assessed.
        _ = try f.store.recordCareRequestContact(b.id, as: physician)
        #expect(try f.store.openCareRequests(callbacks: true, as: physician).map(\.patient.id) == [a.id])
        #expect(try f.store.openCareRequests(as: physician).map(\.patient.id) == [a.id, b.id, c.id])
        _ = try f.store.recordCareRequestAssessment(b.id, as: physician)
        #expect(try f.store.openCareRequests(as: physician).map(\.patient.id) == [a.id, c.id])
        #expect(try f.store.openCareRequests(as: northNurse).map(\.request.reason) == ["Bröstsmärta"])
        #expect(throws: StoreError.invalid("a care request is registered at a primary-care unit (vårdcentral)")) {
            try f.store.addCareRequest(b.id, channel: .phone, problem: .new, reason: "Hjärtklappning",
                                       as: try f.acting("erik.sjoberg"))
        }
    }

    @Test func aSecretarysCallbackListLeavesOutTheReason() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.addStaff(Staff(id: "sara.sek", name: "Sara Sek", profession: .secretary,
                                   unitId: StoreFixture.vc, roles: [.secretary]))
        let secretary = AccessContext(staffId: "sara.sek", unitId: StoreFixture.vc, sessionId: "s-sara")
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.addCareRequest(p.id, channel: .phone, problem: .new, reason: "Blod i urinen",
                                       callback: CallbackSlot(text: "10-12"), as: f.nurse)
        let list = try f.store.openCareRequests(callbacks: true, as: secretary)
        #expect(list.map(\.patient.id) == [p.id] && list.first?.request.reason == "")
        #expect(try f.store.openCareRequests(callbacks: true, as: physician).first?.request.reason == "Blod i urinen")
    }

    /// The log extract words each row for the patient: a care request, a list, a task.
    @Test func theExtractWordsCareRequestsAndTasks() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.addCareRequest(p.id, channel: .phone, problem: .new, reason: "Hosta",
                                       callback: CallbackSlot(text: "08-10"), as: f.nurse)
        _ = try f.store.openCareRequests(callbacks: true, as: physician)
        _ = try f.store.recordCareRequestContact(p.id, as: f.nurse)
        _ = try f.store.openCareRequests(as: physician)
        _ = try f.store.addTask(p.id, text: "Ring", toUnit: StoreFixture.vc, as: f.nurse)
        _ = try f.store.tasks(of: p.id, as: f.nurse)
        #expect(try f.log(p.id, limit: 6).reversed().map(LoggedActivity.init) == [
            .wroteCareRequest, .sawInWorkList, .wroteCareRequest, .sawInWorkList, .wroteTask, .readRecord,
        ])
    }

    @Test func theReportReadsTheUnitsRequestsInThePeriodAndNothingElse() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.addCareRequest(a.id, channel: .phone, problem: .new, reason: "Hosta", as: f.nurse)
        _ = try f.store.addCareRequest(a.id, channel: .phone, problem: .new, reason: "Feber", as: f.nurse)
        try f.store.write { db in
            try db.execute(sql: "UPDATE care_request SET registered_on = '2026-10-31' WHERE reason = 'Feber'")
        }
        let before = try f.logCount()
        let november = try f.store.careRequestsForReport(unit: StoreFixture.vc, from: LocalDate(iso: "2026-11-01")!,
                                                         to: f.today, as: physician)
        #expect(november.map(\.reason) == ["Hosta"])
        #expect(try f.store.careRequestsForReport(unit: StoreFixture.cardiology, from: f.today.adding(days: -60),
                                                  to: f.today, as: physician).isEmpty)
        #expect(try f.logCount() == before)
    }
}
