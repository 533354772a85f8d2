import Foundation
import NaraDomain
import NaraPostgresTesting
import PostgresNIO
import Testing
@testable import NaraPostgresStore

@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresMigrationTests {
    /// Every migration this version knows, in order.
    static let all = [RegionSchema.identifier, RegionSchemaChangeCounters.identifier, RegionSchemaRecordRead.identifier,
                      RegionSchemaReferralQueue.identifier, RegionSchemaContactsByStaff.identifier,
                      RegionSchemaLogHashUnindexed.identifier, RegionSchemaReferralQueue.encounterSeekIdentifier,
                      RegionSchemaPlanParticipantPosition.identifier, RegionSchemaAccessLogAppend.identifier,
                      RegionSchemaReadFunctions.identifier]

    @Test func theSchemaIsMadeOnceAndAgainIsANoOp() throws {
        let location = try PG.database()
        let first = try PostgresStore.open(location: location)
        #expect(try first.appliedMigrations() == Self.all)
        let second = try PostgresStore.open(location: location)
        #expect(try PostgresMigrations.migrate(second.client).isEmpty)
        #expect(try second.appliedMigrations() == Self.all)
    }

    /// A database made by the version before the change counters' triggers gets them when
    /// this version opens it, and its rows count from there.
    @Test func aRegionV1DatabaseGetsTheChangeCounterTriggers() throws {
        let location = try PG.database()
        let older = PostgresClient(location: location)
        defer { older.disconnect() }
        #expect(try PostgresMigrations.migrate(older, Array(PostgresMigrations.all.prefix(1))) == [RegionSchema.identifier])
        let triggers = """
            SELECT count(DISTINCT event_object_table) FROM information_schema.triggers
             WHERE trigger_schema = 'nara' AND trigger_name = 'change_counters'
            """
        #expect(try older.query(PostgresQuery(unsafeSQL: triggers)).first?.decode(Int64.self) == 0)
        let store = try PostgresStore.open(location: location)
        #expect(try store.appliedMigrations() == Self.all)
        #expect(try PG.admin(store, triggers).first?.decode(Int64.self) == Int64(ChangeCounterRules.watched.count))
        try store.addUnit(CareUnit(id: "SE2321000164-vc01", name: "Vårdcentralen", principal: .region, kind: .primaryCare))
        #expect(try store.changeStamp(ChangeScope(unit: "SE2321000164-vc01")) == ChangeStamp(unit: 1))
    }

    /// Opened to read only (an audit, a check), a database behind this version is refused
    /// and left as it was, and one without the schema is no store; at the current version
    /// it opens.
    @Test func readOnlyOpensNeitherAnOlderNorAnEmptyDatabase() throws {
        let location = try PG.database()
        #expect(throws: StoreError.notAStore(path: location.description)) {
            try PostgresStore.open(location: location, readOnly: true)
        }
        let older = PostgresClient(location: location)
        defer { older.disconnect() }
        try PostgresMigrations.migrate(older, Array(PostgresMigrations.all.prefix(2)))
        #expect(throws: StoreError.olderSchema(path: location.description)) {
            try PostgresStore.open(location: location, readOnly: true)
        }
        #expect(try PostgresMigrations.applied(older) == Array(Self.all.prefix(2)))
        _ = try PostgresStore.open(location: location)
        #expect(try PostgresStore.open(location: location, readOnly: true).appliedMigrations() == Self.all)
    }

    /// Several servers opening a new database at once: one applies the schema, the
    /// others wait on the advisory lock and then find it done.
    @Test func severalOpeningAtOnceApplyItOnce() throws {
        let location = try PG.database()
        let errors = Errors()
        PG.onThreads(6) { _ in
            do { _ = try PostgresStore.open(location: location) } catch { errors.add(error) }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(try PostgresStore.open(location: location).appliedMigrations() == Self.all)
    }

    /// A keys-file line names the connection file; the file names the database.
    @Test func aStoreOpensByURLOrByConnectionFile() throws {
        let location = try PG.database()
        guard case .socket(let folder, let port) = location.endpoint else { return }
        let url = "postgresql://\(location.user)@/\(location.database)?host=\(folder)&port=\(port)"
        #expect(try PostgresStore.open(url).appliedMigrations() == Self.all)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nara-\(UUID().uuidString).conf").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "# the test database\n\(url)\n".write(toFile: file, atomically: false, encoding: .utf8)
        let store = try PostgresStore.open(file)
        #expect(store.address == location)
        #expect(try store.appliedMigrations() == Self.all)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let location = try PG.database()
        let store = try PostgresStore.open(location: location)
        try PG.admin(store, "INSERT INTO nara.nara_migrations(identifier) VALUES ('region-v99')")
        #expect(throws: StoreError.newerSchema(path: location.description, found: "region-v99")) {
            try PostgresStore.open(location: location)
        }
    }

    /// The name words keep å, ä and ö apart, and a prefix is an index range.
    @Test func nameWordsFollowThePatientAndKeepSwedishLettersApart() throws {
        let store = try PG.store()
        try PG.admin(store, """
            INSERT INTO nara.patient(id, ident, ident_short, ident_kind, given_name, family_name, search_name, sex)
            VALUES (1, '194001011234', '4001011234', 'personnummer', 'Åsa', 'Öberg', 'åsa öberg', 'female'),
                   (2, '194001021234', '4001021234', 'personnummer', 'Anna', 'Oberg', 'anna oberg', 'female'),
                   (3, '194001031234', '4001031234', 'personnummer', 'Skyddad', 'Person', '', 'unknown')
            """)
        func find(_ prefix: String) throws -> [Int64] {
            try store.client.query("""
                SELECT DISTINCT patient_id FROM nara.patient_name_word
                 WHERE word >= \(prefix) AND word < \(prefix) || U&'\\+10FFFF' ORDER BY patient_id
                """).map { try $0.decode(Int64.self) }
        }
        #expect(try find("ö") == [1])
        #expect(try find("o") == [2])
        #expect(try find("å") == [1] && find("a") == [2])
        try PG.admin(store, "UPDATE nara.patient SET search_name = 'åsa lund' WHERE id = 1")
        #expect(try find("ö").isEmpty && find("lu") == [1])
        let words = try PG.admin(store, "SELECT count(*) FROM nara.patient_name_word WHERE patient_id = 3")
        #expect(try words.first?.decode(Int64.self) == 0)
    }

    @Test func aUnitsProviderIsMadeFromItsHSAId() throws {
        let store = try PG.store()
        try store.addUnit(CareUnit(id: "SE2120000000-hsv1", name: "Hemsjukvården", principal: .municipality, kind: .homeCare))
        try store.addUnit(CareUnit(id: "privat", name: "Läkarhuset", principal: .private, kind: .primaryCare))
        let rows = try PG.admin(store, "SELECT id, name, principal FROM nara.care_provider ORDER BY id")
            .map { try $0.decode((String, String, String).self) }
        #expect(rows.map(\.0) == ["SE2120000000", "privat"])
        #expect(rows.map(\.1) == ["Kommun SE2120000000", "Läkarhuset"])
    }
}
