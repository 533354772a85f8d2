@testable import NaraApp
import NaraDomain
import Testing
import TerminalUI

/// Every action of the work-list reducer, at both levels and at the edges.
@Suite struct WorkListsReducerTests {
    static let day = LocalDate(year: 2026, month: 11, day: 23)!

    static func row(_ n: Int64, kind: WorkListKind = .overdueReferrals) -> WorkListRow {
        let id = PatientID(rawValue: n)
        let identifier = try! PersonIdentifier.parse("19121212-1212", today: day)
        let patient = PatientSummary(id: id, identifier: identifier, name: "Patient \(n)", sex: .unknown,
                                     birthDate: LocalDate(year: 1950, month: 1, day: 1), protectedIdentity: false,
                                     listingUnitId: nil, listingUnitName: nil, namedContactName: nil)
        let entry = WorkListEntry(patientId: id, kind: kind, reason: .referralOverdue(referralId: n, days: 3),
                                  sortKey: 0)
        return WorkListRow(entry: entry, patient: patient)
    }

    /// A state with `count` patients of the overdue list open, the first selected.
    static func openList(_ count: Int) -> WorkListsState {
        var s = WorkListsState()
        s.lists.select(WorkListKind.allCases.firstIndex(of: .overdueReferrals), count: 7)
        _ = WorkListsReducer.reduce(&s, .open)
        _ = WorkListsReducer.reduce(&s, .loaded(.overdueReferrals, (0..<count).map { row(Int64($0 + 1)) }))
        return s
    }

    @Test func startsOnTheFirstListWithNothingCounted() {
        let s = WorkListsState()
        #expect(s.selectedKind == .elderlyMultimorbidWithoutContact)
        #expect(s.counts == nil && s.open == nil)
    }

    @Test func movesOnTheListOfListsStopAtTheEdges() {
        var s = WorkListsState()
        #expect(WorkListsReducer.reduce(&s, .move(.up)).isEmpty)
        #expect(s.lists.selected == 0)
        _ = WorkListsReducer.reduce(&s, .move(.down))
        #expect(s.selectedKind == .frequentLowContinuity)
        _ = WorkListsReducer.reduce(&s, .move(.last))
        #expect(s.selectedKind == .yearlyCheckDue)
        _ = WorkListsReducer.reduce(&s, .move(.down))
        #expect(s.lists.selected == 13)
        _ = WorkListsReducer.reduce(&s, .move(.first))
        #expect(s.lists.selected == 0)
        _ = WorkListsReducer.reduce(&s, .move(.pageDown), visibleRows: 15)
        #expect(s.lists.selected == 13)
        _ = WorkListsReducer.reduce(&s, .move(.pageUp), visibleRows: 15)
        #expect(s.lists.selected == 0)
        #expect(s.lists.offset == 0)
    }

    @Test func enterOnAListOpensItAndAsksForItsPatientsLogged() {
        var s = WorkListsState()
        _ = WorkListsReducer.reduce(&s, .move(.down))
        let effects = WorkListsReducer.reduce(&s, .open)
        #expect(effects == [.load(.frequentLowContinuity, logged: true)])
        #expect(s.open == .frequentLowContinuity)
        #expect(s.rows.isEmpty && s.patients.selected == nil)
    }

    @Test func loadedRowsSelectTheFirstAndUpdateTheCount() {
        var s = WorkListsState()
        _ = WorkListsReducer.reduce(&s, .counted([.elderlyMultimorbidWithoutContact: 9]))
        _ = WorkListsReducer.reduce(&s, .open)
        _ = WorkListsReducer.reduce(&s, .loaded(.elderlyMultimorbidWithoutContact, [Self.row(1), Self.row(2)]))
        #expect(s.rows.count == 2 && s.patients.selected == 0)
        #expect(s.counts?[.elderlyMultimorbidWithoutContact] == 2)
    }

    @Test func rowsOfAnotherListAreIgnored() {
        var s = Self.openList(2)
        _ = WorkListsReducer.reduce(&s, .loaded(.planFollowUpDue, [Self.row(9)]))
        #expect(s.rows.map(\.patient.id.rawValue) == [1, 2])
        var closed = WorkListsState()
        _ = WorkListsReducer.reduce(&closed, .loaded(.planFollowUpDue, [Self.row(9)]))
        #expect(closed.rows.isEmpty)
    }

