import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// Screens whose statements must not grow with their rows: over a network each statement
/// is a round trip (docs/BENCHMARKS.md). Mina patienter and a work list read their facts a
/// kind at a time for all their patients.
@Suite struct StatementBudgetTests {
    /// Patients listed at the vårdcentral, numbered `numbers`, each with a chronic diagnosis and the
    /// nurse as named care contact.
    static func myPatients(_ f: StoreFixture, _ numbers: ClosedRange<Int>) throws {
        for n in numbers {
            // 1950-01-01, serial 100 + n, with its check digit.
            let serial = String(100 + n)
            let check = Luhn.checkDigit(Array("500101" + serial).compactMap(\.wholeNumberValue))
            let ident = try PersonIdentifier.parse("19500101-\(serial)\(check)", today: f.today)
            let p = try f.store.registerPatient(NewPatient(identifier: ident, givenName: "Test\(n)", familyName: "Person"),
                                                listedAt: StoreFixture.vc, on: f.today.adding(days: -400), as: f.nurse)
            _ = try f.store.addProblem(p.id, code: "E11", text: "Diabetes", chronic: true, since: nil, as: f.nurse)
            _ = try f.store.assignContact(NewCareContact(patientId: p.id, role: .careContact, staffId: "karin.berg",
                                                         unitId: StoreFixture.vc, reason: "Diabetes",
                                                         from: f.today.adding(days: -300)), as: f.nurse)
        }
    }

    /// The nurse in a session of her own: a session logs a list's patients once, and each
    /// measurement must log them (the log rows go in one statement whatever their number).
    static func session() -> AccessContext {
        AccessContext(staffId: "karin.berg", unitId: StoreFixture.vc, sessionId: "s-\(UUID().uuidString.prefix(8))")
    }

