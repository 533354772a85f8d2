import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Blocks (spärr) as the national model has them: what a unit or provider documented is
/// hidden from everyone outside it, everywhere (security review M3, fidelity §5).
@Suite struct InformationBlockStoreTests {
    /// Åsa, listed at the vårdcentral, with a cardiology visit and a discharge from the ward.
    func clinic() throws -> (StoreFixture, Patient) {
        let f = try StoreFixture()
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 11, 10), mode: .visit, planned: true,
                                                     staffId: "erik.sjoberg", unitId: StoreFixture.cardiology,
                                                     reason: "Ekokardiografi"), as: try f.acting("erik.sjoberg"))
        _ = try f.store.recordDischarge(p.id, unit: StoreFixture.ward, admittedOn: LocalDate(year: 2026, month: 11, day: 12)!,
                                        dischargedOn: LocalDate(year: 2026, month: 11, day: 19)!, as: f.nurse)
        return (f, p)
    }

    @Test func anInnerBlockHidesTheUnitsEntriesFromEveryoneElseAndTheRecordSaysSo() throws {
        let (f, p) = try clinic()
        defer { f.remove() }
        #expect(try f.store.openRecord(p.id, as: f.nurse).encounters.count == 1)
        _ = try f.store.addBlock(p.id, scope: .unit(StoreFixture.cardiology), reason: "Patientens begäran", as: f.nurse)
        let seen = try f.store.openRecord(p.id, as: f.nurse)
        #expect(seen.encounters.isEmpty)
        #expect(seen.hidden.blocked == 1)
        // The unit that documented it still sees its own entries.
        #expect(try f.store.openRecord(p.id, as: f.cardiologist).encounters.count == 1)
        // Emergency access does not lift a block.
        var emergency = f.nurse
        emergency.emergencyReason = "Akut försämring, medvetslös"
        #expect(try f.store.openRecord(p.id, as: emergency).encounters.isEmpty)
    }

    @Test func blockedFactsPutNobodyOnAWorkList() throws {
        let (f, p) = try clinic()
        defer { f.remove() }
        func discharged() throws -> [PatientID] {
            try f.store.workList(.dischargedWithoutContact, unit: StoreFixture.vc, settings: .default, today: f.today,
                                 limit: 10, as: f.nurse).map(\.patient.id)
        }
        #expect(try discharged() == [p.id])
        _ = try f.store.addBlock(p.id, scope: .unit(StoreFixture.ward), reason: "Patientens begäran", as: f.nurse)
        #expect(try discharged().isEmpty)
        #expect(try f.store.workListCounts(unit: StoreFixture.vc, settings: .default, today: f.today,
                                           as: f.nurse)[.dischargedWithoutContact] == 0)
    }

    @Test func anOpeningLiftsItForOneUserForAtMostSevenDaysAndIsLogged() throws {
        let (f, p) = try clinic()
        defer { f.remove() }
        _ = try f.store.addBlock(p.id, scope: .unit(StoreFixture.cardiology), reason: "Patientens begäran", as: f.nurse)
        #expect(throws: StoreError.refused(.blockOpeningDays(maximum: 7))) {
            try f.store.openBlock(p.id, scope: .unit(StoreFixture.cardiology), for: .staff("karin.berg"), days: 8,
                                  basis: .consent, reason: "Patienten samtycker", as: f.nurse)
        }
        _ = try f.store.openBlock(p.id, scope: .unit(StoreFixture.cardiology), for: .staff("karin.berg"), days: 2,
                                  basis: .emergency, reason: "Akut, patienten kan inte svara", as: f.nurse)
        let row = try #require(try f.log(p.id).first)
        #expect(row.emergency && row.detail.hasPrefix("open block unit SE2321000164-kard for karin.berg, 2 days"))
        #expect(try f.store.openRecord(p.id, as: f.nurse).encounters.count == 1)
        let olof = AccessContext(staffId: "olof.hagg", unitId: StoreFixture.vc, sessionId: "o")
        #expect(try f.store.openRecord(p.id, as: olof).encounters.isEmpty)
        try f.store.liftBlock(p.id, scope: .unit(StoreFixture.cardiology), as: f.nurse)
        #expect(try f.store.openRecord(p.id, as: olof).encounters.count == 1)
    }

    @Test func anOuterBlockHidesTheProvidersEntriesFromOtherProvidersEvenWithConsent() throws {
        let (f, p) = try clinic()
        defer { f.remove() }
        let homeNurse = AccessContext(staffId: "lena.ek", unitId: StoreFixture.homeCare, sessionId: "h")
        _ = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: p.id, responsibleUnitId: StoreFixture.vc,
                                                 participants: [PlanParticipant(unitId: StoreFixture.homeCare, role: "")],
                                                 goal: "Hemma", agreedOn: f.today, followUpOn: nil, consentOn: f.today),
                                 as: f.nurse)
        _ = try f.store.addConsent(p.id, source: nil, until: nil, as: homeNurse)
        #expect(try f.store.openRecord(p.id, as: homeNurse).encounters.count == 1)
        _ = try f.store.addBlock(p.id, scope: .provider("SE2321000164"), reason: "Patientens begäran", as: f.nurse)
        #expect(try f.store.openRecord(p.id, as: homeNurse).encounters.isEmpty)
        // The region's own units are inside the block.
        #expect(try f.store.openRecord(p.id, as: f.nurse).encounters.count == 1)
        // A provider registers blocks on its own information only.
        #expect(throws: StoreError.refused(.blockAtDocumentingProvider)) {
            try f.store.addBlock(p.id, scope: .provider("SE2321000164"), reason: "x", as: homeNurse)
        }
    }

    @Test func anUpgradeEndsBlocksOfTheEarlierKindAndSaysHowMany() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        #expect(try f.store.meta(.legacyBlocksEnded)?.hasPrefix("0 ") == true)
    }
}

