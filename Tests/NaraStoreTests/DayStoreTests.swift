import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// What Min dag reads and writes, through the `CareStore` protocol the screens hold:
/// every patient shown is logged, another provider's tasks need the patient's consent,
/// and a planned contact is no care.
@Suite struct DayStoreTests {
    let home = AccessContext(staffId: "lena.ek", unitId: StoreFixture.homeCare, sessionId: "s-lena")

    /// Runs a read and returns the patients the new log rows name.
    static func logged(_ f: StoreFixture, _ read: () throws -> Void) throws -> [PatientID] {
        let before = try f.log(nil, limit: 1).first?.id ?? 0
        try read()
        return try f.log(nil, limit: 1000).filter { $0.id > before }.compactMap(\.patientId)
    }

    @Test func everyListOfMinDagLogsEachPatientItShows() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store: any CareStore = f.store
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg"), b = try f.patient(TestPnr.b, "Märta", "Ek")
        _ = try store.addCareRequest(a.id, channel: .phone, problem: .new, reason: "Feber", callback: nil, as: f.nurse)
        _ = try store.addCareRequest(b.id, channel: .phone, problem: .worse, reason: "Hosta",
                                     callback: CallbackSlot(text: "08-10"), as: f.nurse)
        _ = try store.addTask(b.id, text: "Ring", toStaff: "karin.berg", toUnit: nil, due: nil, priority: .normal,
                              as: f.nurse)
        _ = try store.addPlannedContact(a.id, on: f.today.adding(days: 3), note: "Sårkontroll", as: f.nurse)
        _ = try store.assignContact(NewCareContact(patientId: a.id, role: .careContact, staffId: "karin.berg",
                                                   unitId: StoreFixture.vc, reason: "Samordning", from: f.today),
                                    as: f.nurse)
        _ = try f.store.recordAdmissionNotice(a.id, ward: StoreFixture.ward, admittedOn: f.today,
                                              expectedDischargeOn: nil, as: f.nurse)
        let plan = try store.savePlan(CoordinatedPlan(id: 0, patientId: a.id, responsibleUnitId: StoreFixture.vc,
                                                       participants: [], goal: "Hemma", agreedOn: f.today.adding(days: -30),
                                                       followUpOn: f.today, consentOn: f.today.adding(days: -30)),
                                      as: f.nurse)
        let since = f.today.adding(days: -1).noon(in: .stockholm)

