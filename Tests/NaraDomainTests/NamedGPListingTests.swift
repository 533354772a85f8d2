import Foundation
import Testing
@testable import NaraDomain

/// The named GP follows the listing: one counts only at the listing unit, and many
/// changes of listing within a year are a warning.
@Suite struct NamedGPListingTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    let patient = PatientID(7)

    func listing(_ unit: UnitID, _ from: String, _ to: String? = nil) -> Listing {
        Listing(patientId: patient, unitId: unit, from: Self.day(from), to: to.map(Self.day))
    }

    func gp(_ unit: UnitID, from: String, to: String? = nil) -> CareContact {
        CareContact(id: 1, patientId: patient, role: .namedPhysician, staffId: "per.holm", unitId: unit,
                    reason: "listning", from: Self.day(from), to: to.map(Self.day))
    }

    @Test func onlyTheNamedGPAtTheActiveListingCounts() {
        let here = listing("SE-vc1", "2024-02-29")
        let today = Self.day("2025-02-28")
        #expect(NamedGP.current(contacts: [gp("SE-vc1", from: "2024-02-29")], listing: here, on: today)?.unitId == "SE-vc1")
        #expect(NamedGP.current(contacts: [gp("SE-vc2", from: "2024-02-29")], listing: here, on: today) == nil)
        // Listing ended on the day: nobody's named GP any more.
        let ended = listing("SE-vc1", "2024-02-29", "2025-02-28")
        #expect(NamedGP.current(contacts: [gp("SE-vc1", from: "2024-02-29")], listing: ended, on: today) == nil)
        #expect(NamedGP.current(contacts: [gp("SE-vc1", from: "2024-02-29")], listing: nil, on: today) == nil)
    }

    /// The window is the twelve months ending today, its first day one day after the
    /// same day a year before: on 2025-02-28 it starts on 2024-02-29 (a leap day) and
    /// on 2024-03-31 it starts on 2023-04-01 (a month end).
    @Test func listingChangesAreCountedInTheTwelveMonthsEndingToday() {
        let listings = [
            listing("SE-vc1", "2020-01-31", "2024-02-28"),
            listing("SE-vc2", "2024-02-28", "2024-02-29"),
            listing("SE-vc3", "2024-02-29", "2024-08-31"),
            listing("SE-vc3", "2024-08-31", "2024-12-31"),  // listed again at the same unit: no change
            listing("SE-vc1", "2024-12-31"),
        ]
        #expect(NamedGP.listingChanges(listings, months: 12, endingOn: Self.day("2025-02-27")) == 3)
        #expect(NamedGP.listingChanges(listings, months: 12, endingOn: Self.day("2025-02-28")) == 2)
        #expect(NamedGP.listingChanges(listings, months: 12, endingOn: Self.day("2024-02-28")) == 1)
        // The first listing is no change.
        #expect(NamedGP.listingChanges([listing("SE-vc1", "2024-03-31")], months: 12,
                                       endingOn: Self.day("2024-03-31")) == 0)
    }

    @Test func moreThanTwoChangesInAYearIsAWarningOnTheRecord() {
        let today = Self.day("2025-02-27")
        let p = Patient(id: patient, identifier: try! PersonIdentifier.parse("19121212-1212", today: today),
                        givenName: "Tolvan", familyName: "Tolvansson", sex: .male, birthDate: nil)
        func record(_ listings: [Listing]) -> PatientRecord {
            PatientRecord(patient: p, listings: listings, contacts: [], problems: [], encounters: [], referrals: [],
                          plans: [], discharges: [], staff: [:], units: [:])
        }
        let three = [listing("SE-vc1", "2020-01-31", "2024-02-28"), listing("SE-vc2", "2024-02-28", "2024-02-29"),
                     listing("SE-vc3", "2024-02-29", "2024-12-31"), listing("SE-vc1", "2024-12-31")]
        #expect(PatientAlerts.derive(record(three), today: today).contains(.frequentListingChanges(count: 3, months: 12)))
        #expect(!PatientAlerts.derive(record(three), today: Self.day("2025-02-28")).contains {
            if case .frequentListingChanges = $0 { return true } else { return false }
        })
        #expect(!PatientAlert.frequentListingChanges(count: 3, months: 12).isDanger)
    }
}
