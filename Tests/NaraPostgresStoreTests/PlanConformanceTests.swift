import Foundation
import GRDB
@testable import NaraDomain
import NaraPostgresTesting
import Synchronization
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// Coordinated plans on PostgreSQL against the SQLite store they were copied from: the
/// same requests give the same results or refusals, the same log rows, and the same
/// record afterwards, participants in the order written.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PlanConformanceTests {
    /// A plan of the cast's patient at the cast's unit, with a municipal unit taking part,
    /// people (one left empty) and services (one left empty).
    static func plan(_ c: ConsentAndBlockConformanceTests.Cast, id: RecordID = 0, version: Int = 1) -> CoordinatedPlan {
        let today = RecordConformanceTests.today
        var plan = CoordinatedPlan(id: id, patientId: c.patient, responsibleUnitId: c.unit, participants: [
            PlanParticipant(unitId: c.otherProvidersUnit, role: "Hemsjukvård\u{0007}"),
            PlanParticipant(unitId: c.unit, role: "Vårdcentral"),
            PlanParticipant(unitId: c.otherProvidersUnit, role: "Twice"),
        ], goal: "  Bo kvar hemma  ", agreedOn: today, followUpOn: today.adding(days: 30), version: version)
        plan.content = PlanContent(consentForm: .written, meetingOn: today, people: [
            PlanPerson(role: .patient, name: ""),
            PlanPerson(role: .nextOfKin, name: "Anna Andersson"),
            PlanPerson(role: .nextOfKin, name: "  "),
            PlanPerson(role: .staff, name: "", staffId: c.colleague, unitId: c.unit),
        ], services: [PlanService(principal: .region, text: "Läkarbesök"), PlanService(principal: .municipality, text: " ")],
                                   responsibleStaffId: c.owner.staffId)
        return plan
    }

    static func requests(_ c: ConsentAndBlockConformanceTests.Cast, _ w: RecordWrites) -> [RecordWrites.Request] {
        let today = RecordConformanceTests.today, vc = c.owner, base = plan(c)
        let nowhere: UnitID = "SE2321000164-finns-ej"
        func save(_ change: (inout CoordinatedPlan) -> Void = { _ in }, stored: Bool = false, version: Int = 1,
                  as context: AccessContext = vc) -> (any RecordWriteCalls) throws -> Any {
            var prepared = base
            change(&prepared)
            return { [prepared] store in
                var plan = prepared
                if stored { plan.id = w.recalled("plan", store) }
                plan.version = version
                let saved = try store.savePlan(plan, as: context)
                if plan.id == 0 && saved.id != 0 { w.remember("plan", saved.id, store) }
                return saved
            }
        }
        return [
            ("follow-up before agreed", save { $0.followUpOn = today.adding(days: -1) }),
            ("without goal", save { $0.goal = "\n" }),
            ("by no one", save(as: c.stranger)),
            ("by the departed", save(as: c.departed)),
            ("without relationship", save(as: c.outsider)),
            ("for no patient", save { $0.patientId = PatientID(rawValue: 9_999_999) }),
            ("a unit that is not there", save { $0.participants.append(PlanParticipant(unitId: nowhere, role: "")) }),
            ("without the user's unit", save {
                $0.responsibleUnitId = c.otherProvidersUnit
                $0.participants = []
            }),
            ("responsible no one", save { $0.content.responsibleStaffId = "ingen.alls" }),
            ("a person no one", save { $0.content.people.append(PlanPerson(role: .staff, name: "", staffId: "ingen.alls")) }),
            ("a person at no unit", save { $0.content.people.append(PlanPerson(role: .staff, name: "X", unitId: nowhere)) }),
            ("a name too long", save { $0.content.people.append(PlanPerson(role: .nextOfKin,
                                                                          name: String(repeating: "a", count: 201))) }),
            ("a service too long", save { $0.content.services.append(PlanService(principal: .region,
                                                                               text: String(repeating: "a", count: 501))) }),
            ("new", save()),
            ("a departed person", save({ $0.content.people.append(PlanPerson(role: .staff, name: "", staffId: c.departedId)) },
                                       stored: true)),
            ("change at an old version", save({ $0.goal = "Annat mål" }, stored: true, version: 5)),
            ("change by no one", save({ $0.goal = "Annat mål" }, stored: true, as: c.stranger)),
            ("change in another order", save({ plan in
                plan.goal = "Annat mål"
                plan.participants.reverse()
                plan.content.people.reverse()
                plan.content.services = [PlanService(principal: .private, text: "Fotvård")]
            }, stored: true, version: 2)),
            ("change of no plan", save({ $0.id = 9_999_999 })),
            ("close", save({ $0.closedOn = today }, stored: true, version: 3)),
        ]
    }

    @Test func everyRequestGivesTheSameResultOrRefusalAndTheSameLogRows() throws {
        try RecordWrites.expectAlike(atLeast: 4, refusals: [
            "not_found", "unknown_staff", "inactive_user", "emergency_required", "required", "too_long", "changed by",
            "follow-up date", "only a unit taking part",
        ]) { _, cast, writes in Self.requests(cast, writes) }
    }
}

