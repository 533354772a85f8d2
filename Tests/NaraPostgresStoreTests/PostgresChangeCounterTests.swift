import Foundation
import GRDB
import NaraDomain
import NaraPostgresTesting
import PostgresNIO
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The change-counter triggers of the PostgreSQL store: on every table that holds a
/// patient's rows, the same counters as the file store's for the same rows, and no bump
/// lost when many write at once.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresChangeCounterTests {
    /// The name-search index: the patient's own trigger keeps it from the patient row,
    /// whose change bumps the counters (in SQLite the FTS5 table, which the SQLite test
    /// leaves out as a virtual table).
    static let derived: Set = ["patient_name_word"]

    /// The tables that hold a patient's information: `patient`, those with a `patient_id`
    /// column, and those whose rows belong to a row of one of these, but not to a row of a
    /// table left out on purpose (as `ChangeTriggerCoverageTests` finds them in SQLite).
    static func patientTables(_ store: PostgresStore) throws -> Set<String> {
        let withPatient = try PG.admin(store, """
            SELECT table_name::text FROM information_schema.columns
             WHERE table_schema = 'nara' AND column_name = 'patient_id'
            """).map { try $0.decode(String.self) }
        var found = Set(withPatient).union(["patient"]).subtracting(derived)
        let parents = try store.references()
        var grew = true
        while grew {
            grew = false
            for (table, named) in parents where !found.contains(table) && !derived.contains(table)
                && named.contains(where: { found.contains($0) && !ChangeCounterRules.unwatched.contains($0) }) {
                found.insert(table)
                grew = true
            }
        }
        return found
    }

    @Test func everyTableWithAPatientsRowsBumpsTheCounters() throws {
        let store = try PG.store()
        let tables = try Self.patientTables(store)
        #expect(tables.isSuperset(of: ["listing", "referral_event", "block_opening", "plan_person", "patient_task"]))
        let rows = try PG.admin(store, """
            SELECT event_object_table::text, event_manipulation::text FROM information_schema.triggers
             WHERE trigger_schema = 'nara' AND trigger_name = '\(RegionSchemaChangeCounters.triggerName)'
               AND action_timing = 'AFTER' AND action_orientation = 'ROW'
            """).map { try $0.decode((String, String).self) }
        let events = Dictionary(grouping: rows, by: \.0).mapValues { Set($0.map(\.1)) }
        for table in tables.subtracting(ChangeCounterRules.unwatched).sorted() {
            #expect(events[table] == ["INSERT", "UPDATE", "DELETE"],
                    "\(table) has no trigger that bumps the change counters after each write")
        }
        // The directory too, and what is left out is left out on purpose, and still exists.
        #expect(Set(events.keys) == Set(ChangeCounterRules.watched.map(\.table)))
        #expect(ChangeCounterRules.unwatched.isSubset(of: tables))
        #expect(events.keys.allSatisfy { !ChangeCounterRules.unwatched.contains($0) })
    }

    /// A demo store and its copy in PostgreSQL: the same update of the same row moves the
    /// same counters in both, for every watched table the demo fills. Running each
    /// trigger also proves its SQL names real columns, which PL/pgSQL checks only then.
    @Test func theSameWriteMovesTheSameCountersInBothStores() throws {
        let folder = try StoreCopyTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = try StoreCopyTests.demo(in: folder, patients: 40)
        let pg = try PG.store()
        #expect(try StoreCopy.run(from: sqlite, to: pg).matches)
        // The copy bumped nothing: the target was empty, and no session watched it.
        #expect(try PG.admin(pg, "SELECT count(*) FROM nara.change_counter").first?.decode(Int64.self) == 0)
        let file = BackendStore(backend: .sqlite, store: sqlite)
        let region = BackendStore(backend: .postgres, store: pg)
        var compared: [String] = []
        for table in ChangeCounterRules.watched.map(\.table) {
            let keys = try PG.admin(pg, """
                SELECT a.attname::text FROM pg_index i
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                 WHERE i.indrelid = to_regclass('nara.\(table)') AND i.indisprimary ORDER BY a.attname
                """).map { try $0.decode(String.self) }
            let key = try #require(keys.isEmpty ? nil : keys.joined(separator: ", "), "\(table) has no primary key")
            let count = try PG.admin(pg, "SELECT count(*) FROM nara.\(table)").first?.decode(Int64.self) ?? 0
            if count == 0 { continue }
            let first = keys[0]
            let update = """
                UPDATE \(table) SET \(first) = \(first)
                 WHERE (\(key)) IN (SELECT \(key) FROM \(table) ORDER BY \(key) LIMIT 1)
                """
            let there = try file.moved(update)
            #expect(try region.moved(update) == there, "\(table)")
            #expect(!there.isEmpty, "\(table)")
            compared.append(table)
        }
        #expect(compared.count >= 20, "the demo filled only \(compared)")
    }

    /// Sixteen connections bump the same patient's and unit's counters at once, starting
    /// where neither counter has a row yet: every bump counts.
    @Test func concurrentWritersLoseNoBump() throws {
        let location = try PG.database()
        let store = try PostgresStore.open(location: location)
        try PG.admin(store, """
            INSERT INTO nara.care_unit(id, name, principal, kind)
            VALUES ('SE2321000164-vc01', 'Vårdcentralen', 'region', 'primary_care')
            """)
        let patient = try PG.admin(store, """
            INSERT INTO nara.patient(ident, ident_short, ident_kind, given_name, family_name, search_name, sex)
            VALUES ('194503034565', '4503034565', 'personnummer', 'Åsa', 'Öberg', 'åsa öberg', 'female') RETURNING id
            """)[0].decode(Int64.self)
        try PG.admin(store, """
            INSERT INTO nara.listing(patient_id, unit_id, from_date) VALUES (\(patient), 'SE2321000164-vc01', '2020-01-01')
            """)
        try PG.admin(store, "DELETE FROM nara.change_counter")
        let writers = 16, each = 20
        let errors = Errors()
        PG.onThreads(writers) { n in
            do {
                let own = try PostgresStore.open(location: location)
                for i in 0..<each {
                    try own.client.query("""
                        INSERT INTO nara.problem(patient_id, code, text, chronic)
                        VALUES (\(patient), 'I10', \("Hypertoni \(n)-\(i)"), true)
                        """)
                }
            } catch { errors.add(error) }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        let stamp = try store.changeStamp(ChangeScope(patient: PatientID(rawValue: patient), unit: "SE2321000164-vc01"))
        #expect(stamp == ChangeStamp(patient: Int64(writers * each), unit: Int64(writers * each)))
    }
}