/// A store from before the national block model: its blocks barred a reading unit.
@Suite struct LegacyBlockUpgradeTests {
    @Test func theUpgradeEndsTheOldBlocksAndCountsThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-legacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: SchemaNameSearchPrefixes.identifier)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO store_meta(key, value) VALUES ('kind', 'production');
                INSERT INTO care_unit(id, name, principal, kind) VALUES ('SE2321000164-vc01', 'Vårdcentralen', 'region', 'primary_care');
                INSERT INTO care_unit(id, name, principal, kind) VALUES ('SE5568123456-vc03', 'Familjeläkarna', 'private', 'primary_care');
                INSERT INTO patient(id, ident, ident_short, ident_kind, given_name, family_name, search_name, sex)
                    VALUES (1, '194503034565', '4503034565', 'personnummer', 'Åsa', 'Öberg', 'åsa öberg', 'female');
                INSERT INTO problem(patient_id, code, text, chronic) VALUES (1, 'I10', 'Hypertoni', 1);
                INSERT INTO listing(patient_id, unit_id, from_date) VALUES (1, 'SE2321000164-vc01', '2020-01-01');
                INSERT INTO unit_block(patient_id, unit_id, from_date, reason, created_by, created_at)
                    VALUES (1, 'SE2321000164-vc01', '2026-01-01', 'Patientens begäran', 'x', 0);
                """)
        }
        try queue.close()
        let store = try SQLiteStore.open(at: path)
        #expect(try store.meta(.legacyBlocksEnded)?.hasPrefix("1 ") == true)
        try store.read { db in
            let open = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit_block WHERE to_date IS NULL")
            #expect(open == 0)
            // Units got their providers, and old diagnoses the listing unit.
            let providers = try String.fetchAll(db, sql: "SELECT id FROM care_provider ORDER BY id")
            #expect(providers == ["SE2321000164", "SE5568123456"])
            let name = try String.fetchOne(db, sql: "SELECT name FROM care_provider WHERE id = 'SE5568123456'")
            #expect(name == "Familjeläkarna")
            let unit = try String.fetchOne(db, sql: "SELECT unit_id FROM problem")
            #expect(unit == "SE2321000164-vc01")
        }
    }
}
