import NaraDomain
import Testing

/// `PatientSearchStore` as every store must keep it, run against each backend: the same
/// text finds the same patients, shown the same way, to the same people.
@Suite struct PatientSearchConformanceTests {
    static let vc: UnitID = "SE2321000164-vc01"
    static let kard: UnitID = "SE2321000164-kard"

    static let nurse = AccessContext(staffId: "karin.berg", unitId: vc, sessionId: "s-nurse")
    static let retired = AccessContext(staffId: "olof.hagg", unitId: vc, sessionId: "s-retired")
    static let administrator = AccessContext(staffId: "sys.admin", unitId: vc, sessionId: "s-admin")
    static let cardiologist = AccessContext(staffId: "erik.sjoberg", unitId: kard, sessionId: "s-kard")

    static let asa = TestPatient(identifier: "19450303-4565", given: "Åsa", family: "Öberg", listedAt: vc)
    static let anna = TestPatient(identifier: "19380524-9244", given: "Anna", family: "Oberg", listedAt: vc)
    static let jorgen = TestPatient(identifier: "19520101-7372", given: "Jörgen", family: "Åström-Lind", listedAt: vc)
    static let annaLund = TestPatient(identifier: "19800101-1231", given: "Anna", family: "Lund", listedAt: kard)
    static let anneli = TestPatient(identifier: "19810202-2343", given: "Anneli", family: "Lundberg")
    static let tolvan = TestPatient(identifier: "19121212-1212", given: "Tolvan", family: "Tolvansson",
                                    protected: true, listedAt: vc)

    /// Units, staff (one of each kind of access) and the patients above, in every store alike.
    func clinic(_ backend: StoreBackend) throws -> (BackendStore, [PatientID]) {
        let s = try BackendStore(backend)
        try s.store.addUnit(CareUnit(id: Self.vc, name: "Vårdcentralen Ekbacken", principal: .region, kind: .primaryCare))
        try s.store.addUnit(CareUnit(id: Self.kard, name: "Kardiologmottagningen", principal: .region, kind: .specialist))
        try s.store.addStaff(Staff(id: "karin.berg", name: "Karin Berg", profession: .districtNurse, unitId: Self.vc,
                                   roles: [.nurse]))
        try s.store.addStaff(Staff(id: "olof.hagg", name: "Olof Hägg", profession: .physician, unitId: Self.vc,
                                   roles: [.physician], active: false))
        try s.store.addStaff(Staff(id: "sys.admin", name: "Sara Admin", profession: .other, unitId: Self.vc,
                                   roles: [.administrator, .logReviewer]))
        try s.store.addStaff(Staff(id: "erik.sjoberg", name: "Erik Sjöberg", profession: .physician, unitId: Self.kard,
                                   roles: [.physician]))
        let ids = try s.insert([Self.asa, Self.anna, Self.jorgen, Self.annaLund, Self.anneli, Self.tolvan])
        return (s, ids)
    }

    func names(_ s: BackendStore, _ query: String, as context: AccessContext = nurse) throws -> [String] {
        try s.store.searchPatients(query, limit: 50, as: context).map { $0.name ?? "<skyddad>" }
    }

    @Test(arguments: StoreBackend.available)
    func identifierWithAndWithoutCenturyAndSeparator(_ backend: StoreBackend) throws {
        let (s, _) = try clinic(backend)
        defer { s.remove() }
        for query in ["19450303-4565", "194503034565", "450303-4565", "4503034565", "450303+4565"] {
            #expect(try names(s, query) == ["Åsa Öberg"], "query \(query)")
        }
        #expect(try names(s, "19450303-4566") == [])
        #expect(try names(s, "1945030345650") == [])
    }

    @Test(arguments: StoreBackend.available)
    func identifierPrefixes(_ backend: StoreBackend) throws {
        let (s, _) = try clinic(backend)
        defer { s.remove() }
        for query in ["450303", "19450303", "4503", "194503"] {
            #expect(try names(s, query) == ["Åsa Öberg"], "query \(query)")
        }
        // Both 1980s patients, by the short form and by the stored one.
        #expect(try names(s, "8").sorted() == ["Anna Lund", "Anneli Lundberg"])
        #expect(try names(s, "198").sorted() == ["Anna Lund", "Anneli Lundberg"])
        #expect(try names(s, "5").isEmpty == false)
    }

