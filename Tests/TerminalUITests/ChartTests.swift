import Testing
@testable import TerminalUI

@Suite struct SparklineTests {
    @Test func scaledToTheLargestValue() {
        let b = rendered(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8]), width: 9, height: 1)
        #expect(b.lines == ["▁▁▂▃▄▅▆▇█"])
        #expect(roles(b, row: 0).allSatisfy { $0 == .accent })
    }

    @Test func showsTheMostRecentValuesThatFit() {
        #expect(rendered(Sparkline(values: [1, 2, 3, 4, 8]), width: 3, height: 1).lines == ["▃▄█"])
        #expect(rendered(Sparkline(values: [5]), width: 4, height: 2).lines == ["█   ", "    "])
    }

    @Test func zerosAndNegatives() {
        #expect(rendered(Sparkline(values: [0, 0, 0]), width: 3, height: 1).lines == ["   "])
        #expect(rendered(Sparkline(values: [-3, 0, 10]), width: 3, height: 1).lines == ["▁▁█"])
        #expect(Sparkline(values: []).levels(width: 4) == [])
    }

    @Test func aTrendIsScaledFromItsLowestValue() {
        // HbA1c 64, 58, 55, 51: from zero all four would look alike.
        #expect(Sparkline(values: [64, 58, 55, 51]).levels(width: 4) == [8, 7, 7, 6])
        #expect(Sparkline(values: [64, 58, 55, 51], fromMinimum: true).levels(width: 4) == [8, 5, 3, 1])
        #expect(Sparkline(values: [52, 52], fromMinimum: true).levels(width: 2) == [4, 4])
    }

    @Test func asciiLevels() {
        #expect(rendered(Sparkline(values: [0, 4, 8], glyphs: .ascii), width: 3, height: 1).lines == [".=%"])
    }
}

@Suite struct BarChartTests {
    @Test func barsScaledWithTheirValues() {
        let chart = BarChart(bars: [(label: "Väntar", value: 4), (label: "Skickad", value: 8), (label: "日本", value: 0)])
        let b = rendered(chart, width: 20, height: 4)
        #expect(b.lines == [
            "Väntar  █████ 4     ",
            "Skickad ██████████ 8",
            "日本     0          ",
            "                    ",
        ])
        #expect(b[8, 0].role == .accent)
        #expect(b[0, 0].role == .text)
    }

    @Test func eighthBlocksAndTheirAsciiRounding() {
        let bars = [(label: "a", value: 3), (label: "b", value: 8)]
        #expect(rendered(BarChart(bars: bars), width: 8, height: 2).lines == ["a █▌ 3  ", "b ████ 8"])
        #expect(rendered(BarChart(bars: bars, glyphs: .ascii), width: 8, height: 2).lines == ["a ## 3  ", "b #### 8"])
    }

    @Test func longLabelsTakeAtMostHalf() {
        let b = rendered(BarChart(bars: [(label: "Mycket lång etikett", value: 2)]), width: 12, height: 1)
        #expect(b.lines == ["Mycke… ███ 2"])
    }

    @Test func wideLabelAtTheCut() {
        let b = rendered(BarChart(bars: [(label: "日本語", value: 1)]), width: 9, height: 1)
        #expect(b.lines == ["日…  ██ 1"])
    }

    @Test func moreBarsThanRows() {
        let b = rendered(BarChart(bars: [(label: "å", value: 1), (label: "ä", value: 2), (label: "ö", value: 3)]),
                         width: 6, height: 2)
        // The hidden bar still sets the scale, so bars do not change when rows are added.
        #expect(b.lines == ["å ▋ 1 ", "ä █▍ 2"])
    }
}
