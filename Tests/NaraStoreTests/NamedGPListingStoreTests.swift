import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// A named GP is appointed at the listing unit, one at a time, and ends with the listing.
@Suite struct NamedGPListingStoreTests {
    static let other: UnitID = "SE2321000164-vc02"

    func gp(_ f: StoreFixture, _ patient: PatientID, _ staff: StaffID, from: LocalDate) throws -> CareContact {
        try f.store.assignContact(NewCareContact(patientId: patient, role: .namedPhysician, staffId: staff,
                                                 unitId: StoreFixture.vc, reason: "Patientens val", from: from),
                                  as: f.nurse)
    }

    /// A patient listed here and seen here, with a second vårdcentral to move to: the
    /// visit keeps the unit's care relationship after the move.
    func seenPatient(_ f: StoreFixture, _ pnr: String) throws -> Patient {
        try f.store.addUnit(CareUnit(id: Self.other, name: "Vårdcentralen Norr", principal: .region, kind: .primaryCare))
        let p = try f.patient(pnr, "Åsa", "Öberg")
        _ = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 11, 2), mode: .visit,
                                                     planned: true, staffId: "olof.hagg", unitId: StoreFixture.vc,
                                                     reason: "Årskontroll"), as: f.nurse)
        return p
    }

    @Test func aNamedGPIsAppointedOnlyAtTheListingUnit() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let moved = try seenPatient(f, TestPnr.a)
        try f.store.setListing(moved.id, unit: Self.other, from: f.today, as: f.nurse)
        #expect(throws: StoreError.refused(.namedGPAtListingUnit)) {
            _ = try gp(f, moved.id, "olof.hagg", from: f.today)
        }
        // A care contact needs no listing.
        _ = try f.store.assignContact(NewCareContact(patientId: moved.id, role: .careContact, staffId: "karin.berg",
                                                     unitId: StoreFixture.vc, reason: "Diabetes", from: f.today),
                                      as: f.nurse)
    }

    @Test func theSecondNamedGPReplacesTheFirst() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.b, "Märta", "Ek")
        _ = try gp(f, p.id, "olof.hagg", from: LocalDate(year: 2024, month: 2, day: 29)!)
        _ = try gp(f, p.id, "maria.lind", from: f.today)
        let contacts = try f.store.openRecord(p.id, as: f.nurse).contacts.filter { $0.role == .namedPhysician }
        #expect(contacts.filter { $0.isActive(on: f.today) }.map(\.staffId) == ["maria.lind"])
        #expect(contacts.first { $0.staffId == "olof.hagg" }?.replacedBy == "maria.lind")
    }

    @Test func aListingChangeEndsTheNamedGPSayingWhereTo() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try seenPatient(f, TestPnr.c)
        _ = try gp(f, p.id, "olof.hagg", from: LocalDate(year: 2025, month: 12, day: 31)!)
        try f.store.setListing(p.id, unit: Self.other, from: f.today, as: f.nurse)
        let record = try f.store.openRecord(p.id, as: f.nurse)
        let ended = try #require(record.contacts.first { $0.role == .namedPhysician })
        #expect(ended.to == f.today)
        #expect(ended.endedByListing == Self.other)
        #expect(NamedGP.current(contacts: record.contacts, listing: record.activeListing(on: f.today), on: f.today) == nil)
    }
}
