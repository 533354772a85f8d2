import NaraDomain
import TerminalUI

/// The selected referral in full: question, priority, guarantee, dates, the clock with
/// its pauses, the reply and every step of the history, oldest first, so the whole
/// story reads top to bottom.
struct ReferralDetail {
    var state: ReferralsState
    var strings: ReferralsStrings
    var today: LocalDate

    /// The guarantee column: days left, late, paused or met, in the role that tells how urgent.
    func clockCell(_ r: Referral) -> TextLine {
        guard r.state.isOpen || r.seenOn != nil, let clock = r.guaranteeClock() else { return TextLine("–", .role(.muted)) }
        switch clock.status(today: today) {
        case .notApplicable: return TextLine("–", .role(.muted))
        case .met(let day, let ok): return TextLine(strings.met(day.iso, ok), ok ? .role(.muted) : .role(.warning))
        case .overdue(let days): return TextLine(strings.overdueDays(days), Style(.danger, .bold))
        case .paused:
            let due = clock.deadline(today: today).map { String($0.iso.dropFirst(5)) } ?? "–"
            return TextLine(strings.pausedDue(due), .role(.warning))
        case .running(let left): return TextLine(strings.daysLeft(left), left <= 7 ? .role(.warning) : .text)
        }
    }

    func lines(_ item: ReferralListItem) -> [TextLine] {
        let r = item.referral
        let s = strings
        var out: [TextLine] = []
        func field(_ label: String, _ value: TextLine) {
            out.append(TextLine([Span(label + ": ", Style(.muted))] + value.spans))
        }
        // A stored question is never empty: an empty one was left out by the access policy.
        field(s.question, r.question.isEmpty ? TextLine(s.notForYourRole, Style(.muted)) : TextLine(r.question))
        var prio = [Span(s.priority(r.priority), r.priority == .urgent ? Style(.warning, .bold) : .text)]
        if r.selfReferral { prio.append(Span(" (" + s.selfReferral + ")")) }
        field(s.priority, TextLine(prio))
        out.append(TextLine([Span(s.from + ": ", Style(.muted)), Span(state.unitName(r.fromUnitId)),
                             Span("  " + s.to + ": ", Style(.muted)), Span(state.unitName(r.toUnitId))]))
        out.append(TextLine([Span(s.sent + ": ", Style(.muted)), Span(r.sentOn?.iso ?? "–"),
                             Span("  " + s.booked + ": ", Style(.muted)), Span(r.bookedOn?.iso ?? "–"),
                             Span("  " + s.seen + ": ", Style(.muted)), Span(r.seenOn?.iso ?? "–")]))
        field(s.guarantee, TextLine([Span(s.guarantee(r.guarantee) + " · ")] + clockCell(r).spans))
        if r.state.awaitsVisit || r.seenOn != nil, let moved = r.guaranteeClock()?.movedDeadline(today: today) {
            out.append(TextLine("  " + s.deadlineMoved(moved.pausedDays, moved.deadline.iso), .role(.warning)))
        }
        for pause in r.pauses {
            let until = pause.to?.iso ?? s.ongoing
            let note = pause.comment.isEmpty ? "" : ": " + pause.comment
            let offer = pause.offeredOn.map { " (" + s.offered($0.iso) + ")" } ?? ""
            out.append(TextLine("  " + s.pause(pause.kind) + " " + pause.from.iso + " – " + until + note + offer,
                                .role(.muted)))
        }
        if let reply = r.reply { field(s.reply, TextLine(reply)) }
        out.append(TextLine(s.history, Style(.accent, .bold)))
        for event in r.history {
            var spans = [Span(WallClock.dateTime(event.at) + " ", Style(.muted)),
                         Span(s.step(event.action), Style(.text, .bold)),
                         Span(" " + state.staffName(event.staffId) + ", " + state.unitName(event.unitId))]
            if let to = event.forwardedTo { spans.append(Span(" " + s.forwardedTo + " " + state.unitName(to))) }
            if !event.comment.isEmpty { spans.append(Span(" – " + event.comment, Style(.muted))) }
            out.append(TextLine(spans))
        }
        return out
    }
}
