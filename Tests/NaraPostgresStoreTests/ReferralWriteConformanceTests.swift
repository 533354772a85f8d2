import Foundation
import GRDB
@testable import NaraDomain
import NaraPostgresTesting
import Synchronization
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// Writing referrals on PostgreSQL against the SQLite store they were copied from: the
/// same requests give the same results or refusals (the lifecycle's too), the same log
/// rows, and the same record afterwards, events and pauses included.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ReferralWriteConformanceTests {
    static let at = RecordConformanceTests.clock.now

    static func requests(_ c: ConsentAndBlockConformanceTests.Cast, _ w: RecordWrites) -> [RecordWrites.Request] {
        let p = c.patient, vc = c.owner, there = c.outsider.unitId
        let none = PatientID(rawValue: 9_999_999), nowhere: UnitID = "SE2321000164-finns-ej"
        var emergency = c.outsider
        emergency.emergencyReason = "Akut försämring, patienten medvetslös"
        func new(from: UnitID? = nil, to: UnitID? = nil, question: String = "Bedömning av knäsmärta?",
                 selfReferral: Bool = false, patient: PatientID? = nil) -> NewReferral {
            NewReferral(patientId: patient ?? p, fromUnitId: from ?? c.unit, toUnitId: to ?? there, priority: .priority,
                        question: question, selfReferral: selfReferral)
        }
        func create(_ referral: NewReferral, as context: AccessContext = vc,
                    remember key: String? = nil) -> (any RecordWriteCalls) throws -> Any {
            { store in
                let made = try store.createReferral(referral, at: at, as: context)
                if let key { w.remember(key, made.id, store) }
                return made
            }
        }
        func step(_ key: String, _ action: ReferralAction, version: Int, comment: String = "",
                  as context: AccessContext = vc) -> (any RecordWriteCalls) throws -> Any {
            { try $0.applyReferral(w.recalled(key, $0), action, expectedVersion: version, at: at.addingTimeInterval(60),
                                   comment: comment, as: context) }
        }
        return [
            ("create without question", create(new(question: " \n "))),
            ("create by no one", create(new(), as: c.stranger)),
            ("create by the departed", create(new(), as: c.departed)),
            ("create without relationship", create(new(), as: c.outsider)),
            ("create for no patient", create(new(patient: none))),
            ("create to no unit", create(new(to: nowhere))),
            ("create from no unit", create(new(from: nowhere))),
            ("create from another unit", create(new(from: there, to: c.unit))),
            ("create to the same unit", create(new(to: c.unit))),
            ("create", create(new(), remember: "r")),
            ("create a self-referral", create(new(from: there, to: c.unit, selfReferral: true), remember: "self")),
            ("step no referral", { try $0.applyReferral(9_999_999, .send, expectedVersion: 1, at: at, comment: "",
                                                        as: vc) }),
            ("step at an old version", step("r", .send, version: 4)),
            ("step by no one", step("r", .send, version: 1, as: c.stranger)),
            ("step without relationship", step("r", .send, version: 1, as: c.outsider)),
            ("step with too long a comment", step("r", .send, version: 1, comment: String(repeating: "a", count: 2001))),
            ("send", step("r", .send, version: 1, comment: "Skickas idag")),
            ("send again", step("r", .send, version: 2)),
            ("forward to no unit", step("r", .forward(to: nowhere, reason: "Fel mottagning"), version: 2)),
            ("cancel without reason", step("r", .cancel(reason: " "), version: 2)),
            ("pause by the sender", step("r", .pauseClock(.medical, comment: "Prover"), version: 2)),
            ("cancel", step("r", .cancel(reason: "Besvären\u{0007} gick över"), version: 2, comment: "Ringt patienten")),
            ("send the self-referral", step("self", .send, version: 1)),
            ("send the self-referral in an emergency", step("self", .send, version: 1, as: emergency)),
            ("confirm the self-referral", step("self", .confirmReceipt, version: 2)),
            ("accept the self-referral", step("self", .accept, version: 3)),
            ("pause its clock", step("self", .pauseClock(.medical, comment: "Väntar på\u{0007} prover"), version: 4)),
            ("pause it again", step("self", .pauseClock(.medical, comment: "Igen"), version: 5)),
            ("resume its clock", step("self", .resumeClock, version: 5, comment: "Proverna klara")),
            ("book it before it was sent", step("self", .book(on: RecordConformanceTests.today.adding(days: -400)),
                                                version: 6)),
            ("book it", step("self", .book(on: RecordConformanceTests.today.adding(days: 9)), version: 6)),
        ]
    }

    @Test func everyRequestGivesTheSameResultOrRefusalAndTheSameLogRows() throws {
        try RecordWrites.expectAlike(atLeast: 6, refusals: [
            "not_found", "unknown_staff", "inactive_user", "emergency_required", "required", "too_long", "changed by",
            "from your own unit", "must go to another unit", "only the receiving unit", "cannot send",
            "reason is required",
        ]) { _, cast, writes in Self.requests(cast, writes) } afterwards: { sqlite, pg, cast in
            try Self.expectSameReferralRows(sqlite, pg, cast)
        }
    }

    /// The pauses and events alike, and the self-referral paused once, with its booking.
    static func expectSameReferralRows(_ sqlite: SQLiteStore, _ pg: PostgresStore,
                                       _ cast: ConsentAndBlockConformanceTests.Cast) throws {
        let pauses = try PG.admin(pg, "SELECT count(*) FROM nara.referral_pause")[0].decode(Int64.self)
        #expect(try sqlite.read { try Int64.fetchOne($0, sql: "SELECT count(*) FROM referral_pause") } == pauses)
        let events = try PG.admin(pg, "SELECT count(*) FROM nara.referral_event")[0].decode(Int64.self)
        #expect(try sqlite.read { try Int64.fetchOne($0, sql: "SELECT count(*) FROM referral_event") } == events)
        let paused = try pg.openRecord(cast.patient, as: cast.owner).referrals.first { $0.selfReferral }
        #expect(paused?.pauses.count == 1 && paused?.pauses.first?.to != nil && paused?.bookedOn != nil)
    }
}

