/// Makes the screen for an id. The one place that knows every screen type.
enum ScreenFactory {
    static func make(_ id: ScreenID) -> any ScreenModel {
        switch id {
        case .search: return SearchScreen()
        case .referrals: return ReferralsScreen()
        case .overview, .continuity, .workLists: return PlaceholderScreen(id)
        }
    }
}
