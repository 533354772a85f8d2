import Foundation
import NaraApp
import NaraDomain
import NaraStore
import Testing
import TerminalUITesting

/// Opening a patient without a care relationship: two steps, a reason, a flagged log row.
@Suite struct EmergencyAccessTests {
    /// A patient listed at another vårdcentral.
    func stranger(_ f: AppFixture) throws {
        try f.store.addUnit(CareUnit(id: "SE2321000164-vc09", name: "Vårdcentralen Väster", principal: .region,
                                     kind: .primaryCare))
        let id = try PersonIdentifier.parse("19620808-1239", today: AppFixture.day)
        _ = try f.store.registerPatient(NewPatient(identifier: id, givenName: "Örjan", familyName: "Väst"),
                                        listedAt: "SE2321000164-vc09", on: AppFixture.day, as: f.app.state.session.context)
    }

    @Test func theRecordExistsThenAReasonOpensItAndTheLogFlagsIt() throws {
        let f = try AppFixture()
        defer { f.remove() }
        try stranger(f)
        f.type("väst")
        f.press(.enter)
        #expect(f.text.contains("Det finns en journal för Örjan Väst"))
        #expect(f.text.contains("ingen vårdrelation"))
        #expect(f.app.state.patient == nil)
        f.press(.char("j"))
        #expect(f.text.contains("Skäl till nödåtkomst"))
        f.press(.enter)
        #expect(f.text.contains("minst fem tecken"), "an empty reason is refused in the dialog")
        f.type("Ringer från akuten, medvetslös")
        f.press(.enter)
        #expect(f.app.state.top.id == .overview)
        #expect(f.app.state.patient?.patient.familyName == "Väst")
        #expect(f.text.contains("Öppnad med nödåtkomst"))
        let row = try #require(try f.store.logRows(patient: f.app.state.patient?.patient.id, limit: 1).first)
        #expect(row.emergency)
        #expect(row.reason == "Ringer från akuten, medvetslös")
    }

    @Test func noOrEscLeavesTheRecordClosedAndLogsNothing() throws {
        let f = try AppFixture()
        defer { f.remove() }
        try stranger(f)
        let before = try f.store.logRows(patient: nil, limit: 1000).count
        f.type("väst")
        f.press(.enter, .char("n"))
        #expect(f.app.state.patient == nil)
        #expect(!f.text.contains("Nödåtkomst"))
        f.press(.enter, .char("j"))
        f.type("Något")
        f.press(.escape)
        #expect(f.app.state.patient == nil)
        #expect(try f.store.logRows(patient: nil, limit: 1000).count == before)
    }
}

@Suite struct EmergencyAccessSnapshotTests {
    @Test(arguments: [Language.sv, .en])
    func theTwoSteps(language: Language) throws {
        let f = try AppFixture(language: language)
        defer { f.remove() }
        try EmergencyAccessTests().stranger(f)
        f.type("väst")
        f.press(.enter)
        assertSnapshot(f.view.render(f.app).buffer, named: "emergency-confirm-\(language.rawValue)")
        f.press(.char(language == .sv ? "j" : "y"))
        f.type(language == .sv ? "Akut" : "Urg")
        f.press(.enter)
        assertSnapshot(f.view.render(f.app).buffer, named: "emergency-reason-\(language.rawValue)")
    }
}

@Suite struct BlockedInformationAppTests {
    /// A block on what psychiatry documented: the vårdcentral sees that blocked
    /// information exists, and nothing of it.
    @Test func blockedEntriesAreLeftOutAndTheScreenSaysSo() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let psychiatry: UnitID = "SE2321000164-psy1"
        try f.store.addUnit(CareUnit(id: psychiatry, name: "Psykiatriska mottagningen", principal: .region, kind: .specialist))
        try f.store.addStaff(Staff(id: "per.lund", name: "Per Lund", profession: .physician, unitId: psychiatry,
                                   roles: [.physician]))
        let id = try #require(try f.store.searchPatients("öberg", limit: 1, as: testNurse).first?.id)
        var psychiatrist = AccessContext(staffId: "per.lund", unitId: psychiatry, sessionId: "p")
        psychiatrist.emergencyReason = "Akut suicidbedömning"
        _ = try f.store.recordEncounter(NewEncounter(patientId: id, at: AppFixture.day.noon(in: .stockholm)
                                                        .addingTimeInterval(-86_400), mode: .visit, planned: false,
                                                     staffId: "per.lund", unitId: psychiatry, reason: "Bedömning"),
                                        as: psychiatrist)
        _ = try f.store.addBlock(id, scope: .unit(psychiatry), reason: "Patientens begäran", as: testNurse)
        f.type("öberg")
        f.press(.enter)
        #expect(f.app.state.patient?.encounters.isEmpty == true)
        #expect(f.app.state.patient?.hidden.blocked == 1)
        #expect(f.text.contains("Patienten har spärrat uppgifter"))
    }
}
