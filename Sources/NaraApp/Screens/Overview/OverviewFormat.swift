import NaraDomain
import TerminalUI

/// The small decisions between a figure and its words: which role a clock gets, how a
/// continuity index reads. Kept apart from the layout so tests can check them directly.
enum OverviewFormat {
    /// Danger past the deadline, warning in the last week, plain text otherwise.
    static func clockRole(_ r: OverviewModel.ReferralLine) -> StyleRole {
        if r.overdue { return .danger }
        if let left = r.daysLeft, left <= OverviewModel.warningDays { return left < 0 ? .danger : .warning }
        return .text
    }

    /// "12 dagar försenad"; while paused the moved last day rather than days left that
    /// climb each day the pause lasts; nil when no clock runs.
    static func clock(_ r: OverviewModel.ReferralLine, _ s: OverviewStrings) -> String? {
        guard let left = r.daysLeft else { return r.paused ? s.paused : nil }
        if r.paused, left >= 0, let deadline = r.deadline { return s.pausedUntil(deadline) }
        return s.daysLeft(left) + (r.paused ? ", " + s.paused : "")
    }

    /// An index with the language's decimal mark; "–"/"n/a" when N < 2, never 0 or 1.
    static func index(_ value: Double?, _ strings: Strings, _ s: OverviewStrings) -> String {
        value.map { strings.decimal($0, digits: 2) } ?? s.notAvailable
    }

    /// "COC 0,42  UPC 0,60  N=5".
    static func continuity(_ m: ContinuityMeasures, _ strings: Strings, _ s: OverviewStrings) -> String {
        let coc = DisplayWidth.pad(index(m.coc, strings, s), to: 4)
        let upc = DisplayWidth.pad(index(m.upc, strings, s), to: 4)
        return "COC \(coc)  UPC \(upc)  N=\(m.encounters)"
    }

    /// "Karin Berg dsk".
    static func person(_ name: String, _ profession: Profession?, _ s: OverviewStrings) -> String {
        name + " " + s.professionShort(profession)
    }
}