    @Test(arguments: StoreBackend.available)
    func everyWordIsTheBeginningOfANameWord(_ backend: StoreBackend) throws {
        let (s, _) = try clinic(backend)
        defer { s.remove() }
        #expect(try names(s, "ann lund") == ["Anna Lund", "Anneli Lundberg"])
        #expect(try names(s, "lund ann") == ["Anna Lund", "Anneli Lundberg"])
        #expect(try names(s, "anna lund") == ["Anna Lund"])
        #expect(try names(s, "anna ober") == ["Anna Oberg"])
        #expect(try names(s, "jö lin") == ["Jörgen Åström-Lind"])
        #expect(try names(s, "lind") == ["Jörgen Åström-Lind"])
        #expect(try names(s, "ANNELI") == ["Anneli Lundberg"])
        #expect(try names(s, "x") == [])
        #expect(try names(s, "anna x") == [])
        #expect(try names(s, "-- ..") == [])
    }

    /// Swedish treats å, ä and ö as letters of their own.
    @Test(arguments: StoreBackend.available)
    func åÄÖAreLettersOfTheirOwn(_ backend: StoreBackend) throws {
        let (s, _) = try clinic(backend)
        defer { s.remove() }
        #expect(try names(s, "öb") == ["Åsa Öberg"])
        #expect(try names(s, "Öb") == ["Åsa Öberg"])
        #expect(try names(s, "ob") == ["Anna Oberg"])
        #expect(try names(s, "å") == ["Jörgen Åström-Lind", "Åsa Öberg"])
        #expect(try names(s, "ås") == ["Jörgen Åström-Lind", "Åsa Öberg"])
        #expect(try names(s, "as") == [])
        #expect(try names(s, "a") == ["Anna Lund", "Anneli Lundberg", "Anna Oberg"])
    }

