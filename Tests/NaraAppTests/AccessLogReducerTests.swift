@testable import NaraApp
import NaraDomain
import Testing
import TerminalUI

@Suite struct AccessLogReducerTests {
    let words = AccessLogStrings.sv
    static let day = LocalDate(year: 2026, month: 11, day: 23)!

    static func entry(_ id: Int64, staff: StaffID = "karin.berg", emergency: Bool = false) -> AccessLogEntry {
        AccessLogEntry(id: id, atMilliseconds: 1_800_000_000_000 + id * 60_000, staffId: staff, unitId: "vc",
                       patientId: PatientID(rawValue: 1), action: .read, detail: "record", clientAddress: nil,
                       sessionId: "s", emergency: emergency, reason: emergency ? "medvetslös" : nil)
    }

    static func item(_ id: Int64, staff: StaffID = "karin.berg", reviewed: Bool = false) -> AccessReviewItem {
        AccessReviewItem(entry: entry(id, staff: staff), staffName: "Karin Berg", unitName: "VC",
                         patientIdentifier: "19450303-4565",
                         review: reviewed ? AccessReview(logId: id, reviewedAtMilliseconds: 0, reviewer: "admin",
                                                         comment: "ok", verdict: .ok) : nil)
    }

    func reviewing(_ items: [AccessReviewItem] = (1...5).map { item($0) }) -> AccessLogState {
        var state = AccessLogState(user: "admin", isAdministrator: true)
        state.tab = .review
        _ = AccessLogReducer.reduce(&state, .reviewLoaded(from: Self.day.adding(days: -6), to: Self.day, items),
                                    words: words)
        return state
    }

    func send(_ state: inout AccessLogState, _ keys: Key...) -> [AccessLogEffect] {
        keys.flatMap { AccessLogReducer.reduce(&state, .form(.key($0)), words: words) }
    }

    @Test func movesFollowTheShownTab() {
        var state = AccessLogState()
        let rows = (1...30).map { AccessLogExtractRow(entry: Self.entry($0), time: "t", staffName: "s", unitName: "u") }
        _ = AccessLogReducer.reduce(&state, .extractLoaded(PatientID(rawValue: 1), rows), words: words, visibleRows: 10)
        #expect(state.extractList.selected == 0)
        for (action, expected) in [(AccessLogAction.move(.down), 1), (.move(.pageDown), 11), (.move(.up), 10), (.move(.last), 29),
                                   (.move(.pageUp), 19), (.move(.first), 0)] {
            _ = AccessLogReducer.reduce(&state, action, words: words, visibleRows: 10)
            #expect(state.extractList.selected == expected)
        }
        #expect(state.reviewList.selected == nil)
    }

    @Test func tabsSwitchAndTheReviewIsReadOnceAndOnlyForAdministrators() {
        var nurse = AccessLogState(user: "karin.berg")
        #expect(AccessLogReducer.reduce(&nurse, .nextTab, words: words).isEmpty)
        #expect(nurse.tab == .review)
        #expect(AccessLogReducer.reduce(&nurse, .reload, words: words).isEmpty)
        _ = AccessLogReducer.reduce(&nurse, .previousTab, words: words)
        #expect(nurse.tab == .extract)
        #expect(AccessLogReducer.reduce(&nurse, .reload, words: words) == [.loadExtract])

        var admin = AccessLogState(user: "admin", isAdministrator: true)
        #expect(AccessLogReducer.reduce(&admin, .nextTab, words: words) == [.loadReview])
        _ = AccessLogReducer.reduce(&admin, .reviewLoaded(from: Self.day, to: Self.day, []), words: words)
        _ = AccessLogReducer.reduce(&admin, .nextTab, words: words)
        #expect(AccessLogReducer.reduce(&admin, .nextTab, words: words).isEmpty)
        #expect(AccessLogReducer.reduce(&admin, .reload, words: words) == [.loadReview])
    }

