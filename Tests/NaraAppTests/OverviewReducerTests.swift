@testable import NaraApp
import Testing
import TerminalUI

/// Every overview action: scrolling stays within the record, letters become commands.
@Suite struct OverviewReducerTests {
    private func run(_ actions: OverviewAction..., from scroll: Int = 0, content: Int = 30, visible: Int = 19)
        -> (OverviewState, [OverviewEffect]) {
        var state = OverviewState()
        state.scroll = scroll
        var effects: [OverviewEffect] = []
        for action in actions {
            effects += OverviewReducer.reduce(&state, action, contentRows: content, visibleRows: visible)
        }
        return (state, effects)
    }

    @Test func scrollDownAndUpByOneRow() {
        #expect(run(.scrollDown).0.scroll == 1)
        #expect(run(.scrollDown, .scrollDown, .scrollUp).0.scroll == 1)
        #expect(run(.scrollUp).0.scroll == 0)
    }

    @Test func scrollingStopsWhenTheLastRowIsAtTheBottom() {
        #expect(run(.bottom).0.scroll == 11)
        #expect(run(.bottom, .scrollDown).0.scroll == 11)
        #expect(run(.pageDown, .pageDown).0.scroll == 11)
    }

    @Test func pagesMoveAScreenLessOneRow() {
        #expect(run(.pageDown, content: 100).0.scroll == 18)
        #expect(run(.pageUp, from: 40, content: 100).0.scroll == 22)
        #expect(run(.pageUp, from: 5).0.scroll == 0)
        #expect(run(.top, from: 9).0.scroll == 0)
    }

    @Test func aRecordThatFitsDoesNotScroll() {
        #expect(run(.scrollDown, .pageDown, .bottom, content: 18).0.scroll == 0)
        #expect(run(.scrollDown, content: 0).0.scroll == 0)
    }

    @Test func aShorterRecordPullsTheScrollBack() {
        #expect(run(.scrollUp, from: 50).0.scroll == 11)
    }

    @Test func lettersAskForOtherScreensAndAReload() {
        #expect(run(.openContinuity) == (OverviewState(), [.go(.continuity)]))
        #expect(run(.openReferrals).1 == [.go(.referrals)])
        #expect(run(.reload).1 == [.reload])
        #expect(run(.reload, from: 4).0.scroll == 4)
    }

    @Test func theKeymapBindsNoDigitsAndNoQ() {
        let keymap = OverviewKeymap.make(.swedish)
        let keys = keymap.bindings.flatMap(\.keys)
        #expect(!keys.contains(.char("q")))
        #expect(!keys.contains { if case .char(let c) = $0 { return c.isNumber } else { return false } })
        #expect(keymap.action(for: .char("c")) == .openContinuity)
        #expect(keymap.action(for: .char("r")) == .openReferrals)
        #expect(keymap.action(for: .char("u")) == .reload)
        #expect(keymap.action(for: .char("j")) == .scrollDown)
        #expect(keymap.action(for: .char("k")) == .scrollUp)
    }
}
