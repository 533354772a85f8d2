enum OverviewReducer {
    /// `contentRows` is the height of the laid-out record and `visibleRows` the rows the
    /// screen has: scrolling stops where the last row is at the bottom.
    static func reduce(_ state: inout OverviewState, _ action: OverviewAction, contentRows: Int,
                       visibleRows: Int) -> [OverviewEffect] {
        let maxScroll = max(0, contentRows - max(1, visibleRows))
        let page = max(1, visibleRows - 1)
        defer { state.scroll = min(max(0, state.scroll), maxScroll) }
        switch action {
        case .scrollUp: state.scroll -= 1
        case .scrollDown: state.scroll += 1
        case .pageUp: state.scroll -= page
        case .pageDown: state.scroll += page
        case .top: state.scroll = 0
        case .bottom: state.scroll = maxScroll
        case .openContinuity: return [.go(.continuity)]
        case .openReferrals: return [.go(.referrals)]
        case .reload: return [.reload]
        case .recordConsent: return [.askConsent]
        case .editDetails: return [.openDetails]
        }
        return []
    }
}
