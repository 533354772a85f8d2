import Foundation
import NaraDomain
import Testing
@testable import NaraFHIR

/// What the writer writes, the reader reads back as the same records: every referral
/// state with its history and pauses, every encounter mode, listings, plans, contacts.
@Suite struct RoundTripTests {
    static let vc: UnitID = "SE2321000164-vc01"
    static let kard: UnitID = "SE2321000164-kard"
    static let hsv: UnitID = "SE2120000000-hsv1"
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func origin(_ type: String) -> ExchangeOrigin { ExchangeOrigin(position: 0, resourceType: type, resourceId: nil) }

    static func batch() throws -> ExchangeBatch {
        var b = ExchangeBatch()
        b.units = [CareUnit(id: vc, name: "Vårdcentralen Ekbacken", principal: .region, kind: .primaryCare),
                   CareUnit(id: kard, name: "Kardiologen", principal: .region, kind: .specialist),
                   CareUnit(id: hsv, name: "Hemsjukvården", principal: .municipality, kind: .homeCare)]
            .map { Exchanged(origin: origin("Organization"), resourceId: $0.id.rawValue, value: $0) }
        b.staff = [Staff(id: "karin.berg", name: "Karin Berg", profession: .districtNurse, unitId: vc, roles: [.nurse],
                         hsaId: "SE2321000164-p1"),
                   Staff(id: "olof.hagg", name: "Olof Hägg", profession: .physician, unitId: vc, roles: [.physician]),
                   Staff(id: "erik.sjoberg", name: "Erik Sjöberg", profession: .physician, unitId: kard, roles: [.physician])]
            .map { Exchanged(origin: origin("Practitioner"), resourceId: $0.id.rawValue, value: $0) }
        let ident = try PersonIdentifier.parse("19121212-1212", today: Fixture.today)
        let patient = Patient(id: PatientID(0), identifier: ident, givenName: "Tolvan Anna", familyName: "Tolvansson",
                              sex: .male, birthDate: ident.birthDate,
                              address: Address(street: "Gatan 1", postalCode: "70211", city: "Örebro"),
                              phone: "019-1", protectedIdentity: true)
        b.patients = [Exchanged(origin: origin("Patient"), resourceId: "pat-1", value: ExchangedPatient(
            patient: patient,
            listings: [Listing(patientId: PatientID(0), unitId: vc, from: LocalDate(year: 2020, month: 1, day: 1)!,
                               to: nil)],
            localIdentifiers: [ExchangeIdentifier(system: "http://example.org/mrn", value: "M1")]))]
        b.encounters = EncounterMode.allCases.enumerated().map { i, mode in
            Exchanged(origin: origin("Encounter"), resourceId: "enc-\(i)", patient: .batch(0),
                      value: Encounter(id: 0, patientId: PatientID(0), at: t0.addingTimeInterval(Double(i) * 86_400),
                                       mode: mode, planned: i % 2 == 0, staffId: i < 3 ? "karin.berg" : "olof.hagg",
                                       unitId: vc, reason: "Kontroll \(i)"))
        }
        b.referrals = ReferralState.allCases.enumerated().map { i, state in
            var r = Referral(id: 0, patientId: PatientID(0), fromUnitId: vc, toUnitId: kard,
                             priority: ReferralPriority.defaultScale[i % 3], question: "Fråga \(i)",
                             guarantee: i == 0 ? .none : .specialistVisit, selfReferral: i == 1, state: state,
                             createdAt: t0, createdBy: "olof.hagg",
                             sentOn: state == .draft ? nil : LocalDate(year: 2026, month: 6, day: 1),
                             bookedOn: i > 5 ? LocalDate(year: 2026, month: 7, day: 1) : nil,
                             seenOn: i > 6 ? LocalDate(year: 2026, month: 7, day: 1) : nil,
                             reply: i > 7 ? "Svar \(i)" : nil)
            r.history = [ReferralEvent(at: t0, staffId: "olof.hagg", unitId: vc, action: .create, from: .draft, to: .draft,
                                       comment: ""),
                         ReferralEvent(at: t0.addingTimeInterval(60), staffId: "erik.sjoberg", unitId: kard,
                                       action: .forward, from: .received, to: state, comment: "Till rätt klinik",
                                       forwardedTo: kard)]
            r.pauses = i == 3 ? [GuaranteePause(kind: .patientChosen, from: LocalDate(year: 2026, month: 6, day: 10)!,
                                                to: LocalDate(year: 2026, month: 6, day: 20), comment: "Resa",
                                                offeredOn: LocalDate(year: 2026, month: 6, day: 12)!, patientInformed: true),
                                 GuaranteePause(kind: .medical, from: LocalDate(year: 2026, month: 7, day: 1)!)] : []
            return Exchanged(origin: origin("ServiceRequest"), resourceId: "ref-\(i)",
                             identifier: ExchangeIdentifier(system: "urn:oid:1.2.3", value: "R\(i)"), patient: .batch(0),
                             value: r)
        }
        b.contacts = [Exchanged(origin: origin("CareTeam"), resourceId: "ct-1", patient: .batch(0),
                                value: CareContact(id: 0, patientId: PatientID(0), role: .namedPhysician, staffId: "olof.hagg",
                                                   unitId: vc, reason: "Diabetes", from: LocalDate(year: 2024, month: 1, day: 1)!,
                                                   to: LocalDate(year: 2025, month: 1, day: 1)))]
        b.problems = [Exchanged(origin: origin("Condition"), resourceId: "c-1", patient: .batch(0),
                                value: Problem(id: 0, patientId: PatientID(0), code: "F32.1A", text: "Depression", chronic: false,
                                               since: LocalDate(year: 2025, month: 5, day: 5)))]
        b.discharges = [Exchanged(origin: origin("Encounter"), resourceId: "stay-1", patient: .batch(0),
                                  value: HospitalDischarge(id: 0, patientId: PatientID(0), unitId: kard,
                                                           admittedOn: LocalDate(year: 2026, month: 11, day: 1)!,
                                                           dischargedOn: LocalDate(year: 2026, month: 11, day: 4)!))]
        b.plans = [Exchanged(origin: origin("CarePlan"), resourceId: "plan-1", patient: .batch(0),
                             value: CoordinatedPlan(id: 0, patientId: PatientID(0), responsibleUnitId: vc,
                                                    participants: [PlanParticipant(unitId: vc, role: "Fast vårdkontakt"),
                                                                   PlanParticipant(unitId: hsv, role: "Hemsjukvård")],
                                                    goal: "Bo kvar hemma", agreedOn: LocalDate(year: 2026, month: 1, day: 1)!,
                                                    followUpOn: LocalDate(year: 2026, month: 3, day: 1),
                                                    closedOn: LocalDate(year: 2026, month: 4, day: 1)))]
        b.observations = Self.observations()
        return b
    }

