@testable import NcursesBackend
import Testing
import TerminalUI

/// Themes written for 256 colours stay readable on smaller terminals.
@Suite struct ColorMappingTests {
    @Test func keepsEverythingOn256ColourTerminals() {
        let mapping = ColorMapping(capability: .extended256, hasDefaultColors: true)
        #expect(mapping.foreground(.indexed(208)).number == 208)
        #expect(mapping.foreground(.default).number == -1)
        #expect(mapping.background(.ansi(4)) == 4)
    }

    @Test(arguments: [(196, 9), (46, 10), (21, 4), (16, 0), (231, 15), (244, 8), (250, 7)])
    func picksTheNearestOf16(index: Int, expected: Int) {
        #expect(ColorMapping.nearestOf16(index) == expected)
    }

    @Test func brightColoursBecomeBoldOnEightColourTerminals() {
        let mapping = ColorMapping(capability: .eight, hasDefaultColors: true)
        let fg = mapping.foreground(.ansi(11))
        #expect(fg.number == 3)
        #expect(fg.bold)
        #expect(mapping.background(.indexed(196)) == 1)
        #expect(mapping.foreground(.ansi(2)).bold == false)
    }

    @Test func withoutDefaultColoursFallsBackToWhiteOnBlack() {
        let mapping = ColorMapping(capability: .sixteen, hasDefaultColors: false)
        #expect(mapping.foreground(.default).number == 7)
        #expect(mapping.background(.default) == 0)
    }

    @Test func pairsAreAllocatedOnceAndNeverPastTheLimit() {
        var cache = ColorPairCache(limit: 3)
        var allocated: [(Int32, Int32, Int32)] = []
        let allocate: (Int32, Int32, Int32) -> Bool = { allocated.append(($0, $1, $2)); return true }
        #expect(cache.pair(foreground: -1, background: -1, allocate: allocate) == 0)
        #expect(cache.pair(foreground: 1, background: -1, allocate: allocate) == 1)
        #expect(cache.pair(foreground: 1, background: -1, allocate: allocate) == 1)
        #expect(cache.pair(foreground: 2, background: 4, allocate: allocate) == 2)
        #expect(cache.pair(foreground: 3, background: 4, allocate: allocate) == 0)
        #expect(allocated.count == 2)
        cache.removeAll()
        #expect(cache.pair(foreground: 3, background: 4, allocate: allocate) == 1)
    }
}
