import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Regional reserve numbers and protected identity through the store: stored with their
/// kind, exported as they came in, and a change of protection applied on re-import.
extension ExchangeImportTests {
    static func reservePatient(_ fx: StoreFixture, _ text: String, region: ReserveRegion, id: String,
                               protected: Bool = false, label: String? = nil) throws -> Exchanged<ExchangedPatient> {
        let ident = try PersonIdentifier.parse(text, as: .localReserve(region), today: fx.today)
        let p = Patient(id: PatientID(0), identifier: ident, givenName: "Ada", familyName: "Ek", sex: ident.sex,
                        birthDate: ident.birthDate, protectedIdentity: protected)
        // Listed at the nurse's unit, so the nurse's export includes the patient.
        return Exchanged(origin: origin("Patient", id, 1), resourceId: id,
                         value: ExchangedPatient(patient: p, listings: [Listing(patientId: PatientID(0), unitId: StoreFixture.vc,
                                                                                from: fx.today)],
                                                 protectionLabel: label))
    }

    @Test func everyRegionsReserveNumberIsStoredWithItsRegion() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        var batch = ExchangeBatch()
        // The first example of each region that no earlier region's example already took.
        var seen: Set<String> = []
        for (i, f) in ReserveFormat.all.enumerated() where seen.insert(f.examples[0]).inserted {
            batch.patients.append(try Self.reservePatient(fx, f.examples[0], region: f.region, id: "r\(i)"))
        }
        _ = try fx.store.importBatch(batch, source: "regions.json", as: fx.nurse)
        let kinds = try fx.store.read { db in try String.fetchAll(db, sql: "SELECT ident_kind FROM patient ORDER BY id") }
        #expect(kinds == batch.patients.map(\.value.patient.identifier.kind.rawValue))
        #expect(kinds.contains("local_reserve_stockholm") && kinds.contains("local_reserve_orebro"))
        let out = try fx.store.exportBatch(as: fx.nurse, detail: "test")
        #expect(out.patients.map(\.value.patient.identifier) == batch.patients.map(\.value.patient.identifier))
        // The loosened constraint still refuses a kind that is none of them.
        #expect(throws: (any Error).self) {
            try fx.store.write { db in
                try db.execute(sql: "UPDATE patient SET ident_kind = 'local_reserve_' WHERE id = 1")
            }
        }
    }

    @Test func theProtectionCodeThatCameInIsExportedAgain() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        var batch = ExchangeBatch()
        batch.patients = [try Self.reservePatient(fx, "991981000010", region: .stockholm, id: "p1", protected: true,
                                                  label: "skyddadFolkbokforing")]
        _ = try fx.store.importBatch(batch, source: "a.json", as: fx.nurse)
        let out = try fx.store.exportBatch(as: fx.nurse, detail: "test")
        #expect(out.patients.first?.value.patient.protectedIdentity == true)
        #expect(out.patients.first?.value.protectionLabel == "skyddadFolkbokforing")
    }

    @Test func aChangeOfProtectionOnReImportAppliesAtOnce() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        func importing(protected: Bool, label: String?) throws -> ExchangeSummary {
            var batch = ExchangeBatch()
            batch.patients = [try Self.reservePatient(fx, "19810829SU3A", region: .varmland, id: "p1",
                                                      protected: protected, label: label)]
            return try fx.store.importBatch(batch, source: "a.json", as: fx.nurse)
        }
        func stored() throws -> (Bool, String?, String) {
            try fx.store.read { db in
                let row = try #require(try Row.fetchOne(db, sql: "SELECT protected, protection_label, search_name FROM patient"))
                return (row["protected"], row["protection_label"], row["search_name"])
            }
        }
        _ = try importing(protected: false, label: nil)
        #expect(try stored() == (false, nil, "ada ek"))

        let logRows = try fx.logCount()
        let protect = try importing(protected: true, label: "sekretessmarkering")
        #expect(protect.updated == ["Patient": 1])
        #expect(protect.patientsWritten == 1)
        #expect(try stored() == (true, "sekretessmarkering", ""))
        #expect(try fx.logCount() == logRows + 2)

        #expect(try importing(protected: true, label: "sekretessmarkering").unchanged == ["Patient": 1])
        _ = try importing(protected: true, label: "skyddadFolkbokforing")
        #expect(try stored() == (true, "skyddadFolkbokforing", ""))

        _ = try importing(protected: false, label: nil)
        #expect(try stored() == (false, nil, "ada ek"))
    }
}

extension ExchangeImportTests {
    /// A store made before the regional kinds existed refuses them until its migrations
    /// run, and takes them after, with the file still whole.
    @Test func anOlderStoreTakesRegionalKindsAfterItsMigration() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nara-old-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let queue = try DatabaseQueue(path: dir.appendingPathComponent("old.sqlite").path)
        try Migrations.migrator.migrate(queue, upTo: SchemaNameSearchPrefixes.identifier)
        func insert(_ db: Database, _ ident: String, _ kind: String) throws {
            try db.execute(sql: """
                INSERT INTO patient(ident, ident_short, ident_kind, given_name, family_name, search_name, sex)
                VALUES (?, ?, ?, 'Ada', 'Ek', 'ada ek', 'unknown')
                """, arguments: [ident, String(ident.suffix(10)), kind])
        }
        #expect(throws: (any Error).self) { try queue.write { db in try insert(db, "991981000010", "local_reserve_stockholm") } }
        try queue.write { db in try insert(db, "19810829TB1F", "local_reserve_orebro") }

        try Migrations.migrator.migrate(queue)
        try queue.write { db in try insert(db, "991981000010", "local_reserve_stockholm") }
        #expect(throws: (any Error).self) { try queue.write { db in try insert(db, "19810829SU3A", "local_reserve") } }
        let check = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
        // A second connection reads the new constraint too.
        let other = try DatabaseQueue(path: dir.appendingPathComponent("old.sqlite").path)
        try other.write { db in try insert(db, "1965120701M1", "local_reserve_gavleborg") }
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM patient") } == 3)
    }
}
