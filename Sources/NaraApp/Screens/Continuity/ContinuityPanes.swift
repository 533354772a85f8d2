import NaraDomain
import TerminalUI

/// The list sections: named contacts, encounters, plans. Each is a table with the
/// selected row spelled out under it, since an 80-column row cannot hold a reason.
struct ContinuityPanes {
    var state: ContinuityState
    var strings: Strings
    var words: ContinuityStrings
    var facts: ContinuityFacts
    var glyphs: Glyphs

    // MARK: - Contacts

    func contacts(in area: Rect, buffer: inout Buffer) {
        let alerts = facts.alerts(words)
        let parts = ContinuityLayout.contactTable(area, alerts: alerts.count)
        for (i, alert) in alerts.enumerated() {
            buffer.put(TextLine("! " + alert, Style(.warning, .bold)), in: parts.alerts.row(i))
        }
        guard !facts.contacts.isEmpty else {
            muted(words.noContacts, in: parts.table, buffer: &buffer)
            return
        }
        let wide = area.width >= 110
        var columns = [
            TableColumn(words.colRole, width: .length(max(DisplayWidth.of(words.roleCareContact),
                                                           DisplayWidth.of(words.roleNamedPhysician)))),
            TableColumn(words.colName, width: .fill(3)),
            TableColumn(words.colProfession, width: .fill(2)),
            TableColumn(words.colUnit, width: .fill(3)),
            TableColumn(words.colFrom, width: .length(10)),
            TableColumn(words.colTo, width: .length(10)),
        ]
        if wide {
            columns += [TableColumn(words.colReason, width: .fill(3)), TableColumn(words.colEndReason, width: .fill(3))]
        }
        let rows: [[TextLine]] = facts.contacts.map { c in
            let staff = facts.record.staff[c.staffId]
            var row = [TextLine(words.role(c.role)), TextLine(facts.staffName(c.staffId)),
                       TextLine(staff.map { strings.profession($0.profession) } ?? "–"), TextLine(facts.unitName(c.unitId)),
                       TextLine(c.from.iso), TextLine(c.annulment != nil ? words.annulled : c.to?.iso ?? words.ongoing)]
            if wide { row += [TextLine(c.reason), TextLine(endReason(c) ?? "")] }
            return row
        }
        // Curses has no strike-through: an annulled row is dim and says "makulerad".
        let styles: [Style?] = facts.contacts.map {
            $0.annulment != nil ? Style(.muted, .dim) : $0.to == nil ? nil : Style(.muted)
        }
        let table = fitted(parts.table, rows: rows.count)
        Table(columns: columns, rows: rows, state: state.contacts, rowStyles: styles, glyphs: glyphs)
            .render(in: table, buffer: &buffer)
        guard let i = state.contacts.selected, facts.contacts.indices.contains(i) else { return }
        let c = facts.contacts[i]
        // Right under the table, so the reason reads as belonging to the selected row.
        let detail = Rect(x: area.x, y: table.maxY + 1, width: area.width, height: 2).intersection(area)
        labelled(words.colReason, c.reason, in: detail.row(0), buffer: &buffer)
        if let a = c.annulment {
            labelled(words.annulled, annulledBy(a), in: detail.row(1), buffer: &buffer)
        } else if let end = endReason(c) {
            labelled(words.colEndReason, end, in: detail.row(1), buffer: &buffer)
        }
    }

    // MARK: - Encounters

    func encounters(in area: Rect, buffer: inout Buffer) {
        let parts = ContinuityLayout.encounterTable(area)
        guard !facts.encounters.isEmpty else {
            muted(words.noEncounters, in: parts.table, buffer: &buffer)
            return
        }
        let modeWidth = (EncounterMode.allCases.map { DisplayWidth.of(words.mode($0)) } + [DisplayWidth.of(words.annulled)]).max() ?? 8
        let columns = [
            TableColumn(words.colDate, width: .length(10)),
            TableColumn(words.colTime, width: .length(5)),
            TableColumn(words.colMode, width: .length(modeWidth)),
            TableColumn(words.colPlanned, width: .length(4)),
            TableColumn(words.colStaff, width: .fill(3)),
            TableColumn(words.colProfession, width: .fill(2)),
            TableColumn(words.colUnit, width: .fill(2)),
            TableColumn(words.colReason, width: .fill(3)),
        ]
        let rows: [[TextLine]] = facts.encounters.map { e in
            let staff = facts.record.staff[e.staffId]
            return [TextLine(LocalDate(date: e.at, in: ClockZone.stockholm).iso), TextLine(WallClock.time(e.at)),
                    TextLine(e.annulment != nil ? words.annulled : words.mode(e.mode)),
                    TextLine(e.planned ? words.yes : words.no),
                    TextLine(facts.staffName(e.staffId)),
                    TextLine(staff.map { strings.profession($0.profession) } ?? "–"),
                    TextLine(facts.unitName(e.unitId)), TextLine(e.reason)]
        }
        let table = fitted(parts.table, rows: rows.count)
        let styles: [Style?] = facts.encounters.map { $0.annulment != nil ? Style(.muted, .dim) : nil }
        Table(columns: columns, rows: rows, state: state.encounters, rowStyles: styles, glyphs: glyphs)
            .render(in: table, buffer: &buffer)
        guard let i = state.encounters.selected, facts.encounters.indices.contains(i) else { return }
        let e = facts.encounters[i]
        let detail = table.height < parts.table.height ? area.row(table.height + 1) : parts.detail
        if let a = e.annulment {
            labelled(words.annulled, annulledBy(a) + "  (" + e.reason + ")", in: detail, buffer: &buffer)
        } else {
            labelled(words.colReason, e.reason + "  · " + facts.unitName(e.unitId), in: detail, buffer: &buffer)
        }
    }