    /// One of each measurement, blood pressure with both pressures and smoking as a code.
    static func observations() -> [Exchanged<Observation>] {
        let values: [(ObservationKind, Double?, Double?, SmokingStatus?)] = [
            (.hba1c, 52, nil, nil), (.bloodPressure, 142, 88, nil), (.bodyWeight, 82.5, nil, nil), (.bmi, 27.1, nil, nil),
            (.egfr, 48, nil, nil), (.smoking, nil, nil, .former),
        ]
        return values.enumerated().map { i, v in
            Exchanged(origin: origin("Observation"), resourceId: "obs-\(i)", patient: .batch(0),
                      value: Observation(id: 0, patientId: PatientID(0), kind: v.0, value: v.1, value2: v.2, smoking: v.3,
                                         at: t0.addingTimeInterval(Double(i) * 3600), unitId: vc,
                                         staffId: i == 0 ? "karin.berg" : nil))
        }
    }

    @Test func everyRecordComesBackTheSame() throws {
        let original = try Self.batch()
        let text = FHIRWriter(original).bundle().serialized(indent: 1)
        let back = try Fixture.read(text: text)
        #expect(back.units.map(\.value) == original.units.map(\.value))
        #expect(back.staff.map(\.value) == original.staff.map(\.value))
        #expect(back.patients.map(\.value.patient) == original.patients.map(\.value.patient))
        #expect(back.patients.map(\.value.listings) == original.patients.map(\.value.listings))
        #expect(back.patients.map(\.value.localIdentifiers) == original.patients.map(\.value.localIdentifiers))
        #expect(back.encounters.map(\.value) == original.encounters.map(\.value))
        #expect(back.referrals.map(\.value) == original.referrals.map(\.value))
        #expect(back.referrals.map(\.identifier) == original.referrals.map(\.identifier))
        #expect(back.contacts.map(\.value) == original.contacts.map(\.value))
        #expect(back.problems.map(\.value) == original.problems.map(\.value))
        #expect(back.discharges.map(\.value) == original.discharges.map(\.value))
        #expect(back.plans.map(\.value) == original.plans.map(\.value))
        #expect(back.observations.map(\.value) == original.observations.map(\.value))
        #expect(back.count == original.count)
        #expect(back.skipped.isEmpty)
    }

    @Test func writingTwiceGivesTheSameBytes() throws {
        let batch = try Self.batch()
        let once = FHIRWriter(batch).bundle().serialized()
        let again = FHIRWriter(try Fixture.read(text: once)).bundle().serialized()
        #expect(once == again)
    }

    @Test func writingAnEntryAtATimeGivesTheSameBytes() throws {
        let writer = FHIRWriter(try Self.batch())
        var streamed = ""
        writer.write { streamed += $0 }
        #expect(streamed == writer.bundle().serialized())
    }

    @Test func swedishSystemsAreWritten() throws {
        let text = FHIRWriter(try Self.batch()).bundle().serialized()
        #expect(text.contains(#""system":"http://electronichealth.se/identifier/personnummer","value":"191212121212""#))
        #expect(text.contains(#""system":"urn:oid:1.2.752.29.4.19","value":"SE2321000164-vc01""#))
        #expect(text.contains(#""code":"R""#))
    }

    @Test func controlCharactersNeverLeave() throws {
        var batch = try Self.batch()
        batch.encounters[0].value.reason = "Ont\u{1B}]0;x\u{07} i \u{202E}magen\u{9B}"
        let text = FHIRWriter(batch).bundle().serialized()
        let back = try Fixture.read(text: text)
        #expect(back.encounters[0].value.reason == "Ont]0;x i magen")
        #expect(!text.contains("\u{1B}") && !text.contains("\u{9B}") && !text.contains("\u{202E}"))
        #expect(!text.lowercased().contains("\\u001b") && !text.lowercased().contains("\\u009b"))
    }
}
