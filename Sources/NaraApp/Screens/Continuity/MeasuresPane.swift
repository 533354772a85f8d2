import NaraDomain
import TerminalUI

/// Continuity for doctors, nurses and all staff over 18 months, with encounters per
/// month and per provider beside it. A ratio with fewer than two encounters shows "–":
/// 0 or 1 would read as a finding where there is none.
struct MeasuresPane: Widget {
    var strings: Strings
    var words: ContinuityStrings
    var facts: ContinuityFacts
    var glyphs: Glyphs
    /// The summary under another section: no alerts, no window line.
    var compact: Bool

    func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        var top = area
        if !compact {
            let alerts = facts.alerts(words)
            for (i, alert) in alerts.enumerated() {
                buffer.put(TextLine("! " + alert, Style(.warning, .bold)), in: area.row(i))
            }
            let window = facts.report.window
            buffer.put(TextLine(words.window(ContinuityFacts.months, window.lowerBound.iso, window.upperBound.iso)
                                + " · " + words.scope(facts.scope), Style(.title)), in: area.row(alerts.count))
            top = area.inset(top: alerts.count + 2)
        }
        let tableWidth = min(46, max(0, top.width - 34))
        let columns = Layout.horizontal([.length(tableWidth), .length(2), .fill(1)]).split(top)
        table(in: columns[0], buffer: &buffer)
        charts(in: columns[2], buffer: &buffer)
    }

    private func table(in area: Rect, buffer: inout Buffer) {
        let r = facts.report
        let groups = [r.doctors, r.nurses, r.all]
        func ratio(_ pick: (ContinuityMeasures) -> Double?) -> [TextLine] {
            groups.map { m in TextLine(m.encounters < 2 ? "–" : pick(m).map { strings.decimal($0, digits: 2) } ?? "–") }
        }
        let rows: [[TextLine]] = [
            [TextLine(words.measureN)] + groups.map { TextLine(String($0.encounters)) },
            [TextLine(words.measureProviders)] + groups.map { TextLine(String($0.providers)) },
            [TextLine("UPC")] + ratio(\.upc),
            [TextLine("COC")] + ratio(\.coc),
            [TextLine("SECON")] + ratio(\.secon),
            [TextLine("MMCI")] + ratio(\.mmci),
            [TextLine(words.measureKnown)] + ratio(\.knownProvider),
            [TextLine(words.measureNamed)] + ratio(\.namedContactShare),
        ]
        let columns = [TableColumn("", width: .fill(1))] + [words.groupDoctors, words.groupNurses, words.groupAll].map {
            TableColumn($0, width: .length(7), alignment: .right)
        }
        let tableArea = Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, rows.count + 1))
        Table(columns: columns, rows: rows, state: ListState(), glyphs: glyphs).render(in: tableArea, buffer: &buffer)
        // The note wraps over the rows left rather than being cut.
        let note = Paragraph.wrap(words.notAvailableNote, width: max(1, area.width))
        for (i, line) in note.enumerated() where rows.count + 1 + i < area.height {
            buffer.put(TextLine(line, Style(.muted)), in: area.row(rows.count + 1 + i))
        }
        trends(in: area.inset(top: rows.count + 2 + note.count), buffer: &buffer)
    }

    /// HbA1c and systolic pressure over time, one row each: name, a sparkline of the
    /// latest values, the latest value and its day. Nothing for a patient without them.
    private func trends(in area: Rect, buffer: inout Buffer) {
        let observations = facts.record.observations
        let kinds = [ObservationKind.hba1c, .bloodPressure].filter { kind in observations.contains { $0.kind == kind } }
        let nameWidth = kinds.map { DisplayWidth.of(strings.observationName($0)) }.max() ?? 0
        for (i, kind) in kinds.enumerated() where i < area.height {
            let row = area.row(i)
            let series = observations.series(kind)
            buffer.put(TextLine(DisplayWidth.pad(strings.observationName(kind), to: nameWidth + 1), Style(.header)), in: row)
            let spark = Rect(x: row.x + nameWidth + 1, y: row.y, width: min(series.count, 12), height: 1).intersection(row)
            Sparkline(values: series.map { Int($0.value.rounded()) }, glyphs: glyphs, fromMinimum: true)
                .render(in: spark, buffer: &buffer)
            guard let last = observations.latestByKind().first(where: { $0.kind == kind }) else { continue }
            let text = " " + last.valueText + " " + kind.unitText + "  " + LocalDate(date: last.at, in: .stockholm).iso
            buffer.put(TextLine(text, Style(.muted)), in: Rect(x: spark.maxX, y: row.y, width: max(0, row.maxX - spark.maxX),
                                                                height: 1))
        }
    }

    private func charts(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let window = facts.report.window
        // Calendar months, the last one being this month: the first label is the oldest bar.
        let months = facts.perMonth.count
        let first = String(window.upperBound.adding(months: 1 - months).iso.prefix(7))
        let last = String(window.upperBound.iso.prefix(7))
        buffer.put(TextLine(words.perMonth + " (\(facts.perMonth.reduce(0, +)))", Style(.text, .bold)), in: area.row(0))
        let spark = Rect(x: area.x, y: area.y + 1, width: min(months, area.width), height: 1).intersection(area)
        Sparkline(values: facts.perMonth, glyphs: glyphs).render(in: spark, buffer: &buffer)
        if spark.width >= 2 * DisplayWidth.of(first) + 1 {
            buffer.put(first, x: spark.x, y: spark.y + 1, style: Style(.muted), clip: area)
            buffer.put(last, x: spark.maxX - DisplayWidth.of(last), y: spark.y + 1, style: Style(.muted), clip: area)
        }
        buffer.put(TextLine(words.perProvider, Style(.text, .bold)), in: area.row(3))
        let providers = facts.report.all.perProvider
        let bars = area.inset(top: 4)
        guard !providers.isEmpty else {
            buffer.put(TextLine(words.noProviders, Style(.muted)), in: bars.row(0))
            return
        }
        let shown = providers.count > bars.height ? Array(providers.prefix(max(0, bars.height - 1))) : providers
        BarChart(bars: shown.map { (label: facts.staffName($0.staffId), value: $0.count) }, glyphs: glyphs)
            .render(in: bars, buffer: &buffer)
        if shown.count < providers.count {
            let rest = providers.dropFirst(shown.count).reduce(0) { $0 + $1.count }
            buffer.put(TextLine("+\(providers.count - shown.count) (\(rest))", Style(.muted)), in: bars.row(shown.count))
        }
    }
}
