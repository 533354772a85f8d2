import NaraDomain
import TerminalUI

/// The overview laid out as rows of styled text for one width: a label gutter on the
/// left, the facts on the right. Rows rather than boxes, so the whole thing scrolls as
/// one when a record is taller than the window, and a wide window simply gets longer
/// rows (reasons, questions, dates) instead of a different screen.
struct OverviewDocument {
    private(set) var rows: [TextLine] = []

    private let model: OverviewModel
    private let strings: Strings
    private let s: OverviewStrings
    private let width: Int
    private let gutter: Int
    /// Room for the reason of an encounter, the question of a referral and such.
    private var wide: Bool { width >= 100 }
    private let tall: Bool

    init(model: OverviewModel, strings: Strings, width: Int, height: Int) {
        self.model = model
        self.strings = strings
        s = OverviewStrings.of(strings.language)
        self.width = max(1, width)
        let labels = [s.labelAlerts, s.labelHidden, s.labelConsent, s.labelListed, s.labelNamedGP, s.labelCareContact,
                      s.labelChronic, s.labelMeasurements, s.labelPhone, s.labelNextOfKin, s.labelInterpreter,
                      s.labelEncounters, s.labelReferrals, s.labelPlan, s.labelContinuity]
        tall = height >= 30
        gutter = (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        // A role that reads no clinical information gets no empty clinical sections either:
        // "no diagnoses" would be untrue.
        let clinical = model.hiddenForRole ? [] : [chronic(maxLines: tall ? 3 : 1),
                                                   measurements(maxLines: 3), encounters()]
        let sections = ([identity(), alerts(), hidden(), contacts()] + clinical
                        + [referrals(), plan()] + (model.hiddenForRole ? [] : [continuity()])).filter { !$0.isEmpty }
        let total = sections.reduce(0) { $0 + $1.count }
        // Breathing room between sections only when everything still fits.
        let spaced = total + sections.count - 1 <= height
        for (i, section) in sections.enumerated() {
            if spaced && i > 0 { rows.append(.empty) }
            rows += section.map { $0.truncated(to: self.width) }
        }
    }

    private var content: Int { max(1, width - gutter) }

    private func labelled(_ label: String, _ lines: [TextLine]) -> [TextLine] {
        lines.enumerated().map { i, line in
            TextLine([Span(DisplayWidth.pad(i == 0 ? label : "", to: gutter), Style(.header))] + line.spans)
        }
    }

    private func identity() -> [TextLine] {
        let id = model.identity
        var spans = [Span(id.name, Style(.text, .bold)), Span("  " + id.identifier, Style(.accent)),
                     Span("  " + s.age(id.age) + ", " + s.sex(id.sex))]
        if id.protectedIdentity { spans.append(Span("  " + strings.protectedIdentity, Style(.protectedIdentity, .bold))) }
        if let mark = strings.deceasedMark(id.deceased, on: id.deceasedOn) { spans.append(mark) }
        // The interpreter first: it decides how the call is made, before any number is dialled.
        let interpreter = id.interpreter.map { need in
            [TextLine([Span(strings.languageName(need.language), Style(.warning, .bold)),
                       Span(" " + s.interpreterNeeded, Style(.warning))])]
        } ?? []
        let kin = id.nextOfKin.map { k in
            TextLine([Span(k.name), Span(" (" + k.relation + ")", Style(.muted))]
                     + (k.phone.map { [Span("  " + $0)] } ?? []))
        }
        return [TextLine(spans)] + labelled(s.labelPhone, id.phone.map { [TextLine($0)] } ?? [])
            + labelled(s.labelInterpreter, interpreter)
            + labelled(s.labelNextOfKin, shownKin(kin, limit: tall ? 3 : 2))
    }

    /// The first next of kin, and "+2" on the last line shown when there are more (`n` shows all).
    private func shownKin(_ kin: [TextLine], limit: Int) -> [TextLine] {
        var shown = Array(kin.prefix(limit))
        if kin.count > limit, !shown.isEmpty { shown[shown.count - 1].spans.append(Span("  +\(kin.count - limit)", Style(.muted))) }
        return shown
    }

    /// That something exists and is not shown, and why: the patient sees to it that
    /// nobody mistakes a hidden diagnosis for no diagnosis.
    private func hidden() -> [TextLine] {
        var lines: [TextLine] = []
        if model.hiddenBlocked > 0 { lines.append(TextLine(s.hiddenBlocked(model.hiddenBlocked), Style(.warning, .bold))) }
        if !model.hiddenNeedingConsent.isEmpty {
            lines.append(TextLine(s.hiddenNeedsConsent(model.hiddenNeedingConsent), Style(.warning)))
        }
        if model.hiddenForRole { lines.append(TextLine(s.hiddenForRole, Style(.muted))) }
        var all = labelled(s.labelHidden, lines)
        if !model.consentedProviders.isEmpty {
            all += labelled(s.labelConsent, [TextLine(s.consented(model.consentedProviders), Style(.muted))])
        }
        return all
    }

    private func alerts() -> [TextLine] {
        guard !model.alerts.isEmpty else { return [] }
        return labelled(s.labelAlerts, model.alerts.map { alert in
            TextLine("! " + s.alert(alert) { model.staffNames[$0] ?? $0.rawValue },
                     Style(alert.isDanger ? .danger : .warning, .bold))
        })
    }

    private func contacts() -> [TextLine] {
        var rows = labelled(s.labelListed, [model.listingUnitName.map { TextLine($0) } ?? TextLine("–", Style(.muted))])
        // Listed without one is something to act on; unlisted or deceased, nothing is.
        let noGP = model.listingUnitName == nil || model.identity.deceased
            ? TextLine("–", Style(.muted)) : TextLine(s.noNamedGP, Style(.warning))
        rows += labelled(s.labelNamedGP, [model.namedGP.map(contactLine) ?? noGP])
        let contacts = model.careContacts.map(contactLine)
        rows += labelled(s.labelCareContact, contacts.isEmpty ? [TextLine("–", Style(.muted))] : contacts)
        return rows
    }

    private func contactLine(_ c: OverviewModel.Contact) -> TextLine {
        var spans = [Span(OverviewFormat.person(c.staffName, c.profession, s), Style(c.staffActive ? .text : .warning)),
                     Span(", " + c.unitName)]
        if c.role == .careContact, !c.reason.isEmpty { spans.append(Span(" – " + c.reason, Style(.muted))) }
        if wide { spans.append(Span("  (\(s.since) \(c.from.iso))", Style(.muted))) }
        return TextLine(spans)
    }

    private func chronic(maxLines: Int) -> [TextLine] {
        let items = model.chronicProblems
        guard !items.isEmpty else { return labelled(s.labelChronic, [TextLine(s.noChronic, Style(.muted))]) }
        return labelled(s.labelChronic, packed(items.map { [Span($0.code, Style(.accent)), Span(" " + $0.text)] },
                                               maxLines: maxLines))
    }

    /// The latest of each measurement with its day; nothing when none was taken. Units
    /// (mmol/mol, mmHg, kg) only where the row is wide: they are the ones every clinic uses.
    private func measurements(maxLines: Int) -> [TextLine] {
        let items = model.measurements.map { o -> [Span] in
            let value = o.kind == .smoking ? o.smoking.map(strings.smokingStatus) ?? "–"
                : o.valueText + (o.kind.unitText.isEmpty || !wide ? "" : " " + o.kind.unitText)
            let day = LocalDate(date: o.at, in: .stockholm).iso
            return [Span(strings.observationName(o.kind), Style(.accent)), Span(" " + value), Span(" " + day, Style(.muted))]
        }
        return items.isEmpty ? [] : labelled(s.labelMeasurements, packed(items, maxLines: maxLines))
    }

    /// Packs items into at most `maxLines` rows, " · " between them; what does not fit
    /// is counted ("+2 till").
    private func packed(_ items: [[Span]], maxLines: Int) -> [TextLine] {
        var lines: [[Span]] = [], current: [Span] = [], used = 0, shown = 0
        for (i, item) in items.enumerated() {
            let w = item.reduce(0) { $0 + DisplayWidth.of($1.text) }
            let after = items.count - i - 1
            // On the last allowed row, keep room for "+N till" while more are to come.
            func fits() -> Bool {
                let reserve = lines.count == maxLines - 1 && after > 0 ? 3 + DisplayWidth.of(s.more(after)) : 0
                return used + (used == 0 ? 0 : 3) + w + reserve <= content
            }
            if !fits() && used > 0 && lines.count < maxLines - 1 {
                lines.append(current)
                current = []
                used = 0
            }
            // A lone item wider than the row is still shown, cut; otherwise stop here.
            guard fits() || (used == 0 && (after == 0 || lines.count < maxLines - 1)) else { break }
            if used > 0 { current.append(Span(" · ", Style(.muted))); used += 3 }
            current += item
            used += w
            shown += 1
        }
        let hidden = items.count - shown
        if hidden > 0 { current.append(Span((used > 0 ? " · " : "") + s.more(hidden), Style(.muted, .bold))) }
        lines.append(current)
        return lines.filter { !$0.isEmpty }.map(TextLine.init)
    }

    private func encounters() -> [TextLine] {
        let list = model.recentEncounters
        guard !list.isEmpty else { return labelled(s.labelEncounters, [TextLine(s.noEncounters, Style(.muted))]) }
        let modes = list.map { s.mode($0.mode) }
        let people = list.map { OverviewFormat.person($0.staffName, $0.profession, s) }
        let modeW = modes.map { DisplayWidth.of($0) }.max() ?? 0
        let personW = min(people.map { DisplayWidth.of($0) }.max() ?? 0, wide ? 30 : 24)
        let unitW = min(list.map { DisplayWidth.of($0.unitName) }.max() ?? 0, wide ? 32 : content)
        return labelled(s.labelEncounters, list.indices.map { i in
            let e = list[i]
            var spans = [Span(e.day.iso + "  "), Span(DisplayWidth.pad(modes[i], to: modeW) + "  ", Style(.muted)),
                         Span(DisplayWidth.pad(DisplayWidth.truncate(people[i], to: personW), to: personW) + "  "),
                         Span(DisplayWidth.pad(DisplayWidth.truncate(e.unitName, to: unitW), to: unitW))]
            if wide, !e.reason.isEmpty { spans.append(Span("  " + e.reason, Style(.muted))) }
            return TextLine(spans)
        })
    }

    private func referrals() -> [TextLine] {
        let list = model.openReferrals
        guard !list.isEmpty else { return labelled(s.labelReferrals, [TextLine(s.noReferrals, Style(.muted))]) }
        let states = list.map { s.state($0.state) }
        let clocks = list.map { OverviewFormat.clock($0, s) ?? "" }
        let stateW = states.map { DisplayWidth.of($0) }.max() ?? 0
        let clockW = clocks.map { DisplayWidth.of($0) }.max() ?? 0
        let unitRoom = max(8, content - stateW - clockW - 4 - 2)
        let unitW = min(list.map { DisplayWidth.of($0.toUnitName) }.max() ?? 0, wide ? 34 : unitRoom)
        return labelled(s.labelReferrals, list.indices.map { i in
            let r = list[i]
            var spans = [Span("→ " + DisplayWidth.pad(DisplayWidth.truncate(r.toUnitName, to: unitW), to: unitW) + "  "),
                         Span(DisplayWidth.pad(states[i], to: stateW) + "  ", Style(.muted)),
                         Span(DisplayWidth.pad(clocks[i], to: clockW), Style(OverviewFormat.clockRole(r), r.overdue ? .bold : []))]
            if wide { spans.append(Span("  " + r.question, Style(.muted))) }
            return TextLine(spans)
        })
    }

    /// The follow-up first, since that is what may need doing; the responsible unit on
    /// the same row when it fits, else on the next. A tall window adds goal and partners.
    private func plan() -> [TextLine] {
        guard let plan = model.plan else { return labelled(s.labelPlan, [TextLine(s.noPlan, Style(.muted))]) }
        var first: [Span]
        if let on = plan.followUpOn {
            first = [Span(s.followUp(on), Style(plan.passed ? .danger : .text, plan.passed ? .bold : []))]
            if plan.passed { first.append(Span(" (\(s.passed))", Style(.danger))) }
        } else {
            first = [Span(s.noFollowUp, Style(.muted))]
        }
        if model.openPlanCount > 1 { first.append(Span(" · " + s.more(model.openPlanCount - 1), Style(.muted))) }
        let responsible = Span("\(s.responsible): " + plan.responsibleUnitName)
        var lines: [TextLine]
        if TextLine(first).width + 3 + responsible.width <= content {
            lines = [TextLine(first + [Span(" · "), responsible])]
        } else {
            lines = [TextLine(first), TextLine([responsible])]
        }
        if tall, !plan.goal.isEmpty {
            var goal = [Span("\(s.goal): " + plan.goal, Style(.muted))]
            if !plan.participantNames.isEmpty {
                goal.append(Span(" · \(s.participants): " + plan.participantNames.joined(separator: ", "), Style(.muted)))
            }
            lines.append(TextLine(goal))
        }
        return labelled(s.labelPlan, lines)
    }

    private func continuity() -> [TextLine] {
        let groupW = max(DisplayWidth.of(s.doctors), DisplayWidth.of(s.nurses))
        let row = { (name: String, m: ContinuityMeasures) in
            [Span(DisplayWidth.pad(name, to: groupW) + "  "), Span(OverviewFormat.continuity(m, self.strings, self.s))]
        }
        let range = wide ? " (" + model.continuityWindow.lowerBound.iso + " – " + model.continuityWindow.upperBound.iso + ")" : ""
        let window = Span("  " + s.window(months: OverviewModel.continuityMonths) + range, Style(.muted))
        let scope = Span("  " + s.scope(model.continuityScope), Style(.muted))
        return labelled(s.labelContinuity, [TextLine(row(s.doctors, model.doctors) + [window]),
                                            TextLine(row(s.nurses, model.nurses) + [scope])])
    }
}
