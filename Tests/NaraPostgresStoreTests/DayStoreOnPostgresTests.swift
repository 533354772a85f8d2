import Foundation
import GRDB
@testable import NaraDomain
import NaraPostgresTesting
import Synchronization
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The rest of the day on PostgreSQL: what a call costs, and that sessions stepping one
/// care request at once count each step once.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct DayStoreOnPostgresTests {
    typealias Cast = ConsentAndBlockConformanceTests.Cast

    static func sent(_ pg: PostgresStore, _ body: () throws -> Void) rethrows -> Int {
        let before = pg.client.statementsSent
        try body()
        return pg.client.statementsSent - before
    }

    /// Five statements a change, four one refused on what was read, none one refused on
    /// the request alone; two a list, one when the session logged its patients lately or
    /// the user is refused; one the day seen.
    @Test func dayCallsSendTheStatementsTheirDocCommentsSay() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try Cast(sqlite), p = c.patient, today = RecordConformanceTests.today
        let now = RecordConformanceTests.clock.now
        var request: CareRequest?
        #expect(try Self.sent(pg) {
            request = try pg.addCareRequest(p, channel: .visit, problem: .worse, reason: "Sämre", as: c.owner)
        } == 5)
        let id = try #require(request?.id)
        #expect(try pg.accessLogRows(after: 0, limit: 100_000).last?.content.detail.hasPrefix("care request \(id) registered")
                == true)
        #expect(try Self.sent(pg) { _ = try pg.recordUnansweredCallback(p, id: id, as: c.owner) } == 5)
        #expect(try Self.sent(pg) { _ = try pg.recordCareRequestContact(p, id: nil, at: nil, as: c.owner) } == 5)
        #expect(Self.sent(pg) { #expect(throws: CareRequestRules.alreadyTaken(id, .contact)) {
            try pg.recordCareRequestContact(p, id: id, at: nil, as: c.owner)
        } } == 4)
        #expect(try Self.sent(pg) { _ = try pg.recordCareRequestAssessment(p, id: id, at: nil, as: c.owner) } == 5)
        #expect(Self.sent(pg) { #expect(throws: StoreError.self) {
            try pg.recordCareRequestAssessment(p, id: id, at: now.addingTimeInterval(7200), as: c.owner)
        } } == 0)
        #expect(Self.sent(pg) { #expect(throws: StoreError.self) {
            try pg.addCareRequest(p, channel: .phone, problem: .new, reason: " ", as: c.owner)
        } } == 0)
        #expect(try Self.sent(pg) { _ = try pg.addPlannedContact(p, on: today, note: "Ring", as: c.owner) } == 5)
        #expect(Self.sent(pg) { #expect(throws: StoreError.self) {
            try pg.addPlannedContact(p, on: today.adding(days: -1), note: "Ring", as: c.owner)
        } } == 0)
        var planned: [PlannedContactRow] = []
        #expect(try Self.sent(pg) { planned = try pg.plannedContacts(from: today, limit: 10, as: c.owner) } == 2)
        #expect(planned.count == 1)
        #expect(try Self.sent(pg) { _ = try pg.plannedContacts(from: today, limit: 10, as: c.owner) } == 1)
        #expect(Self.sent(pg) { #expect(throws: StoreError.accessDenied(.inactiveUser)) {
            try pg.plannedContacts(from: today, limit: 10, as: c.departed)
        } } == 1)
        let task = try pg.addTask(p, text: "Ring", toStaff: c.colleague, as: c.owner)
        let colleague = AccessContext(staffId: c.colleague, unitId: c.unit, sessionId: "col")
        _ = try pg.completeTask(p, id: task.id, reply: nil, as: colleague)
        var news: [PatientNewsRow] = []
        #expect(try Self.sent(pg) { news = try pg.patientNews(since: now.addingTimeInterval(-3600), limit: 10,
                                                              as: c.owner) } == 2)
        #expect(news.contains { if case .taskDone = $0.news { true } else { false } })
        #expect(try Self.sent(pg) { _ = try pg.patientNews(since: now.addingTimeInterval(-3600), limit: 10,
                                                           as: c.owner) } == 1)
        var seen: Date?? = nil
        #expect(try Self.sent(pg) { seen = try pg.markDaySeen(as: c.owner) } == 1)
        #expect(seen == .some(nil))
        #expect(try pg.markDaySeen(as: c.owner) == Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down)))
    }

    /// Eight sessions, each its own connection, record the contact of one request at once:
    /// one stops the clock, the others find it stopped; then eight record the assessment of
    /// the patient's oldest open request, of two: each request is assessed once.
    @Test func oneStepOfManyAtOnce() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try Cast(sqlite), p = c.patient
        let requests = try (0..<2).map { _ in
            try pg.addCareRequest(p, channel: .phone, problem: .new, reason: "Hosta", as: c.owner).id
        }
        let head = try #require(try pg.accessLogHead()?.rowId)
        let location = pg.client.location
        func atOnce(_ step: @escaping @Sendable (PostgresStore) throws -> Void,
                    refused: @escaping @Sendable (StoreError) -> Bool) -> (done: Int, errors: [any Error]) {
            let errors = Errors(), done = Mutex(0)
            PG.onThreads(8) { _ in
                do {
                    try step(try PostgresStore.open(location: location, clock: RecordConformanceTests.clock))
                    done.withLock { $0 += 1 }
                } catch let error as StoreError where refused(error) {
                    return
                } catch {
                    errors.add(error)
                }
            }
            return (done.withLock { $0 }, errors.all)
        }
        let first = requests[0], owner = c.owner
        let contacts = atOnce({ _ = try $0.recordCareRequestContact(p, id: first, at: nil, as: owner) }) {
            $0 == CareRequestRules.alreadyTaken(first, .contact)
        }
        #expect(contacts.errors.isEmpty, "\(contacts.errors)")
        #expect(contacts.done == 1)
        let unanswered = atOnce({ _ = try $0.recordUnansweredCallback(p, id: requests[1], as: owner) }) { _ in false }
        #expect(unanswered.errors.isEmpty && unanswered.done == 8, "\(unanswered.errors)")
        let assessments = atOnce({ _ = try $0.recordCareRequestAssessment(p, id: nil, at: nil, as: owner) }) {
            $0 == StoreError.notFound("an open care request of the patient at \(owner.unitId)")
        }
        #expect(assessments.errors.isEmpty, "\(assessments.errors)")
        #expect(assessments.done == 2)
        let rows = try PG.admin(pg, """
            SELECT unanswered, contacted_at IS NOT NULL, assessed_at IS NOT NULL FROM nara.care_request
             WHERE id IN (\(first), \(requests[1])) ORDER BY id
            """).map { try $0.decode((Int64, Bool, Bool).self) }
        #expect(rows.map(\.0) == [0, 8] && rows.allSatisfy { $0.1 && $0.2 }, "\(rows)")
        #expect(try pg.accessLogHead()?.rowId == head + 1 + 8 + 2)
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
    }
}