    @Test func minaPatienterCostsTheSameStatementsForTwoPatientsAsForTwenty() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try Self.myPatients(f, 1...2)
        _ = try f.store.myPatients(limit: 100, as: Self.session())
        let few = try RecordStatementTests.statements(f) { _ = try f.store.myPatients(limit: 100, as: Self.session()) }
        try Self.myPatients(f, 3...20)
        var rows = 0
        let many = try RecordStatementTests.statements(f) {
            rows = try f.store.myPatients(limit: 100, as: Self.session()).count
        }
        #expect(rows == 20)
        #expect(many.count == few.count, "\(many.count) statements for 20 patients, \(few.count) for 2: \(many)")
        #expect(many.count <= 70, "\(many)")
    }

    @Test func aWorkListCostsTheSameStatementsForTwoPatientsAsForTwenty() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try Self.myPatients(f, 1...2)
        func load() throws -> Int {
            try f.store.workList(.withoutNamedGP, unit: StoreFixture.vc, settings: .default, today: f.today, limit: 100,
                                 as: Self.session()).count
        }
        _ = try load()
        let few = try RecordStatementTests.statements(f) { _ = try load() }
        try Self.myPatients(f, 3...20)
        var rows = 0
        let many = try RecordStatementTests.statements(f) { rows = try load() }
        #expect(rows == 20)
        #expect(many.count == few.count, "\(many.count) statements for 20 patients, \(few.count) for 2")
    }

    /// Every list's count at once (F6) in a fixed number of statements: the candidates of
    /// each list, one policy pass, one statement per kind of fact.
    @Test func theWorkListCountsCostTheSameStatementsForTwoPatientsAsForTwenty() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try Self.myPatients(f, 1...2)
        func counts() throws -> [WorkListKind: Int] {
            try f.store.workListCounts(unit: StoreFixture.vc, settings: .default, today: f.today, as: Self.session())
        }
        _ = try counts()
        let few = try f.store.recordingStatements { try counts() }
        try Self.myPatients(f, 3...20)
        let many = try f.store.recordingStatements { try counts() }
        #expect(few.result[.withoutNamedGP] == 2 && many.result[.withoutNamedGP] == 20)
        #expect(many.statements.count == few.statements.count,
                "\(many.statements.count) statements for 20 patients, \(few.statements.count) for 2")
        #expect(many.statements.count <= WorkListKind.allCases.count + 30, "\(many.statements)")
    }

    /// A unit's referral queue (F5) in two statements besides BEGIN and COMMIT, however
    /// many referrals and patients it holds: the queue with its patients' facts and
    /// summaries in one, the log rows in the other.
    @Test func theReferralQueueCostsTwoStatementsBesidesTheTransaction() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        func refer(_ numbers: ClosedRange<Int>) throws {
            try Self.myPatients(f, numbers)
            for row in try f.store.workList(.withoutNamedGP, unit: StoreFixture.vc, settings: .default, today: f.today,
                                            limit: 100, as: Self.session())
            where !(try f.store.openRecord(row.patient.id, as: f.nurse).referrals.isEmpty == false) {
                let r = try f.store.createReferral(NewReferral(patientId: row.patient.id, fromUnitId: StoreFixture.vc,
                                                               toUnitId: StoreFixture.cardiology, priority: .routine,
                                                               question: "Bedömning"), at: f.at(2026, 11, 1), as: f.nurse)
                _ = try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: f.at(2026, 11, 1),
                                              comment: "", as: f.nurse)
            }
        }
        func queue() throws -> [ReferralListItem] {
            try f.store.referrals(box: .inbox, unit: StoreFixture.cardiology, includeClosed: false, limit: 500,
                                  as: AccessContext(staffId: f.cardiologist.staffId, unitId: StoreFixture.cardiology,
                                                    sessionId: "s-\(UUID().uuidString.prefix(8))"))
        }
        try refer(1...2)
        let few = try f.store.recordingStatements { try queue() }
        try refer(3...20)
        let many = try f.store.recordingStatements { try queue() }
        #expect(few.result.count == 2 && many.result.count == 20)
        let work = try f.store.countingWork { try queue() }
        #expect(work.statements.count == 2, "\(work.statements)")
        #expect(many.statements.count == few.statements.count)
    }

    /// Min dag's every section (what F8 loads: care requests, tasks, planned contacts and
    /// the news) in a fixed number of statements, however many patients and items it shows:
    /// each section reads its items, their patients' policy facts and summaries a kind at
    /// a time, and logs its patients in one statement.
    @Test func minDagCostsTheSameStatementsForTwoPatientsAsForTwenty() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        /// For each patient: a care request at the unit, a task to the nurse, a planned
        /// contact, and a task the nurse wrote that is done (news).
        var filled: Set<PatientID> = []
        func fill(_ numbers: ClosedRange<Int>) throws {
            try Self.myPatients(f, numbers)
            for row in try f.store.myPatients(limit: 100, as: Self.session()) where !filled.contains(row.patient.id) {
                let patient = row.patient.id
                filled.insert(patient)
                _ = try f.store.addCareRequest(patient, channel: .phone, problem: .new, reason: "Hosta", callback: nil,
                                               as: f.nurse)
                _ = try f.store.addTask(patient, text: "Ring patienten", toStaff: "karin.berg", toUnit: nil, due: nil,
                                        priority: .normal, as: f.nurse)
                _ = try f.store.addPlannedContact(patient, on: f.today, note: "Uppföljning", as: f.nurse)
                let done = try f.store.addTask(patient, text: "Provtagning", toStaff: nil, toUnit: StoreFixture.vc,
                                               due: nil, priority: .normal, as: f.nurse)
                _ = try f.store.completeTask(patient, id: done.id, reply: "Klart", as: f.nurse)
            }
        }
        func day() throws -> [Int] {
            let who = Self.session()
            return [try f.store.openCareRequests(callbacks: false, limit: 500, as: who).count,
                    try f.store.openTasks(limit: 500, as: who).count,
                    try f.store.plannedContacts(from: f.today.adding(days: -14), limit: 500, as: who).count,
                    try f.store.patientNews(since: f.at(2026, 11, 1), limit: 500, as: who).count]
        }
        try fill(1...2)
        _ = try day()
        let few = try f.store.countingWork { try day() }
        try fill(3...20)
        let many = try f.store.countingWork { try day() }
        #expect(few.result == [2, 2, 2, 2] && many.result == [20, 20, 20, 20])
        #expect(many.statements.count == few.statements.count,
                "\(many.statements.count) statements for 20 patients, \(few.statements.count) for 2: \(many.statements)")
        // Care requests, tasks and planned contacts 6 each (the user, the items, the
        // policy's facts, the summaries, the log's head and rows), the news 6 (its items
        // of every kind in one).
        #expect(many.statements.count <= 24, "\(many.statements)")
    }

    /// A letter typed into the search is one statement: the user, the hits and their
    /// summaries together. A whole identifier adds its own lookup.
    @Test func aSearchIsOneStatement() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try Self.myPatients(f, 1...20)
        _ = try f.store.searchPatients("te", limit: 50, as: f.nurse)
        let byName = try f.store.countingWork { try f.store.searchPatients("test", limit: 50, as: f.nurse) }
        #expect(byName.result.count == 20)
        #expect(byName.statements.count == 1, "\(byName.statements)")
        let byPrefix = try f.store.countingWork { try f.store.searchPatients("195001", limit: 50, as: f.nurse) }
        #expect(byPrefix.result.count == 20)
        #expect(byPrefix.statements.count == 1, "\(byPrefix.statements)")
    }
}