    /// The end reason, with who took over when another was appointed.
    private func endReason(_ c: CareContact) -> String? {
        if let unit = c.endedByListing { return words.listingMoved(facts.unitName(unit)) }
        guard let by = c.replacedBy else { return c.endReason }
        return words.replacedBy(facts.staffName(by)) + (c.endReason.map { ": " + $0 } ?? "")
    }

    private func annulledBy(_ a: Annulment) -> String {
        words.annulledBy(facts.staffName(a.by), WallClock.dateTime(a.at), a.reason)
    }

    // MARK: - Plans

    func plans(in area: Rect, buffer: inout Buffer) {
        guard !facts.plans.isEmpty else {
            muted(words.noPlan, in: area, buffer: &buffer)
            return
        }
        let parts = ContinuityLayout.planTable(area)
        let columns = [
            TableColumn(words.colAgreed, width: .length(10)),
            TableColumn(words.colFollowUp, width: .length(11)),
            TableColumn(words.colResponsible, width: .fill(2)),
            TableColumn(words.colClosed, width: .length(10)),
            TableColumn(words.colGoal, width: .fill(3)),
        ]
        let rows: [[TextLine]] = facts.plans.map { p in
            let overdue = p.followUpOverdue(on: facts.today)
            return [TextLine(p.agreedOn.iso),
                    TextLine(p.followUpOn?.iso ?? "–", overdue ? Style(.danger, .bold) : .text),
                    TextLine(facts.unitName(p.responsibleUnitId)), TextLine(p.closedOn?.iso ?? "–"), TextLine(p.goal)]
        }
        let styles: [Style?] = facts.plans.map { $0.isOpen ? nil : Style(.muted) }
        Table(columns: columns, rows: rows, state: state.plans, rowStyles: styles, glyphs: glyphs)
            .render(in: parts.table, buffer: &buffer)
        let index = state.plans.selected ?? 0
        guard facts.plans.indices.contains(index) else { return }
        planDetail(facts.plans[index], in: parts.detail, buffer: &buffer)
    }

    private func planDetail(_ plan: CoordinatedPlan, in area: Rect, buffer: inout Buffer) {
        var y = area.y
        if plan.followUpOverdue(on: facts.today), let f = plan.followUpOn {
            buffer.put(TextLine("! " + words.followUpPassed + " (" + f.iso + ")", Style(.danger, .bold)), in: area.row(0))
            y += 1
        }
        let label = words.colGoal + ": "
        let goal = Paragraph.wrap(plan.goal, width: max(1, area.width - DisplayWidth.of(label)))
        for (i, line) in goal.prefix(3).enumerated() where y < area.maxY {
            if i == 0 { buffer.put(label, x: area.x, y: y, style: Style(.text, .bold), clip: area) }
            buffer.put(line, x: area.x + DisplayWidth.of(label), y: y, clip: area)
            y += 1
        }
        guard y < area.maxY else { return }
        buffer.put(words.participants + ":", x: area.x, y: y, style: Style(.text, .bold), clip: area)
        y += 1
        let ids = [plan.responsibleUnitId] + plan.participants.map(\.unitId).filter { $0 != plan.responsibleUnitId }
        for id in ids where y < area.maxY {
            let unit = facts.record.units[id]
            var spans = [Span("• " + (unit?.name ?? id.rawValue)),
                         Span(" (" + (unit.map { words.principal($0.principal) } ?? "?") + ")", Style(.muted))]
            if id == plan.responsibleUnitId { spans.append(Span("  " + words.colResponsible.lowercased(), Style(.accent))) }
            if let role = plan.participants.first(where: { $0.unitId == id })?.role, !role.isEmpty {
                spans.append(Span("  " + role, Style(.muted)))
            }
            buffer.put(TextLine(spans), in: Rect(x: area.x + 1, y: y, width: area.width - 1, height: 1))
            y += 1
        }
        for line in planContent(plan) where y < area.maxY {
            buffer.put(line, in: Rect(x: area.x, y: y, width: area.width, height: 1))
            y += 1
        }
    }

    // MARK: - Pieces

    /// A table no taller than its rows, so what follows it sits right under it.
    private func fitted(_ area: Rect, rows: Int) -> Rect {
        Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, rows + 1))
    }

    private func muted(_ text: String, in area: Rect, buffer: inout Buffer) {
        for (i, line) in Paragraph.wrap(text, width: max(1, area.width)).enumerated() {
            buffer.put(line, x: area.x, y: area.y + i, style: Style(.muted), clip: area)
        }
    }

    private func labelled(_ label: String, _ value: String, in row: Rect, buffer: inout Buffer) {
        buffer.put(TextLine([Span(label + ": ", Style(.text, .bold)), Span(value)]), in: row.row(0))
    }
}
