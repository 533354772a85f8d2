import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// Every public store method that reads patient information, called once: each writes
/// a log row naming every patient it returned, in the same transaction (HSLF-FS 2016:40
/// 4 kap 9 §). A new reading method belongs in this list.
@Suite struct DoorCoverageTests {
    @Test func everyReadOfPatientInformationLogsEachPatientShown() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let asa = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let bo = try f.patient(TestPnr.b, "Bo", "Ek")
        for p in [asa, bo] {
            _ = try f.store.addProblem(p.id, code: "E11", text: "Diabetes", chronic: true, since: nil, as: f.nurse)
            let r = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                          toUnitId: StoreFixture.cardiology, priority: .routine,
                                                          question: "Bedömning"), at: f.at(2026, 6, 1), as: f.nurse)
            _ = try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: f.at(2026, 6, 1), comment: "",
                                          as: f.nurse)
        }
        try f.store.addStaff(Staff(id: "ada.admin", name: "Ada Admin", profession: .secretary, unitId: StoreFixture.vc,
                                   roles: [.administrator]))
        let admin = AccessContext(staffId: "ada.admin", unitId: StoreFixture.vc, sessionId: "a")
        _ = try f.store.addTask(bo.id, text: "Ring", toStaff: "karin.berg", as: f.nurse)
        _ = try f.store.addCareRequest(asa.id, channel: .phone, problem: .new, reason: "Feber", as: f.nurse)
        _ = try f.store.addPlannedContact(asa.id, on: f.today, note: "", as: f.nurse)

        /// Runs a read and returns the patients the new log rows name.
        func logged(_ read: () throws -> Void) throws -> Set<PatientID> {
            let before = try f.log(nil, limit: 1).first?.id ?? 0
            try read()
            return Set(try f.log(nil, limit: 1000).filter { $0.id > before }.compactMap(\.patientId))
        }
        let both: Set<PatientID> = [asa.id, bo.id]
        var reads: [(String, () throws -> Set<PatientID>)] = [
            ("openRecord", { [try f.store.openRecord(asa.id, as: f.nurse).patient.id] }),
            ("referrals outbox", {
                Set(try f.store.referrals(box: .outbox, unit: StoreFixture.vc, includeClosed: true, limit: 50,
                                          as: f.nurse).map(\.patient.id))
            }),
            ("referrals inbox", {
                Set(try f.store.referrals(box: .inbox, unit: StoreFixture.cardiology, includeClosed: true, limit: 50,
                                          as: f.cardiologist).map(\.patient.id))
            }),
            ("accessLog", { _ = try f.store.accessLog(patient: bo.id, limit: 10, as: f.nurse); return [bo.id] }),
            ("accessLogExtract", { _ = try f.store.accessLogExtract(patient: asa.id, as: admin); return [asa.id] }),
            ("consents", { _ = try f.store.consents(of: asa.id, as: f.nurse); return [asa.id] }),
            ("blocks", { _ = try f.store.blocks(of: bo.id, as: f.nurse); return [bo.id] }),
            ("dischargeNotices", { _ = try f.store.dischargeNotices(of: asa.id, as: f.nurse); return [asa.id] }),
            ("myPatients", { Set(try f.store.myPatients(limit: 50, as: f.nurse).map(\.patient.id)) }),
            ("openTasks", { Set(try f.store.openTasks(limit: 50, as: f.nurse).map(\.patient.id)) }),
            ("openCareRequests", {
                Set(try f.store.openCareRequests(callbacks: false, limit: 50, as: f.nurse).map(\.patient.id))
            }),
            ("plannedContacts", { Set(try f.store.plannedContacts(from: f.today, limit: 50, as: f.nurse).map(\.patient.id)) }),
            ("patientNews", {
                Set(try f.store.patientNews(since: f.at(2026, 1, 1), limit: 50, as: f.nurse).map(\.patient.id))
            }),
            ("exportBatch", {
                Set(try f.store.exportBatch(as: f.nurse, detail: "FHIR export").patients.map(\.value.patient.id))
            }),
            ("reviewSample", {
                Set(try f.store.reviewSample(from: f.today, to: f.today, sample: 100, seed: 1, as: admin)
                    .compactMap(\.entry.patientId))
            }),
        ]
        for kind in WorkListKind.allCases {
            reads.append(("workList \(kind.rawValue)", {
                Set(try f.store.workList(kind, unit: StoreFixture.vc, settings: .default, today: f.today, limit: 50,
                                         as: f.nurse).map(\.patient.id))
            }))
        }
        var shownSomewhere = Set<PatientID>()
        for (name, read) in reads {
            var shown = Set<PatientID>()
            let named = try logged { shown = try read() }
            #expect(shown.isSubset(of: named), "\(name) showed \(shown) but logged \(named)")
            shownSomewhere.formUnion(shown)
        }
        #expect(shownSomewhere == both)
    }

    /// A list read again in the same session does not log the same patients again at
    /// once (a colleague's commit refreshes every screen); a new session does.
    @Test func aRefreshedListLogsOnlyWhatIsNew() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.addProblem(p.id, code: "E11", text: "Diabetes", chronic: true, since: nil, as: f.nurse)
        func list(_ context: AccessContext) throws {
            _ = try f.store.workList(.chronicWithoutEncounter, unit: StoreFixture.vc, settings: .default,
                                     today: f.today, limit: 50, as: context)
        }
        let before = try f.logCount()
        try list(f.nurse)
        #expect(try f.logCount() == before + 1)
        #expect(try f.log(p.id).first?.detail == "work list chronic-no-contact [listing]")
        try list(f.nurse)
        #expect(try f.logCount() == before + 1)
        var otherSession = f.nurse
        otherSession.sessionId = "s-other"
        try list(otherSession)
        #expect(try f.logCount() == before + 2)
    }
}