/// Referrals on PostgreSQL: what a call costs, and that writers to one referral follow
/// one another.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ReferralWriteOnPostgresTests {
    /// Five statements a new referral, six a step (the referral's patient first), five a
    /// step refused on what was read, one a referral that is not there, none a request
    /// refused alone.
    @Test func statementsOfEachCall() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        let at = ReferralWriteConformanceTests.at
        let new = NewReferral(patientId: c.patient, fromUnitId: c.unit, toUnitId: c.outsider.unitId, priority: .priority,
                              question: "Bedömning?")
        var made: Referral?
        #expect(try RecordWrites.sent(pg) { made = try pg.createReferral(new, at: at, as: c.owner) } == 5)
        let id = try #require(made?.id)
        #expect(RecordWrites.sent(pg) { #expect(throws: StoreError.self) {
            try pg.applyReferral(id, .send, expectedVersion: 3, at: at, comment: "", as: c.owner)
        } } == 5)
        #expect(RecordWrites.sent(pg) { #expect(throws: StoreError.self) {
            try pg.applyReferral(9_999_999, .send, expectedVersion: 1, at: at, comment: "", as: c.owner)
        } } == 1)
        #expect(RecordWrites.sent(pg) { #expect(throws: StoreError.self) {
            try pg.createReferral(NewReferral(patientId: c.patient, fromUnitId: c.unit, toUnitId: c.outsider.unitId,
                                              priority: .priority, question: ""), at: at, as: c.owner)
        } } == 0)
        #expect(try RecordWrites.sent(pg) {
            _ = try pg.applyReferral(id, .send, expectedVersion: 1, at: at, comment: "", as: c.owner)
        } == 6)
    }

    /// Eight sessions, each its own connection, send one referral at the version they
    /// all read: one sends it, the others are refused with `.conflict`; one event and
    /// one log row in all.
    @Test func oneStepOfManyAtOnce() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        let at = ReferralWriteConformanceTests.at
        let referral = try pg.createReferral(NewReferral(patientId: c.patient, fromUnitId: c.unit,
                                                         toUnitId: c.outsider.unitId, priority: .priority,
                                                         question: "Bedömning?"), at: at, as: c.owner)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let errors = Errors(), sent = Mutex(0)
        let location = pg.client.location
        PG.onThreads(8) { _ in
            do {
                let store = try PostgresStore.open(location: location, clock: RecordConformanceTests.clock)
                _ = try store.applyReferral(referral.id, .send, expectedVersion: 1, at: at, comment: "", as: c.owner)
                sent.withLock { $0 += 1 }
            } catch StoreError.conflict {
                return
            } catch {
                errors.add(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(sent.withLock { $0 } == 1)
        let events = try PG.admin(pg, "SELECT count(*) FROM nara.referral_event WHERE referral_id = \(referral.id)")
        #expect(try events[0].decode(Int64.self) == 2)
        #expect(try pg.accessLogHead()?.rowId == head + 1)
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
    }
}
