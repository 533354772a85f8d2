import NaraDomain
import Testing

@Suite struct SwedishOrderKeyTests {
    static let names = ["Öberg Åsa", "Oberg Anna", "Åström Jörgen", "Ängel Ärla", "Zetterlund Zoe", "Ödman Ölof",
                        "Ärlig Åke", "Adolfsson Émile", "Andersson Eva", "Müller Ülla", "Muller Yngve", "Ørsted Ida",
                        "Æbelø Per", "ANDERSSON BO", "andersson åsa", "~ 191212121212", "Berg 19450303-4565"]

    @Test func scalarKeysSortAsTheStringKeys() {
        let byString = Self.names.sorted { SwedishOrder.key($0) < SwedishOrder.key($1) }
        let byScalars = SwedishOrder.sorted(Self.names) { $0 }
        #expect(byScalars == byString)
    }

    @Test func scalarKeyIsTheStringKeysScalars() {
        for name in Self.names {
            #expect(SwedishOrder.scalarKey(name) == SwedishOrder.key(name).unicodeScalars.map(\.value), "\(name)")
        }
    }

    @Test func decomposedTextGivesTheSameKeyAsComposed() {
        #expect(SwedishOrder.scalarKey("A\u{30A}sa") == SwedishOrder.scalarKey("Åsa"))
        #expect(SwedishOrder.sorted(["O\u{308}berg", "Zetterlund"]) { $0 } == ["Zetterlund", "O\u{308}berg"])
    }

    @Test func åÄÖComeAfterZInThatOrder() {
        #expect(SwedishOrder.sorted(["Ö", "Ä", "Å", "Z", "A"]) { $0 } == ["A", "Z", "Å", "Ä", "Ö"])
    }
}
