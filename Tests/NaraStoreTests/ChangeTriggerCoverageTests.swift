import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Every table that holds a patient's information bumps the change counters on every
/// insert, update and delete, so a table added later cannot be forgotten: a session
/// would otherwise show a stale record or list until something else moved.
@Suite struct ChangeTriggerCoverageTests {
    /// The tables that hold a patient's information: `patient`, those with a `patient_id`,
    /// and those whose rows belong to a row of one of these (a referral's events, a plan's
    /// participants, a block's openings), but not to a row of a table left out on purpose.
    private static func patientTables(_ db: Database) throws -> Set<String> {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT GLOB 'sqlite_*'
                AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT GLOB 'patient_name_search_*'
            """)
        var found: Set<String> = ["patient"]
        for table in tables where try db.columns(in: table).contains(where: { $0.name == "patient_id" }) {
            found.insert(table)
        }
        var grew = true
        while grew {
            grew = false
            for table in tables where !found.contains(table) {
                let parents = try db.foreignKeys(on: table).map(\.destinationTable)
                if parents.contains(where: { found.contains($0) && !ChangeTriggers.unwatched.contains($0) }) {
                    found.insert(table)
                    grew = true
                }
            }
        }
        return found
    }

    @Test func everyTableWithAPatientsRowsBumpsTheCounters() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.read { db in
            let tables = try Self.patientTables(db)
            #expect(tables.isSuperset(of: ["listing", "referral_event", "block_opening", "plan_person", "patient_task"]))
            let triggers = try Row.fetchAll(db, sql: """
                SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%INTO change_touch%'
                """)
            for table in tables.subtracting(ChangeTriggers.unwatched).sorted() {
                let own = triggers.filter { $0["tbl_name"] == table }.map { $0["sql"] as String }
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    #expect(own.contains { $0.contains("AFTER \(event) ON \(table)") },
                            "\(table) has no trigger that bumps the change counters after \(event)")
                }
            }
            // What is left out is left out on purpose, and still exists.
            #expect(ChangeTriggers.unwatched.isSubset(of: tables))
        }
    }

    /// A trigger names its columns only when it runs: every statement that would fire one
    /// is prepared here, so a misspelt column fails this test rather than a nurse's save.
    @Test func everyTriggerCompiles() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.write { db in
            for table in ChangeTriggers.watched.map(\.table) {
                let column = try #require(try db.columns(in: table).first?.name)
                try db.execute(sql: "INSERT INTO \(table) SELECT * FROM \(table) WHERE 0")
                try db.execute(sql: "UPDATE \(table) SET \(column) = \(column) WHERE 0")
                try db.execute(sql: "DELETE FROM \(table) WHERE 0")
            }
        }
    }

    /// The demo generator loads without the triggers and puts them all back.
    @Test func aDemoStoreHasEveryTrigger() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let demo = f.folder.appendingPathComponent("demo.sqlite").path
        _ = try DemoGenerator.build(at: demo, options: DemoOptions(patients: 20, today: f.today), force: false)
        let count = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'change_*'"
        let built = try SQLiteStore.open(at: demo)
        // Three a watched table, and the one that bumps.
        #expect(try built.read { db in try Int.fetchOne(db, sql: count) } == ChangeTriggers.watched.count * 3 + 1)
        #expect(try f.store.read { db in try Int.fetchOne(db, sql: count) } == ChangeTriggers.watched.count * 3 + 1)
    }
}
