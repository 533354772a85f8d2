import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Next of kin and interpreter need: written under the identity policy, logged naming the
/// patient, read back with the record, and refused whole when a field is wrong.
@Suite struct PatientDetailsStoreTests {
    @Test func theyAreWrittenThroughTheDoorAndReadWithTheRecord() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let kin = [NextOfKin(name: "Anna Öberg", relation: "dotter", phone: "070-111 22 33"),
                   NextOfKin(name: "Bo Öberg", relation: "make")]
        try f.store.setNextOfKin(p.id, kin, as: f.nurse)
        #expect(try f.log(p.id).first?.detail.hasPrefix("next of kin [") == true)
        try f.store.setInterpreter(p.id, InterpreterNeed(language: "ti"), as: f.nurse)
        #expect(try f.log(p.id).first?.detail.hasPrefix("interpreter [") == true)
        let record = try f.store.openRecord(p.id, as: f.nurse)
        #expect(record.patient.nextOfKin == kin)
        #expect(record.patient.interpreter?.language == "ti")
        // Stamped like an import, so that an older file does not overwrite them.
        #expect(try f.store.read { db in try String.fetchOne(db, sql: "SELECT updated_by FROM patient") } == "karin.berg")

        try f.store.setNextOfKin(p.id, [], as: f.nurse)
        try f.store.setInterpreter(p.id, nil, as: f.nurse)
        let cleared = try f.store.openRecord(p.id, as: f.nurse).patient
        #expect(cleared.nextOfKin.isEmpty && cleared.interpreter == nil)
        #expect(try f.store.read { db in try Row.fetchOne(db, sql: "SELECT next_of_kin, interpreter FROM patient") }
                == ["next_of_kin": nil, "interpreter": nil])
    }

    @Test func aUserWithoutACareRelationshipIsRefusedAndNothingIsWritten() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let before = try f.logCount()
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) {
            try f.store.setNextOfKin(p.id, [NextOfKin(name: "Anna", relation: "dotter")], as: f.cardiologist)
        }
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) {
            try f.store.setInterpreter(p.id, InterpreterNeed(language: "ar"), as: f.cardiologist)
        }
        #expect(try f.logCount() == before)
        #expect(try f.store.openRecord(p.id, as: f.nurse).patient.nextOfKin.isEmpty)
    }

    @Test func aWrongFieldRefusesTheWholeList() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        try f.store.setNextOfKin(p.id, [NextOfKin(name: "Anna", relation: "dotter")], as: f.nurse)
        #expect(throws: StoreError.refused(.required(.relation))) {
            try f.store.setNextOfKin(p.id, [NextOfKin(name: "Bo", relation: "make"), NextOfKin(name: "Cia", relation: " ")],
                                     as: f.nurse)
        }
        #expect(throws: StoreError.refused(.tooLong(.nextOfKinName, max: 200))) {
            try f.store.setNextOfKin(p.id, [NextOfKin(name: String(repeating: "x", count: 201), relation: "son")],
                                     as: f.nurse)
        }
        #expect(try f.store.openRecord(p.id, as: f.nurse).patient.nextOfKin == [NextOfKin(name: "Anna", relation: "dotter")])
    }
}

/// A death recorded in error is undone, and a known day set, with a reason in the log.
@Suite struct DeathCorrectionStoreTests {
    @Test func aDeathInErrorIsUndoneAndTheReasonLogged() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let day = f.today.adding(days: -2)
        try f.store.correctDeath(p.id, deceased: true, on: day, reason: "Dödsbevis inkommet", as: f.nurse)
        #expect(try f.store.openRecord(p.id, as: f.nurse).patient.deceasedOn == day)
        try f.store.correctDeath(p.id, deceased: false, on: nil, reason: "Fel patient, förväxling", as: f.nurse)
        let alive = try f.store.openRecord(p.id, as: f.nurse).patient
        #expect(!alive.deceased && alive.deceasedOn == nil)
        #expect(try f.log(p.id, limit: 3).contains { $0.detail.hasPrefix("death undone: Fel patient, förväxling [") })
    }

    @Test func aWrongDayOrAnEmptyReasonIsRefusedAndChangesNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        #expect(throws: StoreError.refused(.deathInFuture)) {
            try f.store.correctDeath(p.id, deceased: true, on: f.today.adding(days: 1), reason: "Dödsbevis", as: f.nurse)
        }
        #expect(throws: StoreError.refused(.deathBeforeBirth)) {
            try f.store.correctDeath(p.id, deceased: true, on: LocalDate(year: 1900, month: 1, day: 1), reason: "Dödsbevis",
                                     as: f.nurse)
        }
        #expect(throws: StoreError.refused(.reasonSaysNothing(minimumLetters: 3))) {
            try f.store.correctDeath(p.id, deceased: true, on: nil, reason: "..", as: f.nurse)
        }
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) {
            try f.store.correctDeath(p.id, deceased: true, on: nil, reason: "Dödsbevis", as: f.cardiologist)
        }
        #expect(try f.store.openRecord(p.id, as: f.nurse).patient.deceased == false)
    }
}
