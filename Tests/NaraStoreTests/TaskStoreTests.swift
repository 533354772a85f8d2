import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Tasks about a patient: written and read through the door, another provider's hidden
/// without consent, done by the addressee with a reply.
@Suite struct TaskStoreTests {
    let home = AccessContext(staffId: "lena.ek", unitId: StoreFixture.homeCare, sessionId: "s-lena")

    /// A home visit by the municipality's nurse, which gives her unit a care relationship.
    static func visit(_ f: StoreFixture, _ patient: PatientID) throws {
        _ = try f.store.recordEncounter(NewEncounter(patientId: patient, at: f.at(2026, 11, 20), mode: .homeVisit,
                                                     planned: true, staffId: "lena.ek", unitId: StoreFixture.homeCare,
                                                     reason: "Såromläggning"), as: try f.acting("lena.ek"))
    }

    @Test func aTaskIsWrittenListedInWorkOrderAndDoneWithAReply() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let later = try f.store.addTask(p.id, text: "Boka uppföljning", toUnit: StoreFixture.vc,
                                        due: f.today.adding(days: 7), as: f.nurse)
        let soon = try f.store.addTask(p.id, text: "Ring om provsvar", toStaff: "olof.hagg",
                                       due: f.today, priority: .urgent, as: f.nurse)
        #expect(try f.log(p.id).first?.detail == "task to olof.hagg [listing]")
        let doctor = AccessContext(staffId: "olof.hagg", unitId: StoreFixture.vc, sessionId: "s-olof")
        #expect(try f.store.tasks(of: p.id, as: doctor).tasks.map(\.id) == [soon.id, later.id])
        #expect(try f.log(p.id).first?.detail == "tasks [listing]")
        let done = try f.store.completeTask(p.id, id: soon.id, reply: "Ringt, allt bra", as: doctor)
        #expect(done.isDone && done.doneBy == "olof.hagg" && done.reply == "Ringt, allt bra")
        #expect(try f.store.tasks(of: p.id, as: doctor).tasks.map(\.id) == [later.id, soon.id])
        #expect(throws: StoreError.invalid("task \(soon.id) is already done")) {
            try f.store.completeTask(p.id, id: soon.id, reply: nil, as: doctor)
        }
        #expect(throws: StoreError.invalid("a task is addressed to one person or one unit")) {
            try f.store.addTask(p.id, text: "Två", toStaff: "olof.hagg", toUnit: StoreFixture.vc, as: f.nurse)
        }
        #expect(throws: StoreError.invalid("a task cannot be due before today")) {
            try f.store.addTask(p.id, text: "Sent", toUnit: StoreFixture.vc, due: f.today.adding(days: -1), as: f.nurse)
        }
    }

    @Test func anotherProvidersTaskNeedsThePatientsConsent() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let task = try f.store.addTask(p.id, text: "Såromläggning dagligen", toUnit: StoreFixture.homeCare, as: f.nurse)
        // The home care nurse's own visit is her relationship.
        try Self.visit(f, p.id)
        let hidden = try f.store.tasks(of: p.id, as: home)
        #expect(hidden.tasks.isEmpty && hidden.hidden == 1)
        #expect(throws: StoreError.notFound("task \(task.id) of the patient")) {
            try f.store.completeTask(p.id, id: task.id, reply: "Gjort", as: home)
        }
        _ = try f.store.addConsent(p.id, source: nil, until: nil, as: home)
        let shown = try f.store.tasks(of: p.id, as: home)
        #expect(shown.tasks.map(\.id) == [task.id] && shown.hidden == 0)
        #expect(try f.store.completeTask(p.id, id: task.id, reply: "Gjort", as: home).doneBy == "lena.ek")
    }

    @Test func theInboxHoldsOpenTasksToMeOrMyUnitAndLogsEachPatient() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let b = try f.patient(TestPnr.b, "Märta", "Ek")
        let mine = try f.store.addTask(a.id, text: "Bedöm BT-lista", toStaff: "olof.hagg", due: f.today, as: f.nurse)
        let unit = try f.store.addTask(b.id, text: "Ring efter provsvar", toUnit: StoreFixture.vc, as: f.nurse)
        _ = try f.store.addTask(a.id, text: "Annan läkare", toStaff: "maria.lind", as: f.nurse)
        let done = try f.store.addTask(b.id, text: "Klar", toStaff: "olof.hagg", as: f.nurse)
        _ = try f.store.completeTask(b.id, id: done.id, reply: nil, as: f.nurse)
        let doctor = AccessContext(staffId: "olof.hagg", unitId: StoreFixture.vc, sessionId: "s-olof")
        let before = try f.logCount()
        let inbox = try f.store.openTasks(as: doctor)
        #expect(inbox.map(\.task.id) == [mine.id, unit.id])
        #expect(inbox.map(\.patient.id) == [a.id, b.id])
        #expect(try f.logCount() == before + 2)
        #expect(try f.log(limit: 2).allSatisfy { LoggedActivity($0) == .sawInWorkList })
        // The home care unit's inbox holds another provider's task only with the patient's consent.
        let toHome = try f.store.addTask(a.id, text: "Såromläggning", toUnit: StoreFixture.homeCare, as: f.nurse)
        try Self.visit(f, a.id)
        #expect(try f.store.openTasks(as: home).isEmpty)
        _ = try f.store.addConsent(a.id, source: nil, until: nil, as: home)
        #expect(try f.store.openTasks(as: home).map(\.task.id) == [toHome.id])
    }

    @Test func onlyTheAddresseeOrTheWritingUnitMarksItDone() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let task = try f.store.addTask(p.id, text: "Läkemedelsgenomgång", toStaff: "olof.hagg", as: f.nurse)
        let cardiologist = try f.acting("erik.sjoberg")
        #expect(throws: StoreError.invalid("task \(task.id) is addressed to olof.hagg")) {
            try f.store.completeTask(p.id, id: task.id, reply: nil, as: cardiologist)
        }
        #expect(try f.store.completeTask(p.id, id: task.id, reply: nil, as: f.nurse).doneBy == "karin.berg")
    }
}
