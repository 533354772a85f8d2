import Testing
@testable import TerminalUI

@Suite struct ListStateTests {
    @Test func emptyListsHaveNoSelection() {
        var s = ListState(selected: 3, offset: 2)
        s.moveDown(count: 0)
        #expect(s == ListState(selected: nil, offset: 0))
        s.moveUp(count: 0)
        #expect(s.selected == nil)
        s.pageDown(count: 0, page: 5)
        #expect(s.selected == nil)
        s.pageUp(count: 0, page: 5)
        #expect(s.selected == nil)
        s.first(count: 0)
        #expect(s.selected == nil)
        s.last(count: 0)
        #expect(s.selected == nil)
        s.select(2, count: 0)
        #expect(s.selected == nil)
        s.scrollToSelection(visibleRows: 3, count: 0)
        #expect(s == ListState())
    }

    @Test func fromNoSelectionDownGoesFirstAndUpGoesLast() {
        var down = ListState()
        down.moveDown(count: 5)
        #expect(down.selected == 0)
        var up = ListState()
        up.moveUp(count: 5)
        #expect(up.selected == 4)
        var pageDown = ListState()
        pageDown.pageDown(count: 5, page: 3)
        #expect(pageDown.selected == 0)
        var pageUp = ListState()
        pageUp.pageUp(count: 5, page: 3)
        #expect(pageUp.selected == 4)
    }

    @Test func movesStopAtTheEnds() {
        var s = ListState(selected: 0)
        s.moveUp(count: 3)
        #expect(s.selected == 0)
        s.moveDown(count: 3)
        s.moveDown(count: 3)
        #expect(s.selected == 2)
        s.moveDown(count: 3)
        #expect(s.selected == 2)
    }

    @Test(arguments: [
        (-4, 0), (0, 0), (3, 3), (9, 9), (10, 9), (400, 9),
    ])
    func selectClamps(index: Int, expected: Int) {
        var s = ListState()
        s.select(index, count: 10)
        #expect(s.selected == expected)
    }

    @Test func selectNilClearsTheSelection() {
        var s = ListState(selected: 2)
        s.select(nil, count: 10)
        #expect(s.selected == nil)
    }

    @Test func firstAndLast() {
        var s = ListState(selected: 4, offset: 3)
        s.first(count: 10)
        #expect(s == ListState(selected: 0, offset: 0))
        s.last(count: 10)
        #expect(s.selected == 9)
    }

    @Test func pagingMovesSelectionAndViewTogether() {
        var s = ListState(selected: 1, offset: 0)
        s.pageDown(count: 20, page: 5)
        #expect(s == ListState(selected: 6, offset: 5))
        s.pageDown(count: 20, page: 5)
        #expect(s == ListState(selected: 11, offset: 10))
        s.pageDown(count: 20, page: 5)
        #expect(s == ListState(selected: 16, offset: 15))
        s.pageDown(count: 20, page: 5)
        #expect(s == ListState(selected: 19, offset: 15))
        s.pageUp(count: 20, page: 5)
        #expect(s == ListState(selected: 14, offset: 10))
        s.pageUp(count: 20, page: 5)
        s.pageUp(count: 20, page: 5)
        s.pageUp(count: 20, page: 5)
        #expect(s == ListState(selected: 0, offset: 0))
    }

    @Test func aPageOfZeroStillMoves() {
        var s = ListState(selected: 2)
        s.pageDown(count: 10, page: 0)
        #expect(s.selected == 3)
        s.pageUp(count: 10, page: -3)
        #expect(s.selected == 2)
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        var s = ListState(selected: 0)
        for _ in 0..<30 {
            s.moveDown(count: 30)
            s.scrollToSelection(visibleRows: 4, count: 30)
            #expect(s.offset <= s.selected! && s.selected! < s.offset + 4)
        }
        #expect(s == ListState(selected: 29, offset: 26))
        // Moving up inside the window does not scroll.
        s.moveUp(count: 30)
        s.scrollToSelection(visibleRows: 4, count: 30)
        #expect(s == ListState(selected: 28, offset: 26))
        for _ in 0..<30 {
            s.moveUp(count: 30)
            s.scrollToSelection(visibleRows: 4)
            #expect(s.offset <= s.selected! && s.selected! < s.offset + 4)
        }
        #expect(s == ListState(selected: 0, offset: 0))
    }

    @Test func shrinkingListPullsTheViewBack() {
        var s = ListState(selected: 18, offset: 15)
        s.clamp(count: 6)
        #expect(s.selected == 5)
        s.scrollToSelection(visibleRows: 4, count: 6)
        #expect(s == ListState(selected: 5, offset: 2))
    }

    @Test func noRowsLeavesTheOffsetAlone() {
        var s = ListState(selected: 7, offset: 2)
        s.scrollToSelection(visibleRows: 0, count: 10)
        #expect(s == ListState(selected: 7, offset: 2))
    }
}
