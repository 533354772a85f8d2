@testable import NaraApp
import Foundation
import NaraDomain
import Testing
import TerminalUI

/// Taking and handling rows of an open work list: the reducer asks the store, keeps the
/// note until the store takes it, and moves a handled row below the ones left to do.
@Suite struct WorkListClaimReducerTests {
    typealias R = WorkListsReducerTests
    static let at = Date(timeIntervalSince1970: 1_764_930_000)

    static func claim(_ patient: Int64, handled: Bool) -> WorkListClaim {
        WorkListClaim(kind: .overdueReferrals, patientId: PatientID(rawValue: patient), unitId: "vc",
                      claimedBy: "karin.berg", claimedByName: "Karin Berg", claimedAt: at,
                      handledBy: handled ? "karin.berg" : nil, handledByName: handled ? "Karin Berg" : nil,
                      handledAt: handled ? at : nil, note: handled ? "Ringt" : nil)
    }

    @Test func tAsksToTakeTheSelectedPatientOnlyOnAnOpenList() {
        var lists = WorkListsState()
        #expect(WorkListsReducer.reduce(&lists, .take).isEmpty)
        var s = R.openList(3)
        _ = WorkListsReducer.reduce(&s, .move(.down))
        #expect(WorkListsReducer.reduce(&s, .take) == [.take(.overdueReferrals, PatientID(rawValue: 2))])
        _ = WorkListsReducer.reduce(&s, .claimed(PatientID(rawValue: 2), Self.claim(2, handled: false)))
        #expect(s.rows[1].claim?.claimedByName == "Karin Berg")
        #expect(s.patients.selected == 1)
    }

    @Test func theNoteIsTypedThenSavedAndAHandledRowGoesLast() {
        var s = R.openList(3)
        _ = WorkListsReducer.reduce(&s, .beginHandled)
        #expect(s.noteFor == PatientID(rawValue: 1))
        for c in "Ringt" { _ = WorkListsReducer.reduce(&s, .note(.key(.char(c)))) }
        #expect(WorkListsReducer.reduce(&s, .note(.key(.enter))) == [.handled(.overdueReferrals, PatientID(rawValue: 1),
                                                                             note: "Ringt")])
        // Refused: the note stays for another try.
        _ = WorkListsReducer.reduce(&s, .noteRefused)
        #expect(s.note?.text == "Ringt")
        _ = WorkListsReducer.reduce(&s, .claimed(PatientID(rawValue: 1), Self.claim(1, handled: true)))
        #expect(s.note == nil && s.noteFor == nil)
        #expect(s.rows.map(\.patient.id.rawValue) == [2, 3, 1])
        // The cursor stays on the next row to do.
        #expect(s.selectedRow?.patient.id.rawValue == 2)
    }

    @Test func escGivesUpTheNote() {
        var s = R.openList(2)
        _ = WorkListsReducer.reduce(&s, .beginHandled)
        _ = WorkListsReducer.reduce(&s, .note(.paste("Ringt\nigen")))
        #expect(s.note?.text == "Ringt igen")
        #expect(WorkListsReducer.reduce(&s, .note(.key(.escape))).isEmpty)
        #expect(s.note == nil)
    }

    @Test func theCountIsWhatIsLeftToDo() {
        var s = R.openList(3)
        s.counts = [.overdueReferrals: 3]
        _ = WorkListsReducer.reduce(&s, .claimed(PatientID(rawValue: 3), Self.claim(3, handled: true)))
        #expect(s.counts?[.overdueReferrals] == 2)
        _ = WorkListsReducer.reduce(&s, .claimed(PatientID(rawValue: 2), Self.claim(2, handled: false)))
        #expect(s.counts?[.overdueReferrals] == 2)
    }

    @Test func cOpensThePatientsContactsAndTAndNMinDagsForms() {
        var s = R.openList(2)
        #expect(WorkListsReducer.reduce(&s, .contacts) == [.openContacts(PatientID(rawValue: 1))])
        _ = WorkListsReducer.reduce(&s, .move(.down))
        #expect(WorkListsReducer.reduce(&s, .newTask) == [.openDayForm("task", PatientID(rawValue: 2))])
        #expect(WorkListsReducer.reduce(&s, .newCareRequest) == [.openDayForm("request", PatientID(rawValue: 2))])
        var lists = WorkListsState()
        #expect(WorkListsReducer.reduce(&lists, .newTask).isEmpty)
    }
}
