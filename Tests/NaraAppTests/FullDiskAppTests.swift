import Foundation
import GRDB
import NaraApp
import NaraDomain
import Testing
@testable import NaraStore

/// The disk fills while a nurse works: the save is refused with a clear message, her
/// input stays in the form, and the program goes on showing and finding what is saved.
@Suite struct FullDiskAppTests {
    /// Fills the store up to SQLite's page limit, set just above its size.
    func fill(_ store: SQLiteStore, patient: PatientID) throws {
        let pages = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try store.write { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + 1)") }
        let context = AccessContext(staffId: "karin.berg", unitId: AppFixture.vc, sessionId: "filler")
        for i in 0..<10_000 {
            do {
                _ = try store.recordEncounter(NewEncounter(patientId: patient, at: Date(timeIntervalSince1970: 1_790_000_000),
                                                           mode: .phone, planned: false, staffId: "karin.berg",
                                                           unitId: AppFixture.vc, reason: "fyllnad \(i)"), as: context)
            } catch StoreError.diskFull {
                return
            }
        }
    }

    @Test(arguments: [Language.sv, .en])
    func aSaveOnAFullDiskIsRefusedClearlyAndTheSessionGoesOn(language: Language) throws {
        let f = try ContinuityFixture(language: language)
        defer { f.remove() }
        f.openContinuity()
        f.press(.right, .right)
        let patient = try #require(f.app.state.patient?.patient.id)
        let encountersBefore = try f.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM encounter") }
        try fill(f.store, patient: patient)
        let encountersFull = try f.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM encounter") }
        #expect(encountersFull ?? 0 > encountersBefore ?? 0)

        f.press(.char("n"), .backTab)
        f.type("Blodtryck")
        f.press(.up, .up, .up, .char("t"))
        f.press(.down, .char("n"), .down, .down, .enter)
        let text = f.text
        let message = language == .sv ? "Disken är full: inget sparades" : "The disk is full: nothing was saved"
        #expect(text.contains(message), "\(text)")
        #expect(f.continuity?.state.form?.fields["reason"] == "Blodtryck")
        #expect(try f.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM encounter") } == encountersFull)
        #expect(try f.store.integrityProblems().isEmpty)

        // The program goes on: the form closes, search finds the patients.
        f.press(.escape, .char(language == .sv ? "j" : "y"))
        #expect(f.continuity?.state.form == nil)
        f.press(.function(2))
        for _ in 0..<5 { f.press(.backspace) }
        f.base.type("åström")
        #expect(f.text.contains("Åström"))
    }
}
