import Testing
@testable import NaraDomain
@Test func localDateRoundTrip() { #expect(LocalDate(year: 2024, month: 2, day: 29)?.iso == "2024-02-29") }