    @Test(arguments: StoreBackend.available)
    func atMostLimitRows(_ backend: StoreBackend) throws {
        let (s, _) = try clinic(backend)
        defer { s.remove() }
        let more = ["198203033454", "198304044566", "198405055677", "198506066789", "198607077891", "198708088904"]
        try s.insert(more.enumerated().map { TestPatient(identifier: $1, given: "Berit\($0)", family: "Berg") })
        let found = try s.store.searchPatients("berg", limit: 4, as: Self.nurse)
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0.name?.hasSuffix(" Berg") == true })
        #expect(try s.store.searchPatients("berg", limit: 50, as: Self.nurse).count == 6)
        #expect(try s.store.searchPatients("19", limit: 2, as: Self.nurse).count <= 2)
        #expect(try s.store.searchPatients("berg", limit: 0, as: Self.nurse).isEmpty)
    }

    /// Found only by the whole identifier, so digits typed one by one cannot list
    /// where protected people are listed, and shown masked.
    @Test(arguments: StoreBackend.available)
    func protectedIdentityIsFoundOnlyByTheWholeIdentifierAndMasked(_ backend: StoreBackend) throws {
        let (s, ids) = try clinic(backend)
        defer { s.remove() }
        #expect(try names(s, "tolv") == [])
        #expect(try names(s, "191212") == [])
        for query in ["19121212-1212", "121212-1212", "1212121212"] {
            let hit = try #require(try s.store.searchPatients(query, limit: 5, as: Self.nurse).first, "query \(query)")
            #expect(hit.name == nil)
            #expect(hit.protectedIdentity)
            #expect(hit.listingUnitId == nil && hit.listingUnitName == nil)
            #expect(hit.identifier.display == "19121212-1212")
        }
        let summary = try #require(try s.store.patientSummary(ids[5], as: Self.nurse))
        #expect(summary.name == nil && summary.listingUnitName == nil && summary.protectedIdentity)
    }

    @Test(arguments: StoreBackend.available)
    func anInactiveUserIsRefused(_ backend: StoreBackend) throws {
        let (s, ids) = try clinic(backend)
        defer { s.remove() }
        #expect(throws: StoreError.accessDenied(.inactiveUser)) { try s.store.searchPatients("anna", limit: 5, as: Self.retired) }
        #expect(throws: StoreError.accessDenied(.inactiveUser)) { try s.store.patientSummary(ids[0], as: Self.retired) }
    }

    @Test(arguments: StoreBackend.available)
    func aRoleThatReadsNoPatientFindsNoOne(_ backend: StoreBackend) throws {
        let (s, ids) = try clinic(backend)
        defer { s.remove() }
        for query in ["anna", "19450303-4565", "4503", "--"] {
            #expect(throws: StoreError.accessDenied(.notForRole)) {
                try s.store.searchPatients(query, limit: 5, as: Self.administrator)
            }
        }
        #expect(throws: StoreError.accessDenied(.notForRole)) { try s.store.patientSummary(ids[0], as: Self.administrator) }
        let stranger = AccessContext(staffId: "nobody", unitId: Self.vc, sessionId: "s-x")
        #expect(throws: StoreError.unknownStaff("nobody")) { try s.store.searchPatients("anna", limit: 5, as: stranger) }
    }

    /// Identification only: the listing unit, not the named contact; no relationship
    /// needed to find someone listed elsewhere; nothing logged.
    @Test(arguments: StoreBackend.available)
    func resultsAreIdentificationOnlyAndNotLogged(_ backend: StoreBackend) throws {
        let (s, ids) = try clinic(backend)
        defer { s.remove() }
        try s.insertCareContact(ids[0], staff: "karin.berg", unit: Self.vc)
        let before = try s.logCount()
        let hit = try #require(try s.store.searchPatients("öberg", limit: 5, as: Self.nurse).first)
        #expect(hit.id == ids[0])
        #expect(hit.listingUnitId == Self.vc && hit.listingUnitName == "Vårdcentralen Ekbacken")
        #expect(hit.namedContactName == nil)
        #expect(hit.birthDate == LocalDate(year: 1945, month: 3, day: 3))
        #expect(hit.sex == .female)
        #expect(try names(s, "ann lund", as: Self.cardiologist) == ["Anna Lund", "Anneli Lundberg"])
        #expect(try s.logCount() == before)
    }

    @Test(arguments: StoreBackend.available)
    func aPatientsSummaryNamesTheContactAtTheListingUnit(_ backend: StoreBackend) throws {
        let (s, ids) = try clinic(backend)
        defer { s.remove() }
        try s.insertCareContact(ids[0], staff: "erik.sjoberg", unit: Self.kard)
        try s.insertCareContact(ids[0], staff: "karin.berg", unit: Self.vc)
        let summary = try #require(try s.store.patientSummary(ids[0], as: Self.nurse))
        #expect(summary == PatientSummary(
            id: ids[0], identifier: try PersonIdentifier.parse("19450303-4565", today: LocalDate(year: 2026, month: 11, day: 23)!),
            name: "Åsa Öberg", sex: .female, birthDate: LocalDate(year: 1945, month: 3, day: 3), protectedIdentity: false,
            listingUnitId: Self.vc, listingUnitName: "Vårdcentralen Ekbacken", namedContactName: "Karin Berg"))
        let unlisted = try #require(try s.store.patientSummary(ids[4], as: Self.nurse))
        #expect(unlisted.listingUnitId == nil && unlisted.namedContactName == nil && unlisted.name == "Anneli Lundberg")
        #expect(try s.store.patientSummary(PatientID(rawValue: 999_999), as: Self.nurse) == nil)
    }

    @Test(arguments: StoreBackend.available)
    func aPatientsIdByIdentifier(_ backend: StoreBackend) throws {
        let (s, ids) = try clinic(backend)
        defer { s.remove() }
        let today = LocalDate(year: 2026, month: 11, day: 23)!
        #expect(try s.store.patientID(for: PersonIdentifier.parse("450303-4565", today: today)) == ids[0])
        #expect(try s.store.patientID(for: PersonIdentifier.parse("19121212-1212", today: today)) == ids[5])
        #expect(try s.store.patientID(for: PersonIdentifier.parse("19820303-3454", today: today)) == nil)
    }
}
