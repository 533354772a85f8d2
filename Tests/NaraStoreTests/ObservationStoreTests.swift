import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Measurements in the store: written and read through the door, hidden by blocks like
/// an encounter, exported and imported; and a deceased patient on no outreach list.
@Suite struct ObservationStoreTests {
    static func measure(_ f: StoreFixture, _ p: Patient, _ kind: ObservationKind, _ value: Double?, day: Int,
                        unit: UnitID = StoreFixture.vc, as context: AccessContext? = nil,
                        diastolic: Double? = nil, smoking: SmokingStatus? = nil) throws -> Observation {
        try f.store.recordObservation(Observation(id: 0, patientId: p.id, kind: kind, value: value, value2: diastolic,
                                                  smoking: smoking, at: f.at(2026, 11, day), unitId: unit),
                                      as: context ?? f.nurse)
    }

    @Test func theRecordHoldsEveryMeasurementOldestFirstAndTheWriteIsLogged() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try Self.measure(f, p, .hba1c, 58, day: 10)
        _ = try Self.measure(f, p, .bloodPressure, 142, day: 12, diastolic: 88)
        _ = try Self.measure(f, p, .hba1c, 52, day: 20)
        _ = try Self.measure(f, p, .smoking, nil, day: 20, smoking: .never)
        #expect(try f.log(p.id).first?.detail == "observation smoking [listing]")
        let record = try f.store.openRecord(p.id, as: f.nurse)
        #expect(record.observations.map(\.kind) == [.hba1c, .bloodPressure, .hba1c, .smoking])
        #expect(record.observations.latestByKind().map(\.valueText) == ["52", "142/88", "never"])
        #expect(record.observations.first?.staffId == "karin.berg")
        #expect(throws: StoreError.invalid("blood_pressure needs its value")) {
            try Self.measure(f, p, .bloodPressure, 140, day: 21)
        }
    }

    @Test func aBlockHidesTheUnitsMeasurementsAsItHidesItsEncounters() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try Self.measure(f, p, .egfr, 41, day: 10, unit: StoreFixture.cardiology, as: try f.acting("erik.sjoberg"))
        _ = try Self.measure(f, p, .egfr, 44, day: 11)
        #expect(try f.store.openRecord(p.id, as: f.nurse).observations.count == 2)
        _ = try f.store.addBlock(p.id, scope: .unit(StoreFixture.cardiology), reason: "Patientens begäran", as: f.nurse)
        let seen = try f.store.openRecord(p.id, as: f.nurse)
        #expect(seen.observations.map(\.value) == [44])
        #expect(seen.hidden.blocked == 1)
        let exported = try f.store.exportBatch(patient: p.id, as: f.nurse, detail: "export")
        #expect(exported.observations.map(\.value.value) == [44])
    }

    @Test func anExportImportedIntoAnEmptyStoreHasTheSameMeasurements() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try Self.measure(f, p, .bloodPressure, 150, day: 10, diastolic: 90)
        _ = try Self.measure(f, p, .bodyWeight, 81.4, day: 10)
        let batch = try f.store.exportBatch(as: f.nurse, detail: "export")
        let g = try StoreFixture()
        defer { g.remove() }
        let summary = try g.store.importBatch(batch, source: "a.json", as: g.nurse)
        #expect(summary.created["Observation"] == 2)
        let id = try #require(try g.store.patientID(for: p.identifier))
        #expect(try g.store.openRecord(id, as: g.nurse).observations.map(\.valueText) == ["150/90", "81,4"])
        #expect(try g.store.importBatch(batch, source: "a.json", as: g.nurse).unchanged["Observation"] == 2)
    }

    @Test func aDeceasedPatientLeavesTheOutreachListsAndNotTheReferralLists() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.b, "Märta", "Ek")
        for (code, text) in [("I10", "Hypertoni"), ("E11", "Diabetes"), ("I50", "Hjärtsvikt")] {
            _ = try f.store.addProblem(p.id, code: code, text: text, chronic: true, since: nil, as: f.nurse)
        }
        var r = try f.store.createReferral(NewReferral(patientId: p.id, fromUnitId: StoreFixture.vc,
                                                      toUnitId: StoreFixture.cardiology, priority: .routine,
                                                      question: "Bedömning"), at: f.at(2026, 6, 1), as: f.nurse)
        r = try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: f.at(2026, 6, 1), comment: "", as: f.nurse)
        let lists = { try WorkListKind.allCases.filter { kind in
            try !f.store.workList(kind, unit: StoreFixture.vc, settings: .default, today: f.today, limit: 10, as: f.nurse)
                .isEmpty
        } }
        #expect(try lists().contains(.elderlyMultimorbidWithoutContact))
        #expect(try lists().contains(.chronicWithoutEncounter))
        var item = try ExchangeImportTests.patient(f, TestPnr.b, id: "p1")
        item.value.patient.givenName = "Märta"
        item.value.patient.deceasedOn = LocalDate(year: 2026, month: 11, day: 1)
        item.value.patient.deceased = true
        var batch = ExchangeBatch()
        batch.patients = [item]
        _ = try f.store.importBatch(batch, source: "death.json", as: f.nurse)
        #expect(try lists() == [.overdueReferrals, .unacknowledgedReferrals])
        let row = try #require(try f.store.workList(.overdueReferrals, unit: StoreFixture.vc, settings: .default,
                                                    today: f.today, limit: 10, as: f.nurse).first)
        #expect(row.patient.deceasedOn == LocalDate(year: 2026, month: 11, day: 1))
        let counts = try f.store.workListCounts(unit: StoreFixture.vc, settings: .default, today: f.today, as: f.nurse)
        #expect(counts[.elderlyMultimorbidWithoutContact] == 0)
    }

    /// A store from before measurements: its import links are kept through the upgrade,
    /// so a file imported then is still matched, and a measurement can be linked now.
    @Test func theUpgradeKeepsTheImportLinks() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        var batch = ExchangeBatch()
        batch.patients = [try ExchangeImportTests.patient(f, TestPnr.a, id: "p1")]
        batch.encounters = [ExchangeImportTests.encounter(f, id: "e1", patient: .batch(0))]
        _ = try f.store.importBatch(batch, source: "a.json", as: f.nurse)
        try f.store.write { db in
            let now = try #require(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'exchange_link'"))
            try db.execute(sql: """
                DROP TABLE observation;
                CREATE TABLE old_link AS SELECT * FROM exchange_link ORDER BY rowid;
                DROP TABLE exchange_link;
                """)
            // Before measurements there were no imported admission notices either.
            try db.execute(sql: now.replacingOccurrences(of: ", 'observation', 'discharge_notice')", with: ")"))
            try db.execute(sql: """
                INSERT INTO exchange_link SELECT * FROM old_link;
                DROP TABLE old_link;
                DELETE FROM grdb_migrations WHERE identifier IN ('\(SchemaObservations.identifier)',
                                                                 '\(SchemaNoticeLinks.identifier)');
                """)
        }
        let upgraded = try SQLiteStore.open(at: f.path, clock: FixedClock(day: f.today))
        #expect(try upgraded.importBatch(batch, source: "a.json", as: f.nurse).unchanged == ["Patient": 1, "Encounter": 1])
        batch.observations = [Exchanged(origin: ExchangeImportTests.origin("Observation", "o1", 3), resourceId: "o1",
                                        patient: .batch(0),
                                        value: Observation(id: 0, patientId: PatientID(0), kind: .hba1c, value: 48,
                                                           at: f.at(2026, 11, 2), unitId: StoreFixture.vc))]
        #expect(try upgraded.importBatch(batch, source: "b.json", as: f.nurse).created == ["Observation": 1])
        #expect(try upgraded.importBatch(batch, source: "b.json", as: f.nurse).unchanged["Observation"] == 1)
    }
}