extension PlanConformanceTests {
    /// A change that names one patient and another patient's plan is refused as not
    /// found on both stores, before anything is written or logged: the door checked the
    /// patient named, so the plan must be that patient's.
    @Test func aPlanIsChangedOnlyAsItsOwnPatients() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        let other = try #require(try sqlite.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT patient_id FROM listing WHERE unit_id = ? AND to_date IS NULL AND patient_id <> ?
                   AND NOT EXISTS (SELECT 1 FROM information_block b WHERE b.patient_id = listing.patient_id)
                 ORDER BY patient_id LIMIT 1
                """, arguments: [c.unit.rawValue, c.patient.rawValue])
        })
        for store in [sqlite as any CareStore, pg as any CareStore] {
            let plan = try store.savePlan(Self.plan(c), as: c.owner)
            var elsewhere = plan
            elsewhere.patientId = PatientID(rawValue: other)
            elsewhere.goal = "Någon annans mål"
            let head = try #require(try store.accessLogHead()?.rowId)
            #expect(throws: StoreError.notFound("coordinated plan \(plan.id)")) {
                try store.savePlan(elsewhere, as: c.owner)
            }
            #expect(try store.accessLogHead()?.rowId == head)
            let kept = try store.openRecord(c.patient, as: c.owner).plans.first { $0.id == plan.id }
            #expect(kept?.goal == plan.goal)
            #expect(kept?.version == plan.version)
            // What a save returns is what is read back: the roles as cleaned and stored.
            #expect(kept?.participants == plan.participants)
        }
    }
}

/// Plans on PostgreSQL: what a save costs, and that writers to one plan follow one another.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PlanOnPostgresTests {
    /// Five statements a save, new or changed, four one refused on what was read, none
    /// one refused on the request alone.
    @Test func statementsOfEachSave() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        var plan = PlanConformanceTests.plan(c)
        #expect(try RecordWrites.sent(pg) { plan = try pg.savePlan(plan, as: c.owner) } == 5)
        #expect(try RecordWrites.sent(pg) { plan = try pg.savePlan(plan, as: c.owner) } == 5)
        #expect(RecordWrites.sent(pg) { #expect(throws: StoreError.self) { try pg.savePlan(plan, as: c.stranger) } } == 4)
        plan.goal = ""
        #expect(RecordWrites.sent(pg) { #expect(throws: StoreError.self) { try pg.savePlan(plan, as: c.owner) } } == 0)
    }

    /// Eight sessions, each its own connection, change one plan at the version they all
    /// read: one changes it, the others are refused with `.conflict`, and the plan keeps
    /// one set of participants.
    @Test func oneChangeOfManyAtOnce() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        let plan = try pg.savePlan(PlanConformanceTests.plan(c), as: c.owner)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let errors = Errors(), saved = Mutex(0)
        let location = pg.client.location
        PG.onThreads(8) { i in
            do {
                let store = try PostgresStore.open(location: location, clock: RecordConformanceTests.clock)
                var change = plan
                change.goal = "Mål \(i)"
                _ = try store.savePlan(change, as: c.owner)
                saved.withLock { $0 += 1 }
            } catch StoreError.conflict {
                return
            } catch {
                errors.add(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(saved.withLock { $0 } == 1)
        let participants = try PG.admin(pg, "SELECT count(*) FROM nara.plan_participant WHERE plan_id = \(plan.id)")
        #expect(try participants[0].decode(Int64.self) == Int64(plan.participants.count))
        #expect(try pg.accessLogHead()?.rowId == head + 1)
    }
}
