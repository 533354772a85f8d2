import Foundation
import NaraPostgresTesting
import PostgresNIO
import Testing
@testable import NaraPostgresStore

/// `nara.record_read` is the read of this version's record parts. Made by a migration, it
/// stays as it was made when the parts change later: this test then fails until a new
/// migration replaces it (`RegionSchemaRecordRead`).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct RecordReadFunctionTests {
    @Test func theFunctionIsTheReadOfThisVersion() throws {
        let pg = try PG.store()
        let body = try #require(try PG.admin(pg, """
            SELECT prosrc FROM pg_proc WHERE proname = 'record_read'
               AND pronamespace = 'nara'::regnamespace
            """).first?.decode(String.self))
        #expect(body.contains(PostgresRecordSQL.read),
                "nara.record_read is not the read of RecordQuery's parts: add a migration that replaces it")
        #expect(RegionSchemaRecordRead.function.contains(PostgresRecordSQL.read))
    }

    /// Every part comes back, as a row, whatever the arguments: a patient who is not
    /// there has no record rows.
    @Test func aRecordReadForAPatientThatIsNotThereHasEveryPartAndNoRecord() throws {
        let pg = try PG.store()
        let rows = try PG.admin(pg, """
            SELECT part, rows FROM nara.record_read(424242, 'none', 'nobody', '2026-12-06', 0)
            """).map { try $0.decode((String, String?).self) }
        #expect(rows.count == PostgresRecordSQL.read.components(separatedBy: "UNION ALL").count)
        #expect(rows.contains { $0.0 == "patient" && $0.1 == nil })
        #expect(rows.contains { $0.0 == "encounter" && $0.1 == nil })
    }
}
