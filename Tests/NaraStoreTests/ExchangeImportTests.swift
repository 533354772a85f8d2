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
        // The file's name is the newer one; the address it leaves out is kept.
        #expect(record.patient.givenName == "Ada")
        #expect(record.patient.address?.street == "Storgatan 1")
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

/// A patient already in the store updated by a later file: as an edit on screen, with
/// the conflict rule, the policy and the log.
@Suite struct ExchangeUpdateTests {
    static func changed(_ fx: StoreFixture, given: String = "Ada", phone: String? = "019-22 33 44",
                        deceasedOn: LocalDate? = nil, deceased: Bool = false,
                        lastUpdated: Date? = nil) throws -> ExchangeBatch {
        var item = try ExchangeImportTests.patient(fx, TestPnr.a, id: "p1")
        item.value.patient.givenName = given
        item.value.patient.phone = phone
        item.value.patient.address = Address(street: "Nygatan 5", postalCode: "702 11", city: "Örebro")
        item.value.patient.deceased = deceased || deceasedOn != nil
        item.value.patient.deceasedOn = deceasedOn
        item.value.lastUpdated = lastUpdated
        var batch = ExchangeBatch()
        batch.patients = [item]
        return batch
    }

    @Test func aChangedPatientIsUpdatedAndLoggedWithTheFields() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        let existing = try fx.patient(TestPnr.a, "Anna", "Ek")
        let summary = try fx.store.importBatch(try Self.changed(fx), source: "a.json", as: fx.nurse)
        #expect(summary.updated == ["Patient": 1])
        #expect(summary.conflicts.isEmpty)
        #expect(summary.changes.first?.fields.map(\.name) == ["name", "address", "phone"])
        #expect(summary.changes.first?.fields.first == PatientChange.Field(name: "name", old: "Anna Ek", new: "Ada Ek"))
        let record = try fx.store.openRecord(existing.id, as: fx.nurse)
        #expect(record.patient.givenName == "Ada")
        #expect(record.patient.phone == "019-22 33 44")
        #expect(record.patient.address?.street == "Nygatan 5")
        // The write row names the patient, the fields and the basis, like an edit on screen.
        let rows = try fx.log(existing.id, limit: 2)
        #expect(rows.contains { $0.action == .write && $0.detail == "import a.json: changed name, address, phone [listing]" })
        // The name search follows the new name.
        #expect(try fx.store.searchPatients("ada ek", limit: 5, as: fx.nurse).map(\.id) == [existing.id])
        // The same file again changes nothing.
        let again = try fx.store.importBatch(try Self.changed(fx), source: "a.json", as: fx.nurse)
        #expect(again.updated.isEmpty)
        #expect(again.unchanged == ["Patient": 1])
    }

    @Test func aFileOlderThanTheStoresChangeIsAConflictAndNotWritten() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        let existing = try fx.patient(TestPnr.a, "Anna", "Ek")
        let march = fx.at(2026, 3, 1), february = fx.at(2026, 2, 1), april = fx.at(2026, 4, 1)
        _ = try fx.store.importBatch(try Self.changed(fx, given: "Ada", lastUpdated: march), source: "a.json", as: fx.nurse)
        let old = try fx.store.importBatch(try Self.changed(fx, given: "Alma", lastUpdated: february),
                                           source: "b.json", as: fx.nurse)
        #expect(old.updated.isEmpty)
        #expect(old.conflicts.count == 1)
        #expect(old.conflicts.first?.contains("Patient/p1 (\(existing.identifier.display)): conflict") == true)
        #expect(try fx.store.openRecord(existing.id, as: fx.nurse).patient.givenName == "Ada")
        // A newer file, and a file without meta.lastUpdated, apply.
        let newer = try fx.store.importBatch(try Self.changed(fx, given: "Agnes", lastUpdated: april),
                                             source: "c.json", as: fx.nurse)
        #expect(newer.updated == ["Patient": 1])
        #expect(try fx.store.openRecord(existing.id, as: fx.nurse).patient.givenName == "Agnes")
    }

    @Test func theImportingUserNeedsTheRightToEditThePatient() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        let existing = try fx.patient(TestPnr.a, "Anna", "Ek")
        // The cardiologist has no care relationship, and an import is no emergency.
        let refused = try fx.store.importBatch(try Self.changed(fx), source: "a.json", as: fx.cardiologist)
        #expect(refused.updated.isEmpty)
        #expect(refused.conflicts.first?.hasSuffix("not changed: erik.sjoberg has no care relationship with the patient, "
                                                   + "and an import is no emergency") == true)
        #expect(try fx.store.openRecord(existing.id, as: fx.nurse).patient.givenName == "Anna")
    }

    @Test func aDeathIsRecordedWithOrWithoutItsDay() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        let existing = try fx.patient(TestPnr.a, "Anna", "Ek")
        let day = LocalDate(year: 2026, month: 3, day: 1)!
        _ = try fx.store.importBatch(try Self.changed(fx, given: "Anna", deceased: true), source: "a.json", as: fx.nurse)
        var p = try fx.store.openRecord(existing.id, as: fx.nurse).patient
        #expect(p.deceased && p.deceasedOn == nil)
        _ = try fx.store.importBatch(try Self.changed(fx, given: "Anna", deceasedOn: day), source: "b.json", as: fx.nurse)
        p = try fx.store.openRecord(existing.id, as: fx.nurse).patient
        #expect(p.deceased && p.deceasedOn == day)
        #expect(try fx.store.searchPatients("anna ek", limit: 5, as: fx.nurse).first?.deceasedOn == day)
        // Exported as FHIR says it: the day, and when the record changed.
        let out = try fx.store.exportBatch(patient: existing.id, as: fx.nurse, detail: "export")
        #expect(out.patients.first?.value.patient.deceasedOn == day)
        #expect(out.patients.first?.value.lastUpdated != nil)
    }

    @Test func nextOfKinAndInterpreterAreUpdatedAndKeptWhenLeftOut() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        let existing = try fx.patient(TestPnr.a, "Ada", "Ek")
        try fx.store.setNextOfKin(existing.id, [NextOfKin(name: "Bo Ek", relation: "make")], as: fx.nurse)
        var batch = try Self.changed(fx)
        batch.patients[0].value.patient.nextOfKin = [NextOfKin(name: "Eva Ek", relation: "dotter", phone: "070-1")]
        batch.patients[0].value.patient.interpreter = InterpreterNeed(language: "fi")
        let summary = try fx.store.importBatch(batch, source: "a.json", as: fx.nurse)
        #expect(summary.changes.first?.fields.map(\.name) == ["address", "phone", "next of kin", "interpreter"])
        #expect(summary.changes.first?.fields[2] == PatientChange.Field(name: "next of kin", old: "Bo Ek, make",
                                                                         new: "Eva Ek, dotter, 070-1"))
        var p = try fx.store.openRecord(existing.id, as: fx.nurse).patient
        #expect(p.nextOfKin == [NextOfKin(name: "Eva Ek", relation: "dotter", phone: "070-1")])
        #expect(p.interpreter?.language == "fi")
        // A file without them leaves them as they are: many systems send neither.
        let plain = try fx.store.importBatch(try Self.changed(fx), source: "b.json", as: fx.nurse)
        #expect(plain.unchanged == ["Patient": 1])
        p = try fx.store.openRecord(existing.id, as: fx.nurse).patient
        #expect(p.nextOfKin.count == 1 && p.interpreter?.language == "fi")
    }

    @Test func aDryRunChangesNothingAndSaysWhatWould() throws {
        let fx = try StoreFixture()
        defer { fx.remove() }
        let existing = try fx.patient(TestPnr.a, "Anna", "Ek")
        let summary = try fx.store.importBatch(try Self.changed(fx), source: "a.json", as: fx.nurse, dryRun: true)
        #expect(summary.updated == ["Patient": 1])
        #expect(summary.changes.first?.fields.map(\.name) == ["name", "address", "phone"])
        #expect(try fx.store.openRecord(existing.id, as: fx.nurse).patient.givenName == "Anna")
        // The stored values it showed are a read, logged as one; nothing is logged as written.
        let rows = try fx.log(existing.id, limit: 3)
        #expect(rows.contains { $0.action == .read && $0.detail.hasPrefix("import dry run a.json") })
        #expect(!rows.contains { $0.action == .write && $0.detail.hasPrefix("import") })
    }
}
