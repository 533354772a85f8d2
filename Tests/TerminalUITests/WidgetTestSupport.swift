import Testing
@testable import TerminalUI

/// Renders a widget into a fresh buffer of the given size, over the whole buffer.
func rendered(_ widget: some Widget, width: Int, height: Int) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    widget.render(in: buffer.area, buffer: &buffer)
    return buffer
}

/// Styles of one row, as snapshot text: one entry per cell.
func roles(_ buffer: Buffer, row y: Int) -> [StyleRole] {
    (0..<buffer.width).map { buffer[$0, y].role }
}

extension Cell {
    var role: StyleRole { style.role }
}

/// Every widget in a typical configuration, for the checks that all of them must pass.
struct WidgetSample: Sendable, CustomTestStringConvertible {
    let name: String
    let widget: any Widget & Sendable
    var testDescription: String { name }

    static let all: [WidgetSample] = [
        WidgetSample(name: "Frame", widget: Frame(title: "Remisser")),
        WidgetSample(name: "Paragraph", widget: Paragraph("Åsa Öberg har fått en remiss till 日本")),
        WidgetSample(name: "ListView", widget: ListView(["Åsa", "Björn", "日本", "Östen"], state: ListState(selected: 1))),
        WidgetSample(name: "Table", widget: Table(columns: [TableColumn("Namn"), TableColumn("Ålder", width: .length(5))],
                                                  rows: [["Åsa", "42"], ["日本", "7"]], state: ListState(selected: 0),
                                                  sortColumn: 0)),
        WidgetSample(name: "Tabs", widget: Tabs(titles: ["Inkorg", "Utkorg"], selected: 0)),
        WidgetSample(name: "FunctionBar", widget: FunctionBar(items: [(key: "F1", label: "Hjälp"), (key: "F10", label: "Avsluta")])),
        WidgetSample(name: "StatusLine", widget: StatusLine(left: "Vårdcentralen Örebro", right: "sköterska 日")),
        WidgetSample(name: "Modal", widget: Modal(title: "Spara?", lines: [TextLine("Ändringar går förlorade.")],
                                                  buttons: ["OK", "Avbryt"])),
        WidgetSample(name: "Sparkline", widget: Sparkline(values: [0, 1, 5, 8])),
        WidgetSample(name: "BarChart", widget: BarChart(bars: [(label: "Väntar", value: 3), (label: "日本", value: 8)])),
    ]
}

@Suite struct EveryWidget {
    @Test(arguments: WidgetSample.all)
    func drawsNothingIntoAnEmptyArea(sample: WidgetSample) {
        var empty = Buffer(width: 0, height: 0)
        sample.widget.render(in: .zero, buffer: &empty)
        #expect(empty.lines == [])

        var buffer = Buffer(width: 4, height: 3)
        buffer.fill(buffer.area, symbol: "·")
        let before = buffer
        sample.widget.render(in: Rect(x: 2, y: 1, width: 0, height: 0), buffer: &buffer)
        sample.widget.render(in: Rect(x: 1, y: 1, width: 3, height: 0), buffer: &buffer)
        sample.widget.render(in: Rect(x: 1, y: 1, width: 0, height: 2), buffer: &buffer)
        #expect(buffer == before)
    }

    @Test(arguments: WidgetSample.all)
    func staysInsideATinyArea(sample: WidgetSample) {
        var buffer = Buffer(width: 3, height: 3)
        buffer.fill(buffer.area, symbol: "·")
        sample.widget.render(in: Rect(x: 1, y: 1, width: 1, height: 1), buffer: &buffer)
        for y in 0..<3 {
            for x in 0..<3 where !(x == 1 && y == 1) {
                #expect(buffer[x, y].symbol == "·", "\(sample.name) wrote at \(x),\(y)")
            }
        }
        #expect(!buffer[1, 1].isContinuation)
    }

    @Test(arguments: WidgetSample.all, [1, 2, 3, 5, 7, 11])
    func staysInsideItsAreaAtAnySize(sample: WidgetSample, size: Int) {
        var buffer = Buffer(width: size + 4, height: size + 4)
        buffer.fill(buffer.area, symbol: "·")
        let area = Rect(x: 2, y: 2, width: size, height: size)
        sample.widget.render(in: area, buffer: &buffer)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                #expect(buffer[x, y].symbol == "·", "\(sample.name) wrote at \(x),\(y)")
            }
        }
        // A wide character cut at the right edge must not leave half of itself behind.
        for y in area.y..<area.maxY {
            #expect(!buffer[area.x, y].isContinuation)
            let last = buffer[area.maxX - 1, y].symbol
            #expect(last.isEmpty || DisplayWidth.of(Character(last)) < 2)
        }
    }
}
