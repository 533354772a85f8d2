import NaraDomain
import Testing

@Suite struct LocalDateParsingTests {
    @Test func readsStrictIsoDates() {
        #expect(LocalDate(iso: "2025-06-15") == LocalDate(year: 2025, month: 6, day: 15))
        #expect(LocalDate(iso: "1900-01-01") == LocalDate(year: 1900, month: 1, day: 1))
        #expect(LocalDate(iso: "2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate(iso: String("x2025-06-15".dropFirst())) == LocalDate(year: 2025, month: 6, day: 15))
    }

    @Test(arguments: ["2025-6-15", "2025-06-5", "20250615", "2025/06/15", "2025-02-30", "2025-13-01", "2025-00-10",
                      "+025-01-01", "2025-01-01x", " 2025-01-01", "", "２０２５-01-01", "2025-0a-01", "2025-06-15\n"])
    func refusesAnythingElse(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }
}
