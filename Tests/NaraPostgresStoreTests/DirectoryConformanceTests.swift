import NaraDomain
import Testing

/// `DirectoryStore` as every store must keep it, run against each backend. Written
/// against `any DirectoryStore`, so further protocols join the same way.
@Suite struct DirectoryConformanceTests {
    static let vc: UnitID = "SE2321000164-vc01"
    static let kard: UnitID = "SE2321000164-kard"
    static let home: UnitID = "SE2120000000-hsv1"

    func clinic(_ backend: StoreBackend) throws -> BackendStore {
        let s = try BackendStore(backend)
        try s.store.addUnit(CareUnit(id: Self.vc, name: "Vårdcentralen Ekbacken", principal: .region, kind: .primaryCare))
        try s.store.addUnit(CareUnit(id: Self.kard, name: "Kardiologmottagningen", principal: .region, kind: .specialist))
        try s.store.addUnit(CareUnit(id: Self.home, name: "Hemsjukvården Nora", principal: .municipality, kind: .homeCare))
        return s
    }

    @Test(arguments: StoreBackend.available)
    func unitsComeBackSortedByNameWithTheirProvider(_ backend: StoreBackend) throws {
        let s = try clinic(backend)
        defer { s.remove() }
        let units = try s.store.units()
        #expect(units.map(\.id) == [Self.home, Self.kard, Self.vc])
        let vc = try #require(try s.store.unit(Self.vc))
        #expect(vc == CareUnit(id: Self.vc, name: "Vårdcentralen Ekbacken", principal: .region, kind: .primaryCare,
                               providerId: "SE2321000164"))
        #expect(try s.store.unit("SE0000000000-none") == nil)
    }

    /// Both stores compare text bytewise: Å and Ö sort after Z, as the byte order of
    /// UTF-8 puts them, whatever the server's locale.
    @Test(arguments: StoreBackend.available)
    func namesSortInByteOrder(_ backend: StoreBackend) throws {
        let s = try clinic(backend)
        defer { s.remove() }
        for (i, name) in ["Östen Ek", "Zara Lind", "Åsa Berg", "anna Holm", "Anna Holm"].enumerated() {
            try s.store.addStaff(Staff(id: StaffID("s\(i)"), name: name, profession: .nurse, unitId: Self.vc))
        }
        #expect(try s.store.staffList(unit: Self.vc).map(\.name) == ["Anna Holm", "Zara Lind", "anna Holm", "Åsa Berg", "Östen Ek"])
    }

    /// A screen naming many people asks for them in one read; unknown ids are left out.
    @Test(arguments: StoreBackend.available)
    func manyStaffMembersInOneRead(_ backend: StoreBackend) throws {
        let s = try clinic(backend)
        defer { s.remove() }
        for (i, name) in ["Östen Ek", "Zara Lind", "Åsa Berg"].enumerated() {
            try s.store.addStaff(Staff(id: StaffID("s\(i)"), name: name, profession: .nurse, unitId: Self.vc))
        }
        let found = try s.store.staff(ids: ["s0", "s2", "nobody"])
        #expect(found.mapValues(\.name) == ["s0": "Östen Ek", "s2": "Åsa Berg"])
        #expect(try s.store.staff(ids: []).isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func aUnitIsAddedOnce(_ backend: StoreBackend) throws {
        let s = try clinic(backend)
        defer { s.remove() }
        #expect(throws: StoreError.duplicate("unit \(Self.vc)")) {
            try s.store.addUnit(CareUnit(id: Self.vc, name: "Another", principal: .private, kind: .other))
        }
        #expect(throws: StoreError.invalid("a unit needs an id and a name")) {
            try s.store.addUnit(CareUnit(id: "SE1-x", name: " \n ", principal: .region, kind: .other))
        }
        #expect(try s.store.unit(Self.vc)?.name == "Vårdcentralen Ekbacken")
    }

    @Test(arguments: StoreBackend.available)
    func staffRoundTripAndListByUnit(_ backend: StoreBackend) throws {
        let s = try clinic(backend)
        defer { s.remove() }
        let karin = Staff(id: "karin.berg", name: "Karin Berg", profession: .districtNurse, unitId: Self.vc,
                          roles: [.nurse, .logReviewer], hsaId: "SE2321000164-k1")
        let erik = Staff(id: "erik.sjoberg", name: "Erik Sjöberg", profession: .physician, unitId: Self.kard,
                         roles: [.physician])
        let olof = Staff(id: "olof.hagg", name: "Olof Hägg", profession: .physician, unitId: Self.vc, active: false)
        for staff in [karin, erik, olof] { try s.store.addStaff(staff) }
        #expect(try s.store.staff("karin.berg") == karin)
        #expect(try s.store.staff("olof.hagg") == olof)
        #expect(try s.store.staff("nobody") == nil)
        #expect(try s.store.staffList(unit: Self.vc).map(\.id) == ["karin.berg", "olof.hagg"])
        #expect(try s.store.staffList(unit: Self.home).isEmpty)
        #expect(try s.store.staffList(unit: nil).map(\.id) == ["erik.sjoberg", "karin.berg", "olof.hagg"])
    }

    @Test(arguments: StoreBackend.available)
    func staffAreRefusedWithTheReason(_ backend: StoreBackend) throws {
        let s = try clinic(backend)
        defer { s.remove() }
        let anna = Staff(id: "anna.lund", name: "Anna Lund", profession: .nurse, unitId: Self.vc)
        try s.store.addStaff(anna)
        #expect(throws: StoreError.duplicate("staff member anna.lund")) { try s.store.addStaff(anna) }
        var elsewhere = anna
        elsewhere.id = "anna.lund2"
        elsewhere.unitId = "SE0000000000-none"
        #expect(throws: StoreError.notFound("unit SE0000000000-none")) { try s.store.addStaff(elsewhere) }
        for bad in ["Anna.Lund", "anna lund", "", "åsa", String(repeating: "a", count: 65)] {
            var b = anna
            b.id = StaffID(bad)
            #expect(throws: StoreError.self) { try s.store.addStaff(b) }
        }
        var nameless = anna
        nameless.id = "nameless"
        nameless.name = "\u{7}"
        #expect(throws: StoreError.invalid("a staff member needs a name")) { try s.store.addStaff(nameless) }
    }

    @Test(arguments: StoreBackend.available)
    func namesAreCleanedAsEveryStoreCleansThem(_ backend: StoreBackend) throws {
        let s = try clinic(backend)
        defer { s.remove() }
        let raw = "Eva\u{1B}[31m  Ström\tLund"
        try s.store.addStaff(Staff(id: "eva", name: raw, profession: .nurse, unitId: Self.vc))
        #expect(try s.store.staff("eva")?.name == CleanText.line(raw))
    }

    @Test(arguments: StoreBackend.available)
    func staffAreDeactivatedAndBack(_ backend: StoreBackend) throws {
        let s = try clinic(backend)
        defer { s.remove() }
        try s.store.addStaff(Staff(id: "lena.ek", name: "Lena Ek", profession: .nurse, unitId: Self.home,
                                   roles: [.municipalNurse]))
        try s.store.setStaffActive("lena.ek", active: false)
        #expect(try s.store.staff("lena.ek")?.active == false)
        try s.store.setStaffActive("lena.ek", active: true)
        #expect(try s.store.staff("lena.ek")?.active == true)
        #expect(throws: StoreError.notFound("staff member nobody")) { try s.store.setStaffActive("nobody", active: true) }
    }
}