        var requests = 0, tasks = 0, notes: [String] = [], news: [PatientNews] = []
        let requestsLogged = try Self.logged(f) {
            requests = try store.openCareRequests(callbacks: false, limit: 50, as: f.nurse).count
        }
        #expect(requests == 2 && Set(requestsLogged) == [a.id, b.id])
        let tasksLogged = try Self.logged(f) { tasks = try store.openTasks(limit: 50, as: f.nurse).count }
        #expect(tasks == 1 && tasksLogged == [b.id])
        let plannedLogged = try Self.logged(f) {
            notes = try store.plannedContacts(from: f.today, limit: 50, as: f.nurse).map(\.contact.note)
        }
        #expect(notes == ["Sårkontroll"] && plannedLogged == [a.id])
        let newsLogged = try Self.logged(f) { news = try store.patientNews(since: since, limit: 50, as: f.nurse).map(\.news) }
        #expect(Set(news) == [.admitted(ward: "Medicinavdelning 7", on: f.today),
                              .planFollowUpDue(plan: plan.id, on: f.today)])
        #expect(Set(newsLogged) == [a.id])
        let mine = try store.myPatients(limit: 50, as: f.nurse)
        #expect(mine.map(\.nextPlanned) == [f.today.adding(days: 3)])
        // The first look at Min dag has no earlier time; the next one has the first.
        #expect(try store.markDaySeen(as: f.nurse) == nil)
        #expect(try store.markDaySeen(as: f.nurse) != nil)
    }

    /// The named GP of one of my patients ended with nobody after: the news says one is needed,
    /// and stops saying it once a new one is appointed.
    @Test func aNamedContactEndedWithoutSuccessorIsNews() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store: any CareStore = f.store
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try store.assignContact(NewCareContact(patientId: a.id, role: .careContact, staffId: "karin.berg",
                                                   unitId: StoreFixture.vc, reason: "Samordning", from: f.today.adding(days: -40)),
                                    as: f.nurse)
        let gp = try store.assignContact(NewCareContact(patientId: a.id, role: .namedPhysician, staffId: "olof.hagg",
                                                        unitId: StoreFixture.vc, reason: "Fast läkare",
                                                        from: f.today.adding(days: -40)), as: f.nurse)
        _ = try store.endContact(gp.id, expectedVersion: gp.version, on: f.today, reason: "Slutar på enheten", as: f.nurse)
        let since = f.today.adding(days: -1).noon(in: .stockholm)
        let news = try store.patientNews(since: since, limit: 50, as: f.nurse).map(\.news)
        #expect(news == [.namedContactEnded(role: .namedPhysician, name: "Olof Hägg", on: f.today)])
        try f.store.addStaff(Staff(id: "eva.lund", name: "Eva Lund", profession: .physician, unitId: StoreFixture.vc,
                                   roles: [.physician]))
        _ = try store.assignContact(NewCareContact(patientId: a.id, role: .namedPhysician, staffId: "eva.lund",
                                                   unitId: StoreFixture.vc, reason: "Ny fast läkare", from: f.today),
                                    as: f.nurse)
        #expect(try store.patientNews(since: since, limit: 50, as: f.nurse).isEmpty)
    }

    /// A referral about one of my patients that was answered, or rejected, is news.
    @Test func aReferralAnsweredOrRejectedIsNews() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store: any CareStore = f.store
        let day = f.at(2026, 11, 22)
        var referrals: [Referral] = []
        for (pnr, name) in [(TestPnr.a, "Åsa"), (TestPnr.b, "Märta")] {
            let p = try f.patient(pnr, name, "Ek")
            _ = try store.assignContact(NewCareContact(patientId: p.id, role: .careContact, staffId: "karin.berg",
                                                       unitId: StoreFixture.vc, reason: "Samordning",
                                                       from: f.today.adding(days: -40)), as: f.nurse)
            let r = try store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                         toUnitId: StoreFixture.cardiology, priority: .routine,
                                                         question: "Bedömning"), at: day, as: f.nurse)
            referrals.append(try store.applyReferral(r.id, .send, expectedVersion: r.version, at: day, comment: "",
                                                     as: f.nurse))
        }
        func step(_ r: Referral, _ action: ReferralAction) throws -> Referral {
            try store.applyReferral(r.id, action, expectedVersion: r.version, at: day, comment: "", as: f.cardiologist)
        }
        var answered = try step(referrals[0], .confirmReceipt)
        for action in [ReferralAction.accept, .book(on: f.today), .markSeen, .reply(text: "Normalt EKG")] {
            answered = try step(answered, action)
        }
        let rejected = try step(try step(referrals[1], .confirmReceipt), .reject(reason: "Fel mottagare"))
        let news = try store.patientNews(since: f.today.adding(days: -3).noon(in: .stockholm), limit: 50, as: f.nurse)
        #expect(Set(news.map(\.news)) == [.referralAnswered(referral: answered.id, unit: "Kardiologmottagningen"),
                                          .referralRejected(referral: rejected.id, unit: "Kardiologmottagningen")])
    }

    @Test func aTaskFromAnotherProviderIsShownOnlyWithConsentAndItsReplyReachesTheWriter() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store: any CareStore = f.store
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        try TaskStoreTests.visit(f, p.id)
        let since = f.today.adding(days: -1).noon(in: .stockholm)
        let task = try store.addTask(p.id, text: "Se över dosetten", toStaff: "karin.berg", toUnit: nil, due: nil,
                                     priority: .urgent, as: home)
        // The vårdcentral nurse sees nothing of the municipality's information without consent,
        // and nothing is logged for a patient not shown.
        var hidden: [TaskRow] = []
        let hiddenLogged = try Self.logged(f) { hidden = try store.openTasks(limit: 50, as: f.nurse) }
        #expect(hidden.isEmpty && hiddenLogged.isEmpty)
        #expect(throws: StoreError.notFound("task \(task.id) of the patient")) {
            try store.completeTask(p.id, id: task.id, reply: "Nej", as: f.nurse)
        }
        _ = try store.addConsent(p.id, source: nil, until: nil, as: f.nurse)
        #expect(try store.openTasks(limit: 50, as: f.nurse).map(\.task.id) == [task.id])
        _ = try store.completeTask(p.id, id: task.id, reply: "Dosetten ändrad", as: f.nurse)
        let news = try store.patientNews(since: since, limit: 50, as: home)
        #expect(news.map(\.news) == [.taskDone(text: "Se över dosetten", reply: "Dosetten ändrad", by: "Karin Berg")])
        #expect(try store.patientNews(since: since, limit: 50, as: f.nurse).isEmpty)
    }

    @Test func aPlannedContactIsTodayOrLaterAndCountsAsNoEncounter() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store: any CareStore = f.store
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        #expect(throws: StoreError.invalid("a planned contact is today or later")) {
            try store.addPlannedContact(p.id, on: f.today.adding(days: -1), note: "", as: f.nurse)
        }
        let before = try store.openRecord(p.id, as: f.nurse).encounters.count
        let planned = try store.addPlannedContact(p.id, on: f.today.adding(days: 14), note: "Uppföljning", as: f.nurse)
        #expect(planned.staffId == "karin.berg" && planned.unitId == StoreFixture.vc)
        #expect(try f.log(p.id).first?.detail.hasPrefix("planned contact \(f.today.adding(days: 14).iso)") == true)
        #expect(try store.openRecord(p.id, as: f.nurse).encounters.count == before)
        // Another unit's staff with no relationship to the patient may not plan one.
        #expect(throws: StoreError.self) {
            try store.addPlannedContact(p.id, on: f.today, note: "", as: f.cardiologist)
        }
    }
}
