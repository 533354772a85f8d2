import Foundation
import NaraDomain
import Testing
@testable import NaraStore

@Suite struct PatientSearchTests {
    let f: StoreFixture

    init() throws {
        f = try StoreFixture()
        try f.patient(TestPnr.a, "Åsa", "Öberg")
        try f.patient(TestPnr.b, "Anna", "Oberg")
        try f.patient(TestPnr.c, "Jörgen", "Åström-Lind")
        try f.patient(TestPnr.tolvan, "Tolvan", "Tolvansson", protected: true)
    }

    func names(_ query: String) throws -> [String] {
        try f.store.searchPatients(query, limit: 50, as: f.nurse).map { $0.name ?? "<skyddad>" }
    }

    @Test func åÄÖAreLettersOfTheirOwn() throws {
        defer { f.remove() }
        #expect(try names("öb") == ["Åsa Öberg"])
        #expect(try names("Öb") == ["Åsa Öberg"])
        #expect(try names("ob") == ["Anna Oberg"])
        #expect(try names("ås") == ["Jörgen Åström-Lind", "Åsa Öberg"]) // Å sorts before Ö
        #expect(try names("as") == [])
    }

    @Test func everyWordIsAPrefixAndPartsOfDoubleNamesCount() throws {
        defer { f.remove() }
        #expect(try names("jö lin") == ["Jörgen Åström-Lind"])
        #expect(try names("lind") == ["Jörgen Åström-Lind"])
        #expect(try names("anna ober") == ["Anna Oberg"])
        #expect(try names("x") == [])
    }

    @Test func identifiersWithAndWithoutCenturyAndSeparator() throws {
        defer { f.remove() }
        for query in ["19450303-4565", "194503034565", "450303-4565", "4503034565", "450303", "19450303", "4503"] {
            #expect(try names(query) == ["Åsa Öberg"], "query \(query)")
        }
        #expect(try names("19450303-4566") == [])
    }

    @Test func protectedIdentityIsMaskedAndNeverFoundByName() throws {
        defer { f.remove() }
        #expect(try names("tolv") == [])
        let hit = try #require(try f.store.searchPatients("19121212-1212", limit: 5, as: f.nurse).first)
        #expect(hit.name == nil)
        #expect(hit.protectedIdentity)
        #expect(hit.identifier.display == "19121212-1212")
    }

    /// Identification only: the listing unit, not the named contact (coordination information).
    @Test func resultsShowTheListingUnitAndNoNamedContact() throws {
        defer { f.remove() }
        let id = try #require(try f.store.searchPatients("öberg", limit: 5, as: f.nurse).first?.id)
        _ = try f.store.assignContact(NewCareContact(patientId: id, role: .careContact, staffId: "karin.berg",
                                                     unitId: StoreFixture.vc, reason: "Samordning", from: f.today),
                                      as: f.nurse)
        let hit = try #require(try f.store.searchPatients("öberg", limit: 5, as: f.nurse).first)
        #expect(hit.listingUnitName == "Vårdcentralen Ekbacken")
        #expect(hit.namedContactName == nil)
        #expect(hit.birthDate == LocalDate(year: 1945, month: 3, day: 3))
    }

    @Test func searchIsNotLoggedButOpeningIs() throws {
        defer { f.remove() }
        let before = try f.logCount()
        _ = try f.store.searchPatients("a", limit: 50, as: f.nurse)
        #expect(try f.logCount() == before)
    }
}
