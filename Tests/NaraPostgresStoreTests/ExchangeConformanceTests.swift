import Foundation
import GRDB
@testable import NaraDomain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// FHIR exchange on PostgreSQL against the SQLite store it was copied from: the same
/// exports, the same import summaries, conflicts and refusals, the same records written,
/// and the same log rows (ids and hashes).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ExchangeConformanceTests {
    typealias Cast = ConsentAndBlockConformanceTests.Cast
    typealias Outcome = ConsentAndBlockConformanceTests.Outcome

    /// A batch from another demo store (another seed): its patients are new here.
    static func foreignBatch(in folder: URL, seed: UInt64) throws -> ExchangeBatch {
        let path = folder.appendingPathComponent("other-\(seed).sqlite").path
        _ = try DemoGenerator.build(at: path, options: DemoOptions(patients: 25, seed: seed, today: RecordConformanceTests.today),
                                    force: false)
        let other = try SQLiteStore.open(at: path, clock: RecordConformanceTests.clock)
        let user = try #require(other.demoUser)
        let unit = try #require(try other.staff(user)).unitId
        let batch = try other.exportBatch(as: AccessContext(staffId: user, unitId: unit, sessionId: "x"), detail: "out")
        try #require(batch.patients.count > 5 && !batch.encounters.isEmpty)
        return batch
    }

    /// The cast's patient as the file of another system says it now: a new phone and family name.
    static func changedPatient(_ store: any ExchangeStore, _ c: Cast, lastUpdated: Date?) throws -> ExchangeBatch {
        var item = try #require(try store.exportBatch(patient: c.patient, as: c.owner, detail: "t").patients.first)
        item.value.patient.phone = "070-123 45 67"
        item.value.patient.familyName += "-Ek"
        item.value.lastUpdated = lastUpdated
        item.value.listings = []
        var batch = ExchangeBatch()
        batch.patients = [item]
        return batch
    }

    /// A summary with its counts in a fixed order, for comparing as text.
    static func shown(_ result: Any) -> Any {
        if var batch = result as? ExchangeBatch {
            // A set's order in its description is the process's hashing, not the store's.
            let staff = batch.staff.map { "\($0.resourceId) \($0.value.name) \($0.value.roles.map(\.rawValue).sorted())" }
            batch.staff = []
            return "\(batch) staff: \(staff)"
        }
        guard let s = result as? ExchangeSummary else { return result }
        func sorted(_ counts: [String: Int]) -> String { counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
        return "created \(sorted(s.created)); unchanged \(sorted(s.unchanged)); updated \(sorted(s.updated)); "
            + "skipped \(sorted(s.skipped)); changes \(s.changes); conflicts \(s.conflicts); "
            + "patients \(s.patientsWritten); local identifiers \(s.localIdentifiers)"
    }

    /// Where two outcomes' texts first part, with some text around it.
    static func firstDifference(_ a: Outcome, _ b: Outcome) -> String {
        let (x, y) = (Array("\(a)"), Array("\(b)"))
        guard let i = zip(x, y).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else { return "" }
        let from = max(0, i - 150)
        return "\n got: " + String(x[from..<min(x.count, i + 150)]) + "\n want: " + String(y[from..<min(y.count, i + 150)])
    }

    @Test func exportsAndImportsGiveTheSameResultsRecordsAndLogRows() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 40)
        defer { try? FileManager.default.removeItem(at: folder) }
        // One instance name in both, as a copy made after an export would carry.
        try sqlite.write { db in try StoreMeta.write(db, key: .instance, value: "c0ffee01") }
        _ = try PG.admin(pg, "INSERT INTO nara.store_meta(key, value) VALUES ('instance', 'c0ffee01')")
        let head = try #require(try pg.accessLogHead()?.rowId)
        let c = try Cast(sqlite)
        let foreign = try Self.foreignBatch(in: folder, seed: 8)
        let second = try Self.foreignBatch(in: folder, seed: 9)
        let changed = try Self.changedPatient(sqlite, c, lastUpdated: nil)
        let stale = try Self.changedPatient(sqlite, c, lastUpdated: Date(timeIntervalSince1970: 1_000_000))
        // The same exports on PostgreSQL, for the same log rows.
        for _ in 1...2 { _ = try Self.changedPatient(pg, c, lastUpdated: nil) }
        var emergency = c.outsider
        emergency.emergencyReason = "Akut försämring, patienten medvetslös"
        let account = AccessContext(staffId: "account:ops", unitId: c.unit, sessionId: "x")
        let requests: [(name: String, run: (any ExchangeStore) throws -> Any)] = [
            ("export all, owner", { try $0.exportBatch(patient: nil, as: c.owner, detail: "FHIR export") }),
            ("export all, secretary", { try $0.exportBatch(patient: nil, as: c.secretary, detail: "FHIR export") }),
            ("export all, departed", { try $0.exportBatch(patient: nil, as: c.departed, detail: "FHIR export") }),
            ("export all, no one", { try $0.exportBatch(patient: nil, as: c.stranger, detail: "FHIR export") }),
            ("export one, owner", { try $0.exportBatch(patient: c.patient, as: c.owner, detail: "FHIR export") }),
            ("export one, outsider", { try $0.exportBatch(patient: c.patient, as: c.outsider, detail: "FHIR export") }),
            ("export one, emergency", { try $0.exportBatch(patient: c.patient, as: emergency, detail: "FHIR export") }),
            ("export no one", { try $0.exportBatch(patient: PatientID(rawValue: 9_999_999), as: c.owner, detail: "x") }),
            ("import", { try $0.importBatch(foreign, source: "other.json", as: c.owner, dryRun: false, progress: nil) }),
            ("import again", { try $0.importBatch(foreign, source: "other.json", as: c.owner, dryRun: false,
                                                  progress: nil) }),
            ("change, outsider", { try $0.importBatch(changed, source: "c.json", as: c.outsider, dryRun: false,
                                                      progress: nil) }),
            ("change, account", { try $0.importBatch(changed, source: "c.json", as: account, dryRun: false,
                                                     progress: nil) }),
            ("change, dry run", { try $0.importBatch(changed, source: "c.json", as: c.owner, dryRun: true,
                                                     progress: nil) }),
            ("change, owner", { try $0.importBatch(changed, source: "c.json", as: c.owner, dryRun: false,
                                                   progress: nil) }),
            ("stale change", { try $0.importBatch(stale, source: "old.json", as: c.owner, dryRun: false,
                                                  progress: nil) }),
            ("export all after", { try $0.exportBatch(patient: nil, as: c.owner, detail: "FHIR export") }),
            ("export one after", { try $0.exportBatch(patient: c.patient, as: c.owner, detail: "FHIR export") }),
            // Last: PostgreSQL does not give back the ids a rolled-back insert took, so
            // records made after a dry run would have other ids than SQLite's.
            ("import again, dry run", { try $0.importBatch(foreign, source: "other.json", as: c.owner, dryRun: true,
                                                           progress: nil) }),
            ("a new import, dry run", { try $0.importBatch(second, source: "more.json", as: c.owner, dryRun: true,
                                                           progress: nil) }),
        ]
        var refusals: Set<String> = []
        var outcomes: [String: Outcome] = [:]
        for request in requests {
            let expected = Outcome { try Self.shown(request.run(sqlite)) }
            let got = Outcome { try Self.shown(request.run(pg)) }
            #expect(got == expected, "\(request.name): \(Self.firstDifference(got, expected))")
            outcomes[request.name] = expected
            switch expected {
            case .done(let text): #expect(text.count > 20, "\(request.name)")
            case .refused(let error): refusals.insert(ConsentAndBlockConformanceTests.kind(error))
            case .failed(let error): Issue.record("\(request.name) failed on SQLite: \(error)")
            }
        }
        #expect(refusals == ["unknown_staff", "inactive_user", "emergency_required", "not_found"], "\(refusals.sorted())")
        #expect("\(outcomes["change, outsider"]!)".contains("not changed"), "the outsider's change was held back")
        #expect("\(outcomes["stale change"]!)".contains("conflict"), "a file older than the store's change was held back")
        let sqliteRows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        let pgRows = try pg.accessLogRows(after: head, limit: 10_000)
        #expect(pgRows.count == sqliteRows.count)
        if let (got, want) = zip(pgRows, sqliteRows).first(where: { $0.0 != $0.1 }) {
            Issue.record("the first log row that differs: \(got)\n want: \(want)")
        }
        #expect(sqliteRows.contains { $0.content.detail.hasPrefix("import other.json: ") })
        #expect(sqliteRows.contains { $0.content.detail.hasPrefix("import dry run c.json") })
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
        // The imported patients are found by name on PostgreSQL, as on SQLite.
        let name = try #require(foreign.patients.first { !$0.value.patient.protectedIdentity }?.value.patient.familyName)
        #expect(try pg.searchPatients(name, limit: 50, as: c.owner).map(\.id)
                == sqlite.searchPatients(name, limit: 50, as: c.owner).map(\.id))
    }

    /// A row the schema refuses (a second active named contact of a kind at a unit) names
    /// the record in the file on both stores, and nothing of the batch is written.
    @Test func aRefusedRecordNamesItsPlaceAndWritesNothing() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try Cast(sqlite)
        let contacted = try #require(try sqlite.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT c.patient_id FROM care_contact c JOIN listing l ON l.patient_id = c.patient_id AND l.to_date IS NULL
                 WHERE c.to_date IS NULL AND c.unit_id = ? AND l.unit_id = ? ORDER BY c.patient_id LIMIT 1
                """, arguments: [c.unit.rawValue, c.unit.rawValue])
        })
        var batch = try sqlite.exportBatch(patient: PatientID(rawValue: contacted), as: c.owner, detail: "t")
        let active = try #require(batch.contacts.first { $0.value.to == nil })
        var twin = active
        twin.resourceId += "-twin"
        twin.identifier = nil
        batch.contacts.append(twin)
        let head = try pg.accessLogHead()?.rowId
        let counts = try pg.counts()
        let expected = Outcome { try sqlite.importBatch(batch, source: "twin.json", as: c.owner) }
        #expect(Outcome { try pg.importBatch(batch, source: "twin.json", as: c.owner) } == expected)
        guard case .failed(let text) = expected else {
            Issue.record("the second active contact was not refused: \(expected)")
            return
        }
        #expect(text.contains("already has an active named contact"), "\(text)")
        #expect(try pg.accessLogHead()?.rowId == head)
        #expect(try pg.counts().map(\.rows) == counts.map(\.rows))
    }
}
