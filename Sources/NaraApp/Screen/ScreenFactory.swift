/// Makes the screen for an id. The one place that knows every screen type.
enum ScreenFactory {
    static func make(_ id: ScreenID) -> any ScreenModel {
        switch id {
        case .search: return SearchScreen()
        case .overview: return OverviewScreen()
        case .continuity: return ContinuityScreen()
        case .referrals: return ReferralsScreen()
        case .workLists: return WorkListsScreen()
        case .accessLog: return AccessLogScreen()
        case .myDay: return MyDayScreen()
        }
    }
}