    @Test func markOpensTheFormOnlyOnAReviewableRow() {
        var state = reviewing([Self.item(1, reviewed: true), Self.item(2, staff: "admin"), Self.item(3)])
        #expect(AccessLogReducer.reduce(&state, .mark, words: words) == [.message(words.alreadyReviewed, isError: true)])
        _ = AccessLogReducer.reduce(&state, .move(.down), words: words)
        #expect(AccessLogReducer.reduce(&state, .mark, words: words) == [.message(words.ownAccess, isError: true)])
        _ = AccessLogReducer.reduce(&state, .move(.down), words: words)
        #expect(AccessLogReducer.reduce(&state, .mark, words: words).isEmpty)
        #expect(state.form?.logId == 3)
        #expect(state.form?.fields["verdict"] == "ok")
        #expect(state.form?.hasInput == false)

        var extract = AccessLogState(user: "admin", isAdministrator: true)
        _ = AccessLogReducer.reduce(&extract, .mark, words: words)
        #expect(extract.form == nil)
    }

    @Test func submitValidatesAndKeepsTheInput() {
        var state = reviewing()
        _ = AccessLogReducer.reduce(&state, .mark, words: words)
        #expect(send(&state, .enter).isEmpty)
        #expect(state.form?.fields.fields[1].error == words.errorComment)
        _ = AccessLogReducer.reduce(&state, .form(.paste("Kollat\nmed chefen")), words: words)
        state.form?.fields["verdict"] = "kanske"
        #expect(send(&state, .enter).isEmpty)
        #expect(state.form?.fields.fields[0].error == words.errorVerdict)
        state.form?.fields["verdict"] = "följ upp"
        state.form?.fields.focus = 1
        let effects = send(&state, .enter)
        #expect(effects == [.save(logId: 1, verdict: .followUp, comment: "Kollat med chefen")])
        _ = AccessLogReducer.reduce(&state, .saveFailed("conflict"), words: words)
        #expect(state.form?.error == "conflict")
        #expect(state.form?.hasInput == true)
        let review = AccessReview(logId: 1, reviewedAtMilliseconds: 0, reviewer: "admin", comment: "c",
                                  verdict: .followUp)
        #expect(AccessLogReducer.reduce(&state, .saved(review), words: words) == [.message(words.marked, isError: false)])
        #expect(state.form == nil)
        #expect(state.review[0].review == review)
    }

    @Test func escClosesAnEmptyFormAndAsksBeforeDiscardingInput() {
        var state = reviewing()
        _ = AccessLogReducer.reduce(&state, .mark, words: words)
        _ = send(&state, .escape)
        #expect(state.form == nil)

        _ = AccessLogReducer.reduce(&state, .mark, words: words)
        _ = send(&state, .char("x"), .escape)
        #expect(state.form?.confirmDiscard == true)
        _ = send(&state, .char("n"))
        #expect(state.form?.confirmDiscard == false)
        #expect(state.form?.fields["comment"] == "x")
        _ = send(&state, .escape, .enter)
        #expect(state.form?.fields["comment"] == "x")
        _ = send(&state, .escape, .left, .enter)
        #expect(state.form == nil)
        _ = AccessLogReducer.reduce(&state, .mark, words: words)
        _ = send(&state, .char("x"), .escape, .char("j"))
        #expect(state.form == nil)
    }

    @Test func aReloadKeepsTheSelectedReviewRow() {
        var state = reviewing()
        _ = AccessLogReducer.reduce(&state, .move(.down), words: words)
        _ = AccessLogReducer.reduce(&state, .move(.down), words: words)
        let items = [Self.item(9)] + (1...5).map { Self.item($0) }
        _ = AccessLogReducer.reduce(&state, .reviewLoaded(from: Self.day, to: Self.day, items), words: words)
        #expect(state.selectedReview?.entry.id == 3)
    }

    @Test func verdictsAreReadInEitherLanguage() {
        #expect(AccessLogStrings.verdict(" OK ") == .ok)
        #expect(AccessLogStrings.verdict("Följ upp") == .followUp)
        #expect(AccessLogStrings.verdict("follow up") == .followUp)
        #expect(AccessLogStrings.verdict("") == nil)
    }
}
