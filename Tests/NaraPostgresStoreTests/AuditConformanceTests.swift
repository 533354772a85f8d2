import Foundation
import NaraDomain
import NaraLogChain
import NaraPostgresStore
import NaraPostgresTesting
import NaraStore
import PostgresNIO
import Testing

/// `AuditStore` as every store must keep it: the head, a row's hash and the chain's
/// verification agree after appends; the counts name the same tables; a sound store
/// has no integrity problems. On PostgreSQL, what an administrator's SQL can break in
/// the schema is reported.
@Suite struct AuditConformanceTests {
    static let nurse = AccessContext(staffId: "karin.berg", unitId: "vc01", sessionId: "s-nurse")

    /// `count` log rows naming no patient, written as each store writes them.
    func log(_ s: BackendStore, _ count: Int, from first: Int = 0) throws {
        for i in first..<(first + count) {
            switch s.backend {
            case .sqlite:
                try (s.store as! SQLiteStore).logEvent("rapport \(i)", action: .export, as: Self.nurse)
            case .postgres:
                try (s.store as! PostgresStore).appendAccessLog([
                    AccessLogAppend(Self.nurse, patient: nil, action: .export, detail: "rapport \(i)", at: Date()),
                ])
            }
        }
    }

    @Test(arguments: StoreBackend.available)
    func headHashAndVerificationAgree(_ backend: StoreBackend) throws {
        let s = try BackendStore.withStaff(backend)
        defer { s.remove() }
        let store = s.operatorStore
        #expect(try store.accessLogHead() == nil)
        #expect(try store.verifyAccessLog() == .intact(rows: 0, head: AccessLogChain.genesis))
        #expect(try store.check(AccessLogAnchor(time: Date(), rowId: 0, hash: AccessLogAnchor.emptyLogHash)) == .holds)
        try log(s, 3)
        let early = try #require(try store.accessLogHead())
        #expect(early.rowId == 3)
        try log(s, 4, from: 3)
        let head = try #require(try store.accessLogHead())
        #expect(head.rowId == 7)
        #expect(try store.verifyAccessLog() == .intact(rows: 7, head: head.hash))
        #expect(try store.accessLogHash(row: 7) == head.hash)
        #expect(try store.accessLogHash(row: 3) == early.hash)
        #expect(try store.accessLogHash(row: 8) == nil)
        #expect(try store.check(AccessLogAnchor(time: Date(), rowId: 3, hash: early.hash)) == .holds)
        #expect(try store.check(AccessLogAnchor(time: Date(), rowId: 3, hash: head.hash)) == .changed)
        #expect(try store.check(AccessLogAnchor(time: Date(), rowId: 9, hash: head.hash)) == .cutOff(lastRow: 7))
        #expect(try store.counts().first { $0.table == "access_log" }?.rows == 7)
    }

    @Test(arguments: StoreBackend.available)
    func countsAndASoundStore(_ backend: StoreBackend) throws {
        let s = try BackendStore.withStaff(backend)
        defer { s.remove() }
        let store = s.operatorStore
        let counts = try store.counts()
        #expect(counts.map(\.table) == [
            "care_unit", "staff", "patient", "listing", "care_contact", "problem", "encounter", "discharge",
            "discharge_notice", "observation", "referral", "referral_event", "coordinated_plan", "care_provider",
            "consent", "information_block", "block_opening", "care_request", "patient_task", "work_list_claim",
            "access_log",
        ])
        #expect(counts.first { $0.table == "care_unit" }?.rows == 1)
        #expect(counts.first { $0.table == "staff" }?.rows == 3)
        #expect(try store.integrityProblems() == [])
        // A new file says no earlier blocks were ended ("0 <day>"); a new database says nothing.
        #expect(try store.legacyBlocksEnded().map { $0.hasPrefix("0 ") } ?? true)
        #expect(!store.location.isEmpty)
    }
}

/// What `integrityProblems()` finds on PostgreSQL, each made by an administrator's SQL.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresIntegrityTests {
    func admin(_ store: PostgresStore, _ sql: String) throws { try PG.admin(store, sql) }

    @Test func anInvalidIndexIsReported() throws {
        let store = try PG.store()
        try store.addUnit(CareUnit(id: "vc01", name: "Vårdcentralen", principal: .region, kind: .primaryCare))
        try store.addUnit(CareUnit(id: "vc02", name: "Vårdcentralen", principal: .region, kind: .primaryCare))
        #expect(try store.integrityProblems() == [])
        // A unique index built concurrently over duplicates fails, and stays behind invalid.
        #expect(throws: StoreError.self) {
            try admin(store, "CREATE UNIQUE INDEX CONCURRENTLY care_unit_one_name ON nara.care_unit(name)")
        }
        #expect(try store.integrityProblems() == [
            "index nara.care_unit_one_name is not valid (a failed concurrent build?)",
        ])
    }

    @Test func anUnvalidatedConstraintAndADisabledTriggerAreReported() throws {
        let store = try PG.store()
        try admin(store, "ALTER TABLE nara.staff ADD CONSTRAINT staff_name_short CHECK (length(name) < 100) NOT VALID")
        try admin(store, "ALTER TABLE nara.access_log DISABLE TRIGGER access_log_no_change")
        #expect(try store.integrityProblems() == [
            "constraint staff_name_short on nara.staff is not validated (added NOT VALID)",
            "trigger access_log_no_change on nara.access_log is disabled",
        ])
        try admin(store, "ALTER TABLE nara.staff VALIDATE CONSTRAINT staff_name_short")
        try admin(store, "ALTER TABLE nara.access_log ENABLE TRIGGER access_log_no_change")
        #expect(try store.integrityProblems() == [])
    }

    @Test func aMissingMigrationIsReported() throws {
        let store = try PG.store()
        try admin(store, "DELETE FROM nara.nara_migrations WHERE identifier = 'region-v2-change-counters'")
        #expect(try store.integrityProblems() == ["migration region-v2-change-counters is not applied"])
    }

    /// With amcheck installed every B-tree index of the schema is checked: a sound one
    /// passes; one whose order its operator class no longer keeps (the comparison
    /// redefined after the index was built) does not.
    @Test func amcheckRunsOverTheSchemasIndexes() throws {
        let store = try PG.store()
        try store.addUnit(CareUnit(id: "vc01", name: "Vårdcentralen", principal: .region, kind: .primaryCare))
        try admin(store, "CREATE EXTENSION amcheck")
        #expect(try store.integrityProblems() == [])
        try admin(store, "CREATE FUNCTION nara.test_cmp(int4, int4) RETURNS int4 IMMUTABLE LANGUAGE sql "
            + "AS 'SELECT btint4cmp($1, $2)'")
        try admin(store, "CREATE OPERATOR CLASS nara.test_int4_ops FOR TYPE int4 USING btree AS OPERATOR 1 <, "
            + "OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 nara.test_cmp(int4, int4)")
        try admin(store, "CREATE TABLE nara.test_numbers AS SELECT g AS n FROM generate_series(1, 2000) g")
        try admin(store, "CREATE INDEX test_numbers_n ON nara.test_numbers (n nara.test_int4_ops)")
        #expect(try store.integrityProblems() == [])
        try admin(store, "CREATE OR REPLACE FUNCTION nara.test_cmp(int4, int4) RETURNS int4 IMMUTABLE LANGUAGE sql "
            + "AS 'SELECT btint4cmp($2, $1)'")
        let problems = try store.integrityProblems()
        #expect(problems.count == 1 && problems.first?.hasPrefix("index nara.test_numbers_n: ") == true,
                "\(problems)")
    }
}
