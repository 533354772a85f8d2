import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// Spärr: the blocked unit sees what it recorded itself, the rest only through emergency access.
@Suite struct UnitBlockTests {
    @Test func aBlockedUnitSeesOnlyItsOwnEntriesUntilEmergencyAccessOrTheBlockIsLifted() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.addProblem(p.id, code: "F32", text: "Depression", chronic: true, since: nil, as: f.nurse)
        _ = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 10, 1), mode: .visit, planned: true,
                                                     staffId: "karin.berg", unitId: StoreFixture.vc, reason: "Blodtryck"),
                                        as: f.nurse)
        _ = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: f.at(2026, 10, 5), mode: .visit, planned: true,
                                                     staffId: "erik.sjoberg", unitId: StoreFixture.cardiology,
                                                     reason: "Ekokardiografi"), as: f.cardiologist)
        _ = try f.store.blockUnit(p.id, unit: StoreFixture.vc, from: f.today, reason: "Patientens begäran", as: f.nurse)
        #expect(throws: StoreError.duplicate("an active block on \(StoreFixture.vc)")) {
            try f.store.blockUnit(p.id, unit: StoreFixture.vc, from: f.today, reason: "Igen", as: f.nurse)
        }

        let limited = try f.store.openRecord(p.id, as: f.nurse)
        #expect(limited.restrictedTo == StoreFixture.vc)
        #expect(limited.encounters.map(\.reason) == ["Blodtryck"])
        #expect(limited.problems.isEmpty)
        #expect(try f.store.accessLog(patient: p.id, limit: 1).first?.detail == "record (listing, blocked: own unit only)")

        var emergency = f.nurse
        emergency.emergencyReason = "Akut försämring, behöver hela journalen"
        let full = try f.store.openRecord(p.id, as: emergency)
        #expect(full.restrictedTo == nil)
        #expect(full.encounters.count == 2)
        #expect(try f.store.accessLog(patient: p.id, limit: 1).first?.emergency == true)

        try f.store.liftBlock(p.id, unit: StoreFixture.vc, on: f.today, as: f.nurse)
        #expect(try f.store.openRecord(p.id, as: f.nurse).encounters.count == 2)
        #expect(try f.store.blocks(of: p.id, as: f.nurse).map(\.isActive) == [false])
    }

    @Test func aBlockWithoutARelationshipNeedsEmergencyAccess() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.b, "Märta", "Ek")
        _ = try f.store.blockUnit(p.id, unit: StoreFixture.cardiology, from: f.today, reason: "Begäran", as: f.nurse)
        #expect(throws: StoreError.emergencyAccessRequired(p.id)) { try f.store.openRecord(p.id, as: f.cardiologist) }
    }
}
