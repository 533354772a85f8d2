import TerminalUI

/// Where the parts of the screen go. Shared by the view and by the reducer's page
/// size, so PgDn moves exactly one screenful.
enum ContinuityLayout {
    struct Areas {
        var header: Rect
        var tabs: Rect
        var content: Rect
        /// The continuity summary under the other sections, when the window has room.
        var summary: Rect?
        var hints: Rect
    }

    /// Rows of the summary panel shown under the lists on a large window.
    static let summaryRows = 13

    static func isWide(width: Int, height: Int) -> Bool { width >= 100 && height >= 34 }

    static func split(_ area: Rect, tab: ContinuityTab) -> Areas {
        let rows = Layout.vertical([.length(1), .length(1), .fill(1), .length(1)]).split(area)
        var content = rows[2].inset(top: 1, left: 1, right: 1)
        var summary: Rect?
        if tab != .measures, isWide(width: area.width, height: area.height) {
            let parts = Layout.vertical([.fill(1), .length(summaryRows)]).split(content)
            content = parts[0]
            summary = parts[1]
        }
        return Areas(header: rows[0], tabs: rows[1], content: content, summary: summary, hints: rows[3])
    }

    /// Rows of the contacts table: what is left under the alerts and above the detail.
    static func contactTable(_ content: Rect, alerts: Int) -> (alerts: Rect, table: Rect, detail: Rect) {
        let parts = Layout.vertical([.length(alerts), .fill(1), .length(3)]).split(content)
        return (parts[0], parts[1], parts[2])
    }

    static func encounterTable(_ content: Rect) -> (table: Rect, detail: Rect) {
        let parts = Layout.vertical([.fill(1), .length(1)]).split(content)
        return (parts[0], parts[1])
    }

    static func planTable(_ content: Rect) -> (table: Rect, detail: Rect) {
        let rows = content.height >= 30 ? 7 : 4
        let parts = Layout.vertical([.length(rows), .length(1), .fill(1)]).split(content)
        return (parts[0], parts[2])
    }

    static func listRows(tab: ContinuityTab, width: Int, height: Int, alerts: Int) -> Int {
        let content = split(Rect(width: width, height: height), tab: tab).content
        let table: Rect
        switch tab {
        case .contacts: table = contactTable(content, alerts: alerts).table
        case .encounters: table = encounterTable(content).table
        case .plan: table = planTable(content).table
        case .measures: return 1
        }
        return max(1, Table.visibleRows(in: table))
    }
}