    @Test func movesInAnOpenListStopAtTheEdgesAndPage() {
        var s = Self.openList(40)
        _ = WorkListsReducer.reduce(&s, .move(.up), visibleRows: 10)
        #expect(s.patients.selected == 0)
        _ = WorkListsReducer.reduce(&s, .move(.down), visibleRows: 10)
        #expect(s.patients.selected == 1)
        _ = WorkListsReducer.reduce(&s, .move(.pageDown), visibleRows: 10)
        #expect(s.patients.selected == 11)
        #expect(s.patients.offset >= 2 && s.patients.offset <= 11)
        _ = WorkListsReducer.reduce(&s, .move(.last), visibleRows: 10)
        #expect(s.patients.selected == 39 && s.patients.offset == 30)
        _ = WorkListsReducer.reduce(&s, .move(.down), visibleRows: 10)
        #expect(s.patients.selected == 39)
        _ = WorkListsReducer.reduce(&s, .move(.pageUp), visibleRows: 10)
        #expect(s.patients.selected == 29)
        _ = WorkListsReducer.reduce(&s, .move(.first), visibleRows: 10)
        #expect(s.patients.selected == 0 && s.patients.offset == 0)
        // The list of lists did not move meanwhile.
        #expect(s.selectedKind == .overdueReferrals)
    }

    @Test func anEmptyListHasNoSelectionAndEnterDoesNothing() {
        var s = Self.openList(0)
        #expect(s.rows.isEmpty && s.patients.selected == nil)
        for action in [WorkListsAction.move(.down), .move(.up), .move(.pageDown), .move(.pageUp), .move(.first), .move(.last)] {
            _ = WorkListsReducer.reduce(&s, action)
            #expect(s.patients.selected == nil)
        }
        #expect(WorkListsReducer.reduce(&s, .open).isEmpty)
        #expect(s.open == .overdueReferrals)
    }

    @Test func enterOnAPatientOpensTheRecord() {
        var s = Self.openList(3)
        _ = WorkListsReducer.reduce(&s, .move(.down))
        #expect(WorkListsReducer.reduce(&s, .open) == [.openPatient(PatientID(rawValue: 2))])
    }

    @Test func backClosesTheListAndKeepsTheListSelected() {
        var s = Self.openList(3)
        #expect(WorkListsReducer.reduce(&s, .back).isEmpty)
        #expect(s.open == nil && s.rows.isEmpty)
        #expect(s.selectedKind == .overdueReferrals)
        // Back on the list of lists changes nothing (the screen leaves Esc to the program).
        _ = WorkListsReducer.reduce(&s, .back)
        #expect(s.open == nil && s.selectedKind == .overdueReferrals)
    }

    @Test func refreshCountsAndReloadsAnOpenListUnlogged() {
        var s = WorkListsState()
        #expect(WorkListsReducer.reduce(&s, .refresh) == [.count])
        var open = Self.openList(2)
        #expect(WorkListsReducer.reduce(&open, .refresh) == [.count, .load(.overdueReferrals, logged: false)])
    }

    @Test func countedReplacesTheCounts() {
        var s = WorkListsState()
        _ = WorkListsReducer.reduce(&s, .counted([.planFollowUpDue: 3]))
        #expect(s.counts == [.planFollowUpDue: 3])
        _ = WorkListsReducer.reduce(&s, .counted([:]))
        #expect(s.counts == [:])
    }

    @Test func aReloadKeepsTheSelectedPatient() {
        var s = Self.openList(5)
        _ = WorkListsReducer.reduce(&s, .move(.down))
        _ = WorkListsReducer.reduce(&s, .move(.down))
        #expect(s.selectedRow?.patient.id.rawValue == 3)
        // Patient 1 left the list and 9 came first: the selection follows patient 3.
        _ = WorkListsReducer.reduce(&s, .loaded(.overdueReferrals, [9, 2, 3, 4, 5].map { Self.row($0) }))
        #expect(s.selectedRow?.patient.id.rawValue == 3)
        // Patient 3 left too: the same place, clamped.
        _ = WorkListsReducer.reduce(&s, .loaded(.overdueReferrals, [9, 2].map { Self.row($0) }))
        #expect(s.patients.selected == 1)
    }

    @Test func keymapBindsTheDocumentedKeysAndNoDigitsOrQ() {
        let keys = WorkListsKeymap.make(Language.sv.strings)
        let expected: [(Key, WorkListsAction)] = [(.up, .move(.up)), (.char("k"), .move(.up)), (.down, .move(.down)),
            (.char("j"), .move(.down)), (.char("g"), .move(.first)), (.home, .move(.first)), (.char("G"), .move(.last)), (.end, .move(.last)),
            (.pageUp, .move(.pageUp)), (.pageDown, .move(.pageDown)), (.enter, .open), (.escape, .back), (.char("u"), .refresh)]
        for (key, action) in expected {
            #expect(keys.action(for: key).map { "\($0)" } == "\(action)")
        }
        for c in Array("0123456789q") { #expect(keys.action(for: .char(c)) == nil) }
    }
}
