import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Synchronization
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// Consents and blocks on PostgreSQL against the SQLite store they were copied from: the
/// same requests, in the same order, give the same results or the same refusals, and
/// leave the same log rows (the same ids and hashes).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ConsentAndBlockConformanceTests {
    /// The people and places the requests name, found in the demo store.
    struct Cast {
        var patient: PatientID
        var unit: UnitID, provider: ProviderID
        var owner: AccessContext, outsider: AccessContext, secretary: AccessContext, noRight: AccessContext
        var departed: AccessContext, stranger: AccessContext
        var colleague: StaffID, departedId: StaffID, otherProvidersUnit: UnitID

        init(_ store: SQLiteStore) throws {
            func context(_ row: Row?) throws -> AccessContext {
                let row = try #require(row)
                return AccessContext(staffId: StaffID(rawValue: row["id"]), unitId: UnitID(rawValue: row["unit_id"]),
                                     clientAddress: "10.0.0.9", sessionId: "cb")
            }
            let found = try store.read { db in
                // A patient without the blocks and consent the copy was given, at a region
                // unit with a physician and a colleague.
                let listed = try #require(try Row.fetchOne(db, sql: """
                    SELECT l.patient_id, l.unit_id, u.provider_id FROM listing l JOIN care_unit u ON u.id = l.unit_id
                     WHERE l.to_date IS NULL AND l.unit_id LIKE 'SE2321000164-%'
                       AND (SELECT count(*) FROM staff s WHERE s.unit_id = l.unit_id AND s.active = 1) >= 2
                       AND EXISTS (SELECT 1 FROM staff s WHERE s.unit_id = l.unit_id AND s.active = 1
                                   AND s.roles = 'physician')
                       AND NOT EXISTS (SELECT 1 FROM information_block b WHERE b.patient_id = l.patient_id)
                       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.patient_id = l.patient_id)
                     ORDER BY l.patient_id DESC LIMIT 1
                    """))
                let unit: String = listed["unit_id"]
                func staff(_ condition: String, _ arguments: StatementArguments = []) throws -> Row? {
                    try Row.fetchOne(db, sql: "SELECT id, unit_id FROM staff WHERE \(condition) ORDER BY id LIMIT 1",
                                     arguments: arguments)
                }
                let owner = try staff("unit_id = ? AND active = 1 AND roles = 'physician'", [unit])
                return (listed, owner, try staff("unit_id = ? AND active = 1 AND id <> ?", [unit, owner?["id"] as String?]),
                        try staff("unit_id LIKE 'SE5568123456-%' AND roles = 'physician' AND active = 1"),
                        try staff("roles = 'secretary' AND active = 1"),
                        try staff("roles IN ('administrator', 'log_reviewer', 'social_services', 'care_coordinator') "
                                  + "AND active = 1"),
                        try staff("active = 0"),
                        try String.fetchOne(db, sql: "SELECT id FROM care_unit WHERE id LIKE 'SE2120001843-%' LIMIT 1"))
            }
            let (listed, owner, colleague, outsider, secretary, noRight, departed, municipal) = found
            patient = PatientID(rawValue: listed["patient_id"])
            unit = UnitID(rawValue: listed["unit_id"])
            provider = ProviderID(rawValue: listed["provider_id"])
            self.owner = try context(owner)
            self.colleague = StaffID(rawValue: try #require(colleague)["id"])
            self.outsider = try context(outsider)
            self.secretary = try context(secretary)
            self.noRight = try context(noRight)
            self.departed = try context(departed)
            departedId = self.departed.staffId
            stranger = AccessContext(staffId: "ingen.alls", unitId: unit, sessionId: "cb")
            otherProvidersUnit = UnitID(rawValue: try #require(municipal))
        }
    }

    /// What a request gave: its result as text, or the refusal.
    enum Outcome: Equatable {
        case done(String)
        case refused(StoreError)
        case failed(String)

        init(_ request: () throws -> Any) {
            do { self = .done(String(describing: try request())) } catch let error as StoreError {
                self = .refused(error)
            } catch {
                self = .failed("\(error)")
            }
        }
    }

    typealias Request = (name: String, run: (any ConsentAndBlockStore) throws -> Any)

    /// Every method, each way it succeeds, and each refusal the rules have.
    static func requests(_ c: Cast) -> [Request] {
        let today = RecordConformanceTests.today
        let none = PatientID(rawValue: 9_999_999), other: ProviderID = "SE5568123456", nowhere: ProviderID = "SE0000000000"
        var emergency = c.outsider
        emergency.emergencyReason = "Akut försämring, patienten medvetslös"
        let opening = "Patienten samtycker"
        func open(_ scope: InformationBlock.Scope, _ grantee: BlockOpening.Grantee, days: Int = 3,
                  basis: BlockOpening.Basis = .consent, reason: String = opening,
                  as context: AccessContext) -> (any ConsentAndBlockStore) throws -> Any {
            { try $0.openBlock(c.patient, scope: scope, for: grantee, days: days, basis: basis, reason: reason,
                               as: context) }
        }
        return [
            ("providers", { try $0.providers() }),
            ("no consents yet", { try $0.consents(of: c.patient, as: c.owner) }),
            ("consent for all", { try $0.addConsent(c.patient, source: nil, until: nil, as: c.owner) }),
            ("consent for one", { try $0.addConsent(c.patient, source: other, until: today.adding(days: 30),
                                                    as: c.owner) }),
            ("consent ending yesterday", { try $0.addConsent(c.patient, source: nil, until: today.adding(days: -1),
                                                             as: c.owner) }),
            ("consent for no provider", { try $0.addConsent(c.patient, source: nowhere, until: nil, as: c.owner) }),
            ("consent for own", { try $0.addConsent(c.patient, source: c.provider, until: nil, as: c.owner) }),
            ("consent without the right", { try $0.addConsent(c.patient, source: nil, until: nil, as: c.noRight) }),
            ("consent by the departed", { try $0.addConsent(c.patient, source: nil, until: nil, as: c.departed) }),
            ("consent by no one", { try $0.addConsent(c.patient, source: nil, until: nil, as: c.stranger) }),
            ("consent without relationship", { try $0.addConsent(c.patient, source: nil, until: nil, as: c.outsider) }),
            ("consent in an emergency", { try $0.addConsent(c.patient, source: nil, until: nil, as: emergency) }),
            ("consent for no patient", { try $0.addConsent(none, source: nil, until: nil, as: c.owner) }),
            ("two consents", { try $0.consents(of: c.patient, as: c.owner) }),
            ("revoke one", { try $0.revokeConsent(c.patient, source: other, as: c.owner) }),
            ("revoke it again", { try $0.revokeConsent(c.patient, source: other, as: c.owner) }),
            ("revoke all", { try $0.revokeConsent(c.patient, source: nil, as: c.owner) }),
            ("revoke none left", { try $0.revokeConsent(c.patient, source: nil, as: c.owner) }),
            ("revoke without relationship", { try $0.revokeConsent(c.patient, source: nil, as: c.outsider) }),
            ("consents, ended", { try $0.consents(of: c.patient, as: c.owner) }),
            ("consents by no one", { try $0.consents(of: c.patient, as: c.stranger) }),
            ("consents of no patient", { try $0.consents(of: none, as: c.owner) }),
            ("block the unit", { try $0.addBlock(c.patient, scope: .unit(c.unit), reason: "Patientens önskan",
                                                 as: c.owner) }),
            ("block it twice", { try $0.addBlock(c.patient, scope: .unit(c.unit), reason: "Igen", as: c.owner) }),
            ("block without reason", { try $0.addBlock(c.patient, scope: .provider(c.provider), reason: " ",
                                                       as: c.owner) }),
            ("block with a long reason", { try $0.addBlock(c.patient, scope: .provider(c.provider),
                                                           reason: String(repeating: "å", count: 501), as: c.owner) }),
            ("block no unit", { try $0.addBlock(c.patient, scope: .unit("SE2321000164-finns-ej"), reason: "x",
                                                as: c.owner) }),
            ("block no provider", { try $0.addBlock(c.patient, scope: .provider(nowhere), reason: "x", as: c.owner) }),
            ("block another provider", { try $0.addBlock(c.patient, scope: .provider(other), reason: "x",
                                                         as: c.owner) }),
            ("block another provider's unit", { try $0.addBlock(c.patient, scope: .unit(c.otherProvidersUnit),
                                                                reason: "x", as: c.owner) }),
            ("block without the right", { try $0.addBlock(c.patient, scope: .unit(c.unit), reason: "x",
                                                          as: c.noRight) }),
            ("block the provider", { try $0.addBlock(c.patient, scope: .provider(c.provider), reason: "Skyddad",
                                                     as: c.owner) }),
            ("open for a colleague", open(.unit(c.unit), .staff(c.colleague), as: c.owner)),
            ("open for a unit", open(.provider(c.provider), .unit(c.unit), days: 7, as: c.owner)),
            ("open for eight days", open(.unit(c.unit), .staff(c.colleague), days: 8, as: c.owner)),
            ("open for no days", open(.unit(c.unit), .staff(c.colleague), days: 0, as: c.owner)),
            ("open without reason", open(.unit(c.unit), .staff(c.colleague), reason: "", as: c.owner)),
            ("open for no one", open(.unit(c.unit), .staff("ingen.alls"), as: c.owner)),
            ("open for the departed", open(.unit(c.unit), .staff(c.departedId), as: c.owner)),
            ("open for no unit", open(.unit(c.unit), .unit("SE2321000164-finns-ej"), as: c.owner)),
            ("open no block", open(.unit(c.otherProvidersUnit), .staff(c.colleague), as: c.owner)),
            ("open in an emergency without the right", open(.unit(c.unit), .staff(c.colleague), basis: .emergency,
                                                             as: c.secretary)),
            ("open without relationship", open(.unit(c.unit), .staff(c.outsider.staffId), as: c.outsider)),
            ("open in an emergency", open(.unit(c.unit), .staff(c.outsider.staffId), days: 1, basis: .emergency,
                                          reason: "Akut, patienten kan inte svara", as: c.outsider)),
            ("open by no one", open(.unit(c.unit), .staff(c.colleague), as: c.stranger)),
            ("open for no patient", { try $0.openBlock(none, scope: .unit(c.unit), for: .staff(c.colleague), days: 1,
                                                        basis: .consent, reason: opening, as: c.owner) }),
            ("blocks and openings", { try $0.blocks(of: c.patient, as: c.owner) }),
            ("blocks without relationship", { try $0.blocks(of: c.patient, as: c.outsider) }),
            ("blocks in an emergency", { try $0.blocks(of: c.patient, as: emergency) }),
            ("lift the unit's", { try $0.liftBlock(c.patient, scope: .unit(c.unit), as: c.owner) }),
            ("lift it again", { try $0.liftBlock(c.patient, scope: .unit(c.unit), as: c.owner) }),
            ("lift another provider's", { try $0.liftBlock(c.patient, scope: .provider(other), as: c.owner) }),
            ("lift by the departed", { try $0.liftBlock(c.patient, scope: .provider(c.provider), as: c.departed) }),
            ("block the unit again", { try $0.addBlock(c.patient, scope: .unit(c.unit), reason: "Åter", as: c.owner) }),
            ("blocks at last", { try $0.blocks(of: c.patient, as: c.owner) }),
        ]
    }

    @Test func everyRequestGivesTheSameResultOrRefusalAndTheSameLogRows() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try #require(try pg.accessLogHead()?.rowId)
        let cast = try Cast(sqlite)
        let (done, refusals) = Self.compare(Self.requests(cast), sqlite as any ConsentAndBlockStore,
                                                   pg as any ConsentAndBlockStore)
        let sqliteRows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        let pgRows = try pg.accessLogRows(after: head, limit: 10_000)
        #expect(pgRows == sqliteRows)
        #expect(sqliteRows.count == done - 1, "every request done but providers() logs one row")
        #expect(sqliteRows.contains { $0.content.emergency && $0.content.detail.hasPrefix("open block") })
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
        for kind in ["not_found", "unknown_staff", "inactive_staff", "duplicate", "emergency_required", "inactive_user",
                     "not_for_role", "relationship_required", "consent_ends_before_today", "consent_for_own_information",
                     "block_at_documenting_provider", "block_opening_days", "required", "too_long"] {
            #expect(refusals.contains(kind), "no refusal \(kind): \(refusals.sorted())")
        }
    }

    /// The door's decision for a write of a category is the SQLite door's (`writeGrant`):
    /// the same grant or refusal for every user, patient and category.
    @Test func aWriteOfACategoryIsDecidedAsOnSQLite() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try Cast(sqlite)
        var emergency = c.outsider
        emergency.emergencyReason = "Akut försämring, patienten medvetslös"
        var outcomes: Set<String> = []
        for context in [c.owner, c.outsider, emergency, c.secretary, c.noRight, c.departed, c.stranger] {
            for patient in [c.patient, PatientID(rawValue: 9_999_999)] {
                for category in InformationCategory.allCases {
                    let expected = Outcome { try sqlite.write { db in
                        try sqlite.checkWrite(db, context, patient: patient, category: category).basis
                    } }
                    let got = Outcome { try pg.writeThroughDoor(context, patient: patient, decide: { read in
                        try PostgresStore.writeGrant(read, category: category, today: Self.today, now: Self.now)
                    }) { _, grant in
                        PostgresStore.DoorWork(query: "SELECT 1 AS id", logged: ("decided", false)) { _ in grant.basis }
                    } }
                    #expect(got == expected, "\(context.staffId) \(patient) \(category)")
                    outcomes.insert("\(expected)")
                }
            }
        }
        #expect(outcomes.count >= 5, "\(outcomes.sorted())")
    }

    /// Runs each request on SQLite and then on PostgreSQL, expecting the same outcome:
    /// how many were done, and the kinds of refusal met.
    static func compare<Store>(_ requests: [(name: String, run: (Store) throws -> Any)], _ sqlite: Store,
                               _ pg: Store) -> (done: Int, refusals: Set<String>) {
        var refusals: Set<String> = []
        var done = 0
        for request in requests {
            let expected = Outcome { try request.run(sqlite) }
            let got = Outcome { try request.run(pg) }
            #expect(got == expected, "\(request.name)")
            switch expected {
            case .done: done += 1
            case .refused(let error): refusals.insert(kind(error))
            case .failed(let error): Issue.record("\(request.name) failed on SQLite: \(error)")
            }
        }
        return (done, refusals)
    }

    static let today = RecordConformanceTests.today
    static let now = RecordConformanceTests.clock.now

    /// A refusal's kind, for the cases the test must meet.
    static func kind(_ error: StoreError) -> String {
        switch error {
        case .notFound: return "not_found"
        case .unknownStaff: return "unknown_staff"
        case .inactiveStaff: return "inactive_staff"
        case .duplicate: return "duplicate"
        case .emergencyAccessRequired: return "emergency_required"
        case .accessDenied(let denial): return denial.rawValue
        case .refused(let refusal):
            switch refusal {
            case .consentEndsBeforeToday: return "consent_ends_before_today"
            case .consentForOwnInformation: return "consent_for_own_information"
            case .blockAtDocumentingProvider: return "block_at_documenting_provider"
            case .blockOpeningDays: return "block_opening_days"
            case .required: return "required"
            case .tooLong: return "too_long"
            default: return "\(refusal)"
            }
        default: return "\(error)"
        }
    }
}

/// The write door on PostgreSQL: what a change costs, that its log row and it go in
/// together, and that writers to one patient follow one another.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ConsentAndBlockOnPostgresTests {
    static func stores() throws -> (SQLiteStore, PostgresStore, URL, ConsentAndBlockConformanceTests.Cast) {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        return (sqlite, pg, folder, try ConsentAndBlockConformanceTests.Cast(sqlite))
    }

    static func count(_ pg: PostgresStore, _ table: String) throws -> Int64 {
        try PG.admin(pg, "SELECT count(*) FROM nara.\(table)")[0].decode(Int64.self)
    }

    /// Five statements a change, four a change refused on what was read, none a request
    /// refused on its own; two a read.
    @Test func aChangeIsFiveStatementsAndARefusalFourOrNone() throws {
        let (_, pg, folder, c) = try Self.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        func sent(_ body: () throws -> Void) rethrows -> Int {
            let before = pg.client.statementsSent
            try body()
            return pg.client.statementsSent - before
        }
        #expect(try sent { _ = try pg.addBlock(c.patient, scope: .unit(c.unit), reason: "Önskan", as: c.owner) } == 5)
        #expect(try sent { _ = try pg.addConsent(c.patient, source: nil, until: nil, as: c.owner) } == 5)
        #expect(try sent { try pg.liftBlock(c.patient, scope: .unit(c.unit), as: c.owner) } == 5)
        #expect(try sent { _ = try pg.blocks(of: c.patient, as: c.owner) } == 2)
        let head = try pg.accessLogHead()
        #expect(sent { #expect(throws: ConsentAndBlockRules.noActiveBlock(.unit(c.unit))) {
            try pg.liftBlock(c.patient, scope: .unit(c.unit), as: c.owner)
        } } == 4)
        #expect(sent { #expect(throws: StoreError.refused(.blockOpeningDays(maximum: 7))) {
            try pg.openBlock(c.patient, scope: .unit(c.unit), for: .unit(c.unit), days: 9, basis: .consent,
                             reason: "Samtycke", as: c.owner)
        } } == 0)
        #expect(try pg.accessLogHead()?.hash == head?.hash)
    }

    /// When the log refuses the row, the change is not made either: no consent, no
    /// block, and the log as it was.
    @Test func aChangeWhoseLogRowFailsLeavesNothing() throws {
        let (_, pg, folder, c) = try Self.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try pg.accessLogHead()
        let before = (try Self.count(pg, "consent"), try Self.count(pg, "information_block"))
        try PG.admin(pg, "ALTER FUNCTION nara.append_access_log(jsonb) RENAME TO append_access_log_gone")
        #expect(throws: (any Error).self) { try pg.addConsent(c.patient, source: nil, until: nil, as: c.owner) }
        #expect(throws: (any Error).self) {
            try pg.addBlock(c.patient, scope: .unit(c.unit), reason: "Önskan", as: c.owner)
        }
        try PG.admin(pg, "ALTER FUNCTION nara.append_access_log_gone(jsonb) RENAME TO append_access_log")
        #expect(try Self.count(pg, "consent") == before.0 && Self.count(pg, "information_block") == before.1)
        #expect(try pg.accessLogHead()?.hash == head?.hash)
        _ = try pg.addBlock(c.patient, scope: .unit(c.unit), reason: "Önskan", as: c.owner)
        #expect(try pg.accessLogHead()?.rowId == head.map { $0.rowId + 1 })
    }

    /// Eight sessions, each its own connection, add and lift one block of one patient at
    /// once: each change decides on what the one before it left, so the only refusals
    /// are "already blocked" and "no block to lift", never a broken unique index, and at
    /// the end the blocks, the log and the chain agree.
    @Test func writersToOnePatientFollowOneAnother() throws {
        let (_, pg, folder, c) = try Self.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try #require(try pg.accessLogHead()?.rowId)
        let blocksBefore = try Self.count(pg, "information_block")
        let errors = Errors()
        let changes = Mutex((added: 0, lifted: 0))
        let location = pg.client.location
        let scope = InformationBlock.Scope.unit(c.unit)
        PG.onThreads(8) { i in
            do {
                let store = try PostgresStore.open(location: location, clock: RecordConformanceTests.clock)
                for round in 0..<10 {
                    do {
                        if (i + round) % 2 == 0 {
                            _ = try store.addBlock(c.patient, scope: scope, reason: "Önskan \(i)", as: c.owner)
                            changes.withLock { $0.added += 1 }
                        } else {
                            try store.liftBlock(c.patient, scope: scope, as: c.owner)
                            changes.withLock { $0.lifted += 1 }
                        }
                    } catch let error as StoreError where error == ConsentAndBlockRules.duplicateBlock(scope)
                                || error == ConsentAndBlockRules.noActiveBlock(scope) {
                        continue
                    }
                }
            } catch {
                errors.add(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        let (added, lifted) = changes.withLock { $0 }
        #expect(added > 0 && lifted > 0)
        #expect(added - lifted == 0 || added - lifted == 1)
        #expect(try Self.count(pg, "information_block") - blocksBefore == Int64(added))
        let active = try PG.admin(pg, """
            SELECT count(*) FROM nara.information_block WHERE patient_id = \(c.patient.rawValue) AND to_date IS NULL
            """)[0].decode(Int64.self)
        #expect(active == Int64(added - lifted))
        #expect(try pg.accessLogHead()?.rowId == head + Int64(added + lifted))
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
    }
}
