import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// The store's side of an import: one transaction, matching instead of duplicating, and
/// errors that name the record.
@Suite struct ExchangeImportTests {
    static func origin(_ type: String, _ id: String, _ n: Int) -> ExchangeOrigin {
        ExchangeOrigin(position: n, resourceType: type, resourceId: id)
    }

    static func patient(_ fx: StoreFixture, _ pnr: String, id: String) throws -> Exchanged<ExchangedPatient> {
        let ident = try PersonIdentifier.parse(pnr, today: fx.today)
        let p = Patient(id: PatientID(0), identifier: ident, givenName: "Ada", familyName: "Ek", sex: ident.sex,
                        birthDate: ident.birthDate)
        return Exchanged(origin: origin("Patient", id, 1), resourceId: id,
                         value: ExchangedPatient(patient: p, listings: [Listing(patientId: PatientID(0), unitId: StoreFixture.vc,
                                                                                from: fx.today)]))
    }

    static func encounter(_ fx: StoreFixture, id: String, patient: PatientRef, staff: StaffID = "olof.hagg",
                          n: Int = 2) -> Exchanged<Encounter> {
        Exchanged(origin: origin("Encounter", id, n), resourceId: id, patient: patient,
                  value: Encounter(id: 0, patientId: PatientID(0), at: fx.at(2026, 10, 1), mode: .visit, planned: true,
                                   staffId: staff, unitId: StoreFixture.vc, reason: "Kontroll"))
    }

    static func count(_ fx: StoreFixture, _ table: String) throws -> Int {
        try fx.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    @Test func importsOnceAndMatchesTheSecondTime() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        var batch = ExchangeBatch()
        batch.patients = [try Self.patient(fx, TestPnr.a, id: "p1")]
        batch.encounters = [Self.encounter(fx, id: "e1", patient: .batch(0))]
        let first = try fx.store.importBatch(batch, source: "a.json", as: fx.nurse)
        #expect(first.created == ["Patient": 1, "Encounter": 1])
        #expect(first.patientsWritten == 1)
        let logRows = try fx.logCount()
        let second = try fx.store.importBatch(batch, source: "a.json", as: fx.nurse)
        #expect(second.created.isEmpty)
        #expect(second.unchanged == ["Patient": 1, "Encounter": 1])
        #expect(second.patientsWritten == 0)
        #expect(try Self.count(fx, "encounter") == 1)
        // Nothing written to a record, so only the import's own summary row is added.
        #expect(try fx.logCount() == logRows + 1)
    }

    @Test func anExistingPatientIsMatchedByIdentifier() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        let existing = try fx.patient(TestPnr.a, "Anna", "Ek")
        var batch = ExchangeBatch()
        batch.patients = [try Self.patient(fx, TestPnr.a, id: "other-system-id")]
        batch.encounters = [Self.encounter(fx, id: "e1", patient: .batch(0))]
        _ = try fx.store.importBatch(batch, source: "b.json", as: fx.nurse)
        #expect(try Self.count(fx, "patient") == 1)
        let record = try fx.store.openRecord(existing.id, as: fx.nurse)
        #expect(record.encounters.count == 1)
        #expect(record.patient.givenName == "Anna")
    }

    @Test func aLaterFileReachesPatientsByResourceId() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        var patients = ExchangeBatch()
        patients.patients = [try Self.patient(fx, TestPnr.b, id: "pat-b")]
        _ = try fx.store.importBatch(patients, source: "Patient.ndjson", as: fx.nurse)
        var encounters = ExchangeBatch()
        encounters.encounters = [Self.encounter(fx, id: "e1", patient: .resource("pat-b"))]
        _ = try fx.store.importBatch(encounters, source: "Encounter.ndjson", as: fx.nurse)
        #expect(try Self.count(fx, "encounter") == 1)

        encounters.encounters = [Self.encounter(fx, id: "e2", patient: .resource("pat-nobody"), n: 7)]
        #expect(throws: ImportError.self) { try fx.store.importBatch(encounters, source: "x", as: fx.nurse) }
        do { _ = try fx.store.importBatch(encounters, source: "x", as: fx.nurse) } catch {
            #expect("\(error)" == "entry 7 (Encounter/e2): subject: Patient/pat-nobody is neither in the file nor in the store")
        }
    }

    @Test func aResourceIdTwoPatientsCameWithIsRefusedNotGuessed() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        var first = ExchangeBatch()
        first.patients = [try Self.patient(fx, TestPnr.a, id: "1")]
        _ = try fx.store.importBatch(first, source: "system-a.json", as: fx.nurse)
        var second = ExchangeBatch()
        second.patients = [try Self.patient(fx, TestPnr.b, id: "1")]
        _ = try fx.store.importBatch(second, source: "system-b.json", as: fx.nurse)
        var encounters = ExchangeBatch()
        encounters.encounters = [Self.encounter(fx, id: "e1", patient: .resource("1"), n: 4)]
        do {
            _ = try fx.store.importBatch(encounters, source: "Encounter.ndjson", as: fx.nurse)
            Issue.record("attached an encounter to one of two patients by a shared id")
        } catch {
            #expect("\(error)".contains("Patient/1 names more than one patient"))
        }
        #expect(try Self.count(fx, "encounter") == 0)
    }

    @Test func oneBadRecordLeavesTheWholeBatchOut() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        let logRows = try fx.logCount()
        var batch = ExchangeBatch()
        batch.patients = [try Self.patient(fx, TestPnr.c, id: "p1")]
        batch.encounters = [Self.encounter(fx, id: "e1", patient: .batch(0)),
                            Self.encounter(fx, id: "e2", patient: .batch(0), staff: "nobody", n: 3)]
        do {
            _ = try fx.store.importBatch(batch, source: "bad.json", as: fx.nurse)
            Issue.record("accepted a batch naming unknown staff")
        } catch {
            #expect("\(error)" == "entry 3 (Encounter/e2): Practitioner nobody is neither in the file nor in the store")
        }
        #expect(try Self.count(fx, "patient") == 0)
        #expect(try Self.count(fx, "encounter") == 0)
        #expect(try fx.logCount() == logRows)
    }

    @Test func exportKeepsTheIdsARecordCameWith() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        var batch = ExchangeBatch()
        batch.patients = [try Self.patient(fx, TestPnr.a, id: "p-from-elsewhere")]
        var e = Self.encounter(fx, id: "enc-77", patient: .batch(0))
        e.identifier = ExchangeIdentifier(system: "urn:oid:1.2.3.4", value: "E77")
        batch.encounters = [e]
        _ = try fx.store.importBatch(batch, source: "a.json", as: fx.nurse)
        let own = try fx.patient(TestPnr.b, "Bo", "Ek")
        let out = try fx.store.exportBatch(as: fx.nurse, detail: "FHIR export")
        #expect(out.patients.map(\.resourceId).first == "p-from-elsewhere")
        #expect(out.patients.last?.resourceId.hasPrefix("pat-") == true)
        #expect(out.encounters.map(\.resourceId) == ["enc-77"])
        #expect(out.encounters.first?.identifier == e.identifier)
        #expect(out.units.count == 4 && out.staff.count == 5)
        let rows = try fx.log(own.id, limit: 5)
        #expect(rows.first?.action == .export)
    }
}
