import Foundation
import NaraDomain
import NaraStore
import Testing

/// Makulering: a record registered in error is kept, marked with who, when and why, and
/// counts for nothing afterwards.
@Suite struct AnnulmentStoreTests {
    @Test func anAnnulledEncounterStaysInTheHistoryAndCountsForNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let wrong = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 11, 20), mode: .phone,
                                                             planned: false, staffId: "karin.berg",
                                                             unitId: StoreFixture.vc, reason: "Fel patient"), as: f.nurse)
        #expect(try f.store.openRecord(p.id, as: f.nurse).encounters.count == 1)
        let annulled = try f.store.annulEncounter(wrong.id, reason: "Registrerad på fel patient", as: f.nurse)
        #expect(annulled.annulment?.by == "karin.berg")
        let record = try f.store.openRecord(p.id, as: f.nurse)
        #expect(record.encounters.isEmpty)
        #expect(record.annulled.encounters.map(\.id) == [wrong.id])
        #expect(record.annulled.encounters.first?.annulment?.reason == "Registrerad på fel patient")
        #expect(try f.log(p.id, limit: 2).last?.detail == "annul encounter \(wrong.id) [listing]")
        // The log extract words it for the patient, not as "accessed information".
        #expect(try f.log(p.id, limit: 2).last.map(LoggedActivity.init) == .annulled)
        // Once is enough, and a reason must say something.
        #expect(throws: StoreError.refused(.alreadyAnnulled)) {
            try f.store.annulEncounter(wrong.id, reason: "Registrerad på fel patient", as: f.nurse)
        }
        let other = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 11, 21), mode: .visit,
                                                             planned: true, staffId: "karin.berg",
                                                             unitId: StoreFixture.vc, reason: "Kontroll"), as: f.nurse)
        #expect(throws: StoreError.refused(.reasonSaysNothing(minimumLetters: Reason.minimumLetters))) {
            try f.store.annulEncounter(other.id, reason: "x", as: f.nurse)
        }
    }

    @Test func onlyTheRegisteringUnitAnnuls() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let e = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 11, 20), mode: .phone,
                                                         planned: false, staffId: "karin.berg",
                                                         unitId: StoreFixture.vc, reason: "Telefon"), as: f.nurse)
        var cardiology = f.cardiologist
        cardiology.emergencyReason = "Patienten inlagd akut, behöver läkemedelslistan"
        #expect(throws: StoreError.refused(.annulOwnUnitsOnly)) {
            try f.store.annulEncounter(e.id, reason: "Fel patient vald", as: cardiology)
        }
        #expect(try f.store.openRecord(p.id, as: f.nurse).encounters.count == 1)
    }

    @Test func anAnnulledNamedContactIsNeverInForceAndKeepsItsVersionRule() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let contact = try f.store.assignContact(NewCareContact(patientId: p.id, role: .careContact, staffId: "karin.berg",
                                                               unitId: StoreFixture.vc, reason: "Diabetes",
                                                               from: LocalDate(year: 2026, month: 11, day: 1)!), as: f.nurse)
        #expect(try f.store.openRecord(p.id, as: f.nurse).activeContacts(on: f.today).count == 1)
        let annulled = try f.store.annulContact(contact.id, expectedVersion: contact.version,
                                                reason: "Utsedd på fel patient", as: f.nurse)
        #expect(annulled.version == contact.version + 1 && annulled.annulment != nil)
        let record = try f.store.openRecord(p.id, as: f.nurse)
        #expect(record.contacts.isEmpty && record.activeContacts(on: f.today).isEmpty)
        #expect(record.annulled.contacts.map(\.id) == [contact.id])
        // A second try on the version read before is a conflict, not a second annulment.
        #expect(throws: StoreError.self) {
            try f.store.annulContact(contact.id, expectedVersion: contact.version, reason: "Utsedd på fel patient",
                                     as: f.nurse)
        }
        // The patient can get a named contact again at once.
        _ = try f.store.assignContact(NewCareContact(patientId: p.id, role: .careContact, staffId: "karin.berg",
                                                     unitId: StoreFixture.vc, reason: "Diabetes", from: f.today),
                                      as: f.nurse)
        #expect(try f.store.openRecord(p.id, as: f.nurse).activeContacts(on: f.today).count == 1)
    }
}
