import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// The continuity report's aggregation on a clinic small enough to count by hand.
///
/// At the vårdcentral (window 2025-05-24 – 2026-11-23, 18 months):
/// - Åsa: Olof Olof Karin Olof Maria → all staff N=5, COC (9+1+1−5)/20 = 0.30, UPC 0.6;
///   physicians Olof×3 Maria → N=4, COC (9+1−4)/12 = 0.5, UPC 0.75; nurses N=1.
///   One more encounter with Maria the evening before the window, one the day after it:
///   both outside. Three home-care visits by Lena count only for Lena's row.
/// - Göran: Olof Karin → N=2, below the minimum of 3 everywhere.
/// - Märta: no encounters.
/// - Björn: Olof×3 → COC 1, UPC 1; his cardiology visits do not count at the vårdcentral.
/// - Greta, not listed: her vårdcentral encounters count for no unit.
@Suite struct ContinuityOverviewTests {
    struct Clinic {
        let f: StoreFixture
        let today = LocalDate(year: 2026, month: 11, day: 23)!

        init() throws {
            f = try StoreFixture()
            let asa = try f.patient(TestPnr.a, "Åsa", "Öberg")
            let goran = try f.patient(TestPnr.b, "Göran", "Åström")
            _ = try f.patient(TestPnr.c, "Märta", "Ek")
            let bjorn = try f.patient(TestPnr.tolvan, "Björn", "Sjöberg")
            let greta = try f.patient("19380101-0012", "Greta", "Holm", listed: false)
            let vc = StoreFixture.vc
            try seen(asa, [("maria.lind", vc, f.at(2025, 5, 23, hour: 23)), ("olof.hagg", vc, f.at(2025, 5, 24, hour: 0)),
                           ("olof.hagg", vc, f.at(2025, 9, 1)), ("karin.berg", vc, f.at(2026, 1, 10)),
                           ("olof.hagg", vc, f.at(2026, 3, 1)), ("maria.lind", vc, f.at(2026, 11, 23)),
                           ("lena.ek", StoreFixture.homeCare, f.at(2026, 2, 1)),
                           ("lena.ek", StoreFixture.homeCare, f.at(2026, 4, 1)),
                           ("lena.ek", StoreFixture.homeCare, f.at(2026, 6, 1))])
            try seen(goran, [("olof.hagg", vc, f.at(2026, 2, 1)), ("karin.berg", vc, f.at(2026, 3, 1))])
            try seen(bjorn, [("olof.hagg", vc, f.at(2026, 1, 5)), ("olof.hagg", vc, f.at(2026, 2, 5)),
                             ("olof.hagg", vc, f.at(2026, 3, 5)),
                             ("erik.sjoberg", StoreFixture.cardiology, f.at(2026, 4, 5)),
                             ("erik.sjoberg", StoreFixture.cardiology, f.at(2026, 5, 5))])
            try seen(greta, [("olof.hagg", vc, f.at(2026, 1, 5)), ("olof.hagg", vc, f.at(2026, 2, 5)),
                             ("maria.lind", vc, f.at(2026, 3, 5))])
            // The day after the window, written past the store's check on future encounters.
            try f.store.write { db in
                try db.execute(sql: """
                    INSERT INTO encounter(patient_id, at, mode, planned, staff_id, unit_id, reason)
                    VALUES (?, ?, 'visit', 1, 'maria.lind', ?, 'Kontroll')
                    """, arguments: [asa.id.rawValue, Int64(f.at(2026, 11, 24, hour: 0).timeIntervalSince1970), vc.rawValue])
            }
            let since = LocalDate(year: 2024, month: 1, day: 1)!
            // Home care takes part through a plan the patient consented to.
            _ = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: asa.id, responsibleUnitId: vc,
                                                     participants: [PlanParticipant(unitId: StoreFixture.homeCare,
                                                                                    role: "Hemsjukvård")],
                                                     goal: "Hemma", agreedOn: since, followUpOn: nil, consentOn: since),
                                     as: f.nurse)
            try assign(asa, .careContact, "karin.berg", vc, since)
            try assign(asa, .namedPhysician, "olof.hagg", vc, since)
            try assign(asa, .careContact, "lena.ek", StoreFixture.homeCare, since)
            try assign(goran, .namedPhysician, "olof.hagg", vc, since)
            try assign(goran, .careContact, "olof.hagg", vc, since)
            try assign(bjorn, .careContact, "karin.berg", vc, since)
            // Starts after the report's day: not active yet, counted nowhere.
            try assign(greta, .careContact, "karin.berg", vc, today.adding(days: 1))
        }

        func seen(_ p: Patient, _ encounters: [(StaffID, UnitID, Date)]) throws {
            for (staff, unit, at) in encounters {
                _ = try f.store.recordEncounter(NewEncounter(patientId: p.id, at: at, mode: .visit, planned: true,
                                                             staffId: staff, unitId: unit, reason: "Kontroll"),
                                                as: try f.acting(staff))
            }
        }

        func assign(_ p: Patient, _ role: ContactRole, _ staff: StaffID, _ unit: UnitID, _ from: LocalDate) throws {
            _ = try f.store.assignContact(NewCareContact(patientId: p.id, role: role, staffId: staff, unitId: unit,
                                                         reason: "Samordning", from: from), as: try f.acting(staff))
        }

        func overview(minimum: Int = 3) throws -> ContinuityOverview {
            try f.store.continuityOverview(today: today, months: 18, minimumEncounters: minimum, as: f.nurse)
        }
    }

    func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    @Test func aUnitsListedPatientsAndTheirContinuityThere() throws {
        let clinic = try Clinic()
        defer { clinic.f.remove() }
        let o = try clinic.overview()
        #expect(o.window == LocalDate(year: 2025, month: 5, day: 24)!...clinic.today)
        #expect(o.units.map(\.unitId) == [StoreFixture.vc])
        let vc = try #require(o.units.first)
        #expect(vc.listedPatients == 4)
        #expect(vc.withCareContact == 3)  // Åsa and Björn (Karin), Göran (Olof)
        #expect(vc.withNamedGP == 2)

        // All staff: Åsa 0.30 / 0.6 and Björn 1 / 1 are measured; Göran and Märta are too few.
        let all = vc.continuity.all
        #expect(all.measuredPatients == 2)
        #expect(all.tooFewEncounters == 2)
        let coc = try #require(all.coc), upc = try #require(all.upc)
        #expect(close(coc.mean, 0.65) && close(coc.lowerQuartile, 0.475) && close(coc.median, 0.65)
                && close(coc.upperQuartile, 0.825))
        #expect(close(upc.mean, 0.8) && close(upc.lowerQuartile, 0.7) && close(upc.median, 0.8)
                && close(upc.upperQuartile, 0.9))

        // Physicians: Åsa 0.5 / 0.75, Björn 1 / 1.
        #expect(vc.continuity.doctors.measuredPatients == 2)
        #expect(close(vc.continuity.doctors.coc?.mean, 0.75))
        #expect(close(vc.continuity.doctors.upc?.mean, 0.875))
        // Nurses: nobody had three nurse encounters.
        #expect(vc.continuity.nurses.measuredPatients == 0)
        #expect(vc.continuity.nurses.tooFewEncounters == 4)
        #expect(vc.continuity.nurses.coc == nil)
    }

    @Test func theMinimumDecidesWhoIsMeasured() throws {
        let clinic = try Clinic()
        defer { clinic.f.remove() }
        let all = try #require(try clinic.overview(minimum: 2).units.first).continuity.all
        // Göran's two encounters with two people now count: COC 0, UPC 0.5.
        #expect(all.measuredPatients == 3)
        #expect(all.tooFewEncounters == 1)
        #expect(close(all.coc?.mean, (0.3 + 1 + 0) / 3))
        #expect(close(all.coc?.median, 0.3))
        #expect(close(all.upc?.lowerQuartile, 0.55))
    }

    @Test func namedContactsAndWhetherTheirPatientsMeetThem() throws {
        let clinic = try Clinic()
        defer { clinic.f.remove() }
        let o = try clinic.overview()
        #expect(o.staff.map(\.staffId) == ["lena.ek", "karin.berg", "olof.hagg"])  // Hemsjukvården before Vårdcentralen

        let olof = try #require(o.staff.first { $0.staffId == "olof.hagg" })
        #expect(olof.namedGPPatients == 2 && olof.careContactPatients == 1)
        #expect(olof.patients == 2)  // Göran has him twice and counts once
        #expect(olof.unitId == StoreFixture.vc)
        #expect(olof.continuity.all.measuredPatients == 1)  // Åsa; Göran has two encounters
        #expect(close(olof.continuity.all.coc?.mean, 0.3))
        // Physician encounters of Åsa and Göran at the unit: Olof×3 Maria, Olof → 4 of 5.
        #expect(close(olof.ownEncounterShare, 0.8))

        let karin = try #require(o.staff.first { $0.staffId == "karin.berg" })
        #expect(karin.careContactPatients == 2 && karin.namedGPPatients == 0 && karin.patients == 2)
        #expect(karin.continuity.all.measuredPatients == 2)
        #expect(close(karin.continuity.all.coc?.mean, 0.65))
        #expect(close(karin.ownEncounterShare, 1))

        // Lena's home-care patient is measured on the home-care visits only.
        let lena = try #require(o.staff.first { $0.staffId == "lena.ek" })
        #expect(lena.unitId == StoreFixture.homeCare && lena.patients == 1)
        #expect(lena.continuity.nurses.measuredPatients == 1)
        #expect(close(lena.continuity.all.coc?.mean, 1) && close(lena.continuity.all.upc?.mean, 1))
        #expect(lena.continuity.doctors.tooFewEncounters == 1)
        #expect(close(lena.ownEncounterShare, 1))
    }

    /// Åsa blocks what the municipality documented: Lena's home-care visits then count in
    /// no figure the vårdcentral's nurse sees, and still in Lena's own.
    @Test func blockedEncountersCountInNoFigureTheReaderSees() throws {
        let clinic = try Clinic()
        defer { clinic.f.remove() }
        let f = clinic.f
        let asa = try #require(try f.store.patientID(for: PersonIdentifier.parse(TestPnr.a, today: f.today)))
        let lena = AccessContext(staffId: "lena.ek", unitId: StoreFixture.homeCare, sessionId: "l")
        _ = try f.store.addBlock(asa, scope: .provider(ProviderID.derived(from: StoreFixture.homeCare)),
                                 reason: "Patientens begäran", as: lena)
        let seenByNurse = try f.store.continuityOverview(today: f.today, months: 18, minimumEncounters: 3, as: f.nurse)
        #expect(seenByNurse.staff.first { $0.staffId == "lena.ek" }?.continuity.nurses.measuredPatients ?? 0 == 0)
        let seenByLena = try f.store.continuityOverview(today: f.today, months: 18, minimumEncounters: 3, as: lena)
        #expect(seenByLena.staff.first { $0.staffId == "lena.ek" }?.continuity.nurses.measuredPatients == 1)
    }

    @Test func anEmptyStoreGivesAnEmptyReport() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let o = try f.store.continuityOverview(today: f.today, months: 18, minimumEncounters: 3, as: f.nurse)
        #expect(o.units.isEmpty && o.staff.isEmpty)
    }

    @Test func daysOfInstantsMatchTheCalendarAcrossDaylightSaving() {
        let from = ContinuityOverviewQuery.startOfDay(LocalDate(year: 2024, month: 1, day: 1)!)
        let to = ContinuityOverviewQuery.startOfDay(LocalDate(year: 2026, month: 1, day: 1)!)
        let days = LocalDays(timeZone: ContinuityOverviewQuery.stockholm, from: from, to: to)
        // Every half hour over two years, through four transitions.
        for at in stride(from: from, to: to, by: 1800) {
            let expected = LocalDate(date: Date(timeIntervalSince1970: TimeInterval(at)), in: .stockholm)
            guard days.day(at) == expected else {
                Issue.record("\(at): \(days.day(at)) is not \(expected)")
                return
            }
        }
        #expect(days.day(from) == LocalDate(year: 2024, month: 1, day: 1)!)
        #expect(days.day(from - 1) == LocalDate(year: 2023, month: 12, day: 31)!)
    }
}
