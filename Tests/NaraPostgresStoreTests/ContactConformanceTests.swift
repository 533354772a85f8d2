import Foundation
import GRDB
@testable import NaraDomain
import NaraPostgresTesting
import Synchronization
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// Care contacts and annulments on PostgreSQL against the SQLite store they were copied
/// from: the same requests, in the same order, give the same results or the same
/// refusals, leave the same log rows (the same ids and hashes), and the record opened
/// afterwards is the same.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ContactConformanceTests {
    /// The patient's encounters: one at the cast's unit, and one elsewhere if there is one.
    static func encounters(_ store: SQLiteStore, _ c: ConsentAndBlockConformanceTests.Cast) throws
        -> (own: RecordID, other: RecordID?) {
        try store.read { db in
            let own = try #require(try Int64.fetchOne(db, sql: """
                SELECT id FROM encounter WHERE patient_id = ? AND unit_id = ? AND annulled_at IS NULL ORDER BY id LIMIT 1
                """, arguments: [c.patient.rawValue, c.unit.rawValue]))
            let other = try Int64.fetchOne(db, sql: """
                SELECT id FROM encounter WHERE patient_id = ? AND unit_id <> ? AND annulled_at IS NULL ORDER BY id LIMIT 1
                """, arguments: [c.patient.rawValue, c.unit.rawValue])
            return (own, other)
        }
    }

    static func requests(_ c: ConsentAndBlockConformanceTests.Cast, encounters: (own: RecordID, other: RecordID?),
                         _ w: RecordWrites) -> [RecordWrites.Request] {
        let today = RecordConformanceTests.today, p = c.patient, vc = c.owner
        let none = PatientID(rawValue: 9_999_999), nowhere: UnitID = "SE2321000164-finns-ej"
        func new(_ role: ContactRole = .careContact, staff: StaffID? = nil, unit: UnitID? = nil, from: Int = 0,
                 reason: String = "Ansvarig för vården", patient: PatientID? = nil) -> NewCareContact {
            NewCareContact(patientId: patient ?? p, role: role, staffId: staff ?? vc.staffId, unitId: unit ?? c.unit,
                           reason: reason, from: today.adding(days: from))
        }
        func assign(_ contact: NewCareContact, as context: AccessContext = vc,
                    remember key: String? = nil) -> (any RecordWriteCalls) throws -> Any {
            { store in
                let made = try store.assignContact(contact, as: context)
                if let key { w.remember(key, made.id, store) }
                return made
            }
        }
        func end(_ key: String, version: Int = 1, on offset: Int = 0, reason: String = "Flyttat",
                 as context: AccessContext = vc) -> (any RecordWriteCalls) throws -> Any {
            { try $0.endContact(w.recalled(key, $0), expectedVersion: version, on: today.adding(days: offset),
                                reason: reason, as: context) }
        }
        func annul(_ key: String, version: Int = 1, reason: String = "Registrerad på fel patient",
                   as context: AccessContext = vc) -> (any RecordWriteCalls) throws -> Any {
            { try $0.annulContact(w.recalled(key, $0), expectedVersion: version, reason: reason, as: context) }
        }
        func annulEncounter(_ id: RecordID, reason: String = "Registrerad på fel patient",
                            as context: AccessContext = vc) -> (any RecordWriteCalls) throws -> Any {
            { try $0.annulEncounter(id, reason: reason, as: context) }
        }
        var requests: [RecordWrites.Request] = [
            ("assign too far ahead", assign(new(from: 40))),
            ("assign without reason", assign(new(reason: "  "))),
            ("assign by no one", assign(new(), as: c.stranger)),
            ("assign by the departed", assign(new(), as: c.departed)),
            ("assign without relationship", assign(new(), as: c.outsider)),
            ("assign for no patient", assign(new(patient: none))),
            ("assign no one", assign(new(staff: "ingen.alls"))),
            ("assign the departed", assign(new(staff: c.departedId))),
            ("assign a secretary", assign(new(staff: c.secretary.staffId, unit: c.secretary.unitId))),
            ("assign at no unit", assign(new(unit: nowhere))),
            ("assign from another unit", assign(new(staff: c.outsider.staffId, unit: c.outsider.unitId))),
            ("assign the colleague", assign(new(staff: c.colleague), remember: "colleague")),
            ("assign a care contact", assign(new(), remember: "contact")),
            ("assign before the current one", assign(new(from: -3))),
            ("assign a named GP", assign(new(.namedPhysician), remember: "gp")),
            ("assign the colleague as named GP", assign(new(.namedPhysician, staff: c.colleague))),
            ("end no contact", { try $0.endContact(9_999_999, expectedVersion: 1, on: today, reason: "Flyttat", as: vc) }),
            ("end without reason", end("contact", reason: "")),
            ("end at an old version", end("contact", version: 7)),
            ("end by no one", end("contact", as: c.stranger)),
            ("end without relationship", end("contact", as: c.outsider)),
            ("end the contact", end("contact", on: -1)),
            ("end it again, old version", end("contact")),
            ("end it again", end("contact", version: 2)),
            ("annul a reason that says nothing", annul("gp", reason: "x")),
            ("annul at an old version", annul("gp", version: 3)),
            ("annul by the departed", annul("gp", as: c.departed)),
            ("annul the named GP", annul("gp")),
            ("annul it again", annul("gp", version: 2)),
            ("annul the ended contact", annul("contact", version: 2)),
            ("annul no encounter", annulEncounter(9_999_999)),
            ("annul an encounter by no one", annulEncounter(encounters.own, as: c.stranger)),
            ("annul an encounter without relationship", annulEncounter(encounters.own, as: c.outsider)),
            ("annul an encounter, reason says nothing", annulEncounter(encounters.own, reason: "...")),
            ("annul an encounter", annulEncounter(encounters.own)),
            ("annul the encounter again", annulEncounter(encounters.own)),
        ]
        if let other = encounters.other {
            requests.append(("annul another unit's encounter", annulEncounter(other)))
        }
        return requests
    }

    @Test func everyRequestGivesTheSameResultOrRefusalAndTheSameLogRows() throws {
        try RecordWrites.expectAlike(atLeast: 6, refusals: [
            "not_found", "unknown_staff", "inactive_staff", "inactive_user", "emergency_required", "required",
            "changed by", "at most 31 days ahead", "does not meet patients", "own unit", "cannot start before",
            "already ended", "says something", "already annulled",
        ]) { sqlite, cast, writes in Self.requests(cast, encounters: try Self.encounters(sqlite, cast), writes) }
    }
}

/// Contacts on PostgreSQL: what a call costs, and that writers to one contact follow
/// one another.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ContactOnPostgresTests {
    /// Five statements an assignment, six an end or annulment (the contact's patient
    /// first), one less refused on what was read, one a contact that is not there, none
    /// a request refused alone.
    @Test func statementsOfEachCall() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        let today = RecordConformanceTests.today
        let new = NewCareContact(patientId: c.patient, role: .careContact, staffId: c.owner.staffId, unitId: c.unit,
                                 reason: "Ansvarig", from: today)
        var contact: CareContact?
        #expect(try RecordWrites.sent(pg) { contact = try pg.assignContact(new, as: c.owner) } == 5)
        let id = try #require(contact?.id)
        let head = try pg.accessLogHead()
        #expect(RecordWrites.sent(pg) { #expect(throws: StoreError.self) {
            try pg.endContact(id, expectedVersion: 5, on: today, reason: "Flyttat", as: c.owner)
        } } == 5)
        #expect(RecordWrites.sent(pg) { #expect(throws: StoreError.self) {
            try pg.endContact(9_999_999, expectedVersion: 1, on: today, reason: "Flyttat", as: c.owner)
        } } == 1)
        #expect(RecordWrites.sent(pg) { #expect(throws: StoreError.self) {
            try pg.annulContact(id, expectedVersion: 1, reason: "x", as: c.owner)
        } } == 0)
        #expect(try pg.accessLogHead()?.hash == head?.hash)
        #expect(try RecordWrites.sent(pg) {
            _ = try pg.endContact(id, expectedVersion: 1, on: today, reason: "Flyttat", as: c.owner)
        } == 6)
        #expect(try RecordWrites.sent(pg) {
            _ = try pg.annulContact(id, expectedVersion: 2, reason: "Registrerad på fel patient", as: c.owner)
        } == 6)
        let encounter = try ContactConformanceTests.encounters(sqlite, c).own
        #expect(try RecordWrites.sent(pg) {
            _ = try pg.annulEncounter(encounter, reason: "Registrerad på fel patient", as: c.owner)
        } == 6)
        #expect(RecordWrites.sent(pg) { #expect(throws: StoreError.refused(.alreadyAnnulled)) {
            try pg.annulEncounter(encounter, reason: "Registrerad på fel patient", as: c.owner)
        } } == 5)
    }

    /// Eight sessions, each its own connection, end one contact at the version they all
    /// read: one ends it, the others are refused with `.conflict`, one log row in all.
    @Test func oneEndOfManyAtOnce() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        let today = RecordConformanceTests.today
        let contact = try pg.assignContact(NewCareContact(patientId: c.patient, role: .careContact,
                                                          staffId: c.owner.staffId, unitId: c.unit,
                                                          reason: "Ansvarig", from: today), as: c.owner)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let errors = Errors(), ended = Mutex(0)
        let location = pg.client.location
        PG.onThreads(8) { i in
            do {
                let store = try PostgresStore.open(location: location, clock: RecordConformanceTests.clock)
                _ = try store.endContact(contact.id, expectedVersion: 1, on: today, reason: "Flyttat \(i)", as: c.owner)
                ended.withLock { $0 += 1 }
            } catch StoreError.conflict {
                return
            } catch {
                errors.add(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(ended.withLock { $0 } == 1)
        let version = try PG.admin(pg, "SELECT version FROM nara.care_contact WHERE id = \(contact.id)")[0].decode(Int64.self)
        #expect(version == 2)
        #expect(try pg.accessLogHead()?.rowId == head + 1)
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
    }

    /// Eight sessions, each its own connection, assign a care contact at one unit for one
    /// patient at once: each ends the one before, and one stays active.
    @Test func eightAssignmentsAtOnceLeaveOneActive() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try ConsentAndBlockConformanceTests.Cast(sqlite)
        let head = try #require(try pg.accessLogHead()?.rowId)
        let errors = Errors()
        let location = pg.client.location
        PG.onThreads(8) { i in
            do {
                let store = try PostgresStore.open(location: location, clock: RecordConformanceTests.clock)
                _ = try store.assignContact(NewCareContact(patientId: c.patient, role: .careContact, staffId: c.owner.staffId,
                                                           unitId: c.unit, reason: "Ansvarig \(i)",
                                                           from: RecordConformanceTests.today), as: c.owner)
            } catch {
                errors.add(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        let counts = try PG.admin(pg, """
            SELECT count(*) FILTER (WHERE to_date IS NULL), count(*) FILTER (WHERE replaced_by IS NOT NULL)
              FROM nara.care_contact WHERE patient_id = \(c.patient.rawValue) AND unit_id = '\(c.unit.rawValue)'
               AND role = 'care_contact' AND reason LIKE 'Ansvarig %'
            """)[0].decode((Int64, Int64).self)
        #expect(counts.0 == 1 && counts.1 == 7)
        #expect(try pg.accessLogHead()?.rowId == head + 8)
    }
}
