import Foundation
import NaraApp
import NaraDomain
import NaraStore

/// A patient with a bit of everything the overview shows, written through the store's
/// API as the program would: listing, named GP and care contact, chronic problems,
/// encounters with several staff, an overdue referral and one close to its deadline, a
/// SIP whose follow-up has passed and a discharge last week without a contact since.
enum RichPatient {
    static let hospital: UnitID = "SE2321000164-usö-med2"
    static let clinic: UnitID = "SE2321000164-usö-kard"
    static let homeCare: UnitID = "SE2120001231-hsv01"

    @discardableResult
    static func add(to f: AppFixture) throws -> PatientID {
        let store = f.store, vc = AppFixture.vc, today = AppFixture.day
        func day(_ offset: Int) -> LocalDate { today.adding(days: offset) }
        func at(_ offset: Int) -> Date { day(offset).noon(in: .stockholm).addingTimeInterval(-3 * 3600) }

        try store.addUnit(CareUnit(id: hospital, name: "USÖ Medicinavdelning 2", principal: .region, kind: .hospital))
        try store.addUnit(CareUnit(id: clinic, name: "Kardiologmottagningen USÖ", principal: .region, kind: .specialist))
        try store.addUnit(CareUnit(id: homeCare, name: "Hemsjukvården Örebro kommun", principal: .municipality,
                                   kind: .homeCare))
        for staff in [Staff(id: "per.holm", name: "Per Holm", profession: .physician, unitId: vc, roles: [.physician]),
                      Staff(id: "lina.ek", name: "Lina Ek", profession: .physician, unitId: vc, roles: [.physician]),
                      Staff(id: "sofia.nystrom", name: "Sofia Nyström", profession: .nurse, unitId: vc, roles: [.nurse]),
                      Staff(id: "ali.hassan", name: "Ali Hassan", profession: .physiotherapist, unitId: vc,
                            roles: [.otherLicensed]),
                      Staff(id: "maria.kard", name: "Maria Sten", profession: .secretary, unitId: clinic, roles: [.secretary])] {
            try store.addStaff(staff)
        }
        let nurse = AccessContext(staffId: "karin.berg", unitId: vc, sessionId: "fixture")
        let clinicDesk = AccessContext(staffId: "maria.kard", unitId: clinic, sessionId: "fixture")

        let identifier = try PersonIdentifier.parse("19400612-2388", today: today)
        let patient = try store.registerPatient(NewPatient(identifier: identifier, givenName: "Märta",
                                                           familyName: "Lindqvist", phone: "070-123 45 67"),
                                                listedAt: vc, on: LocalDate(year: 2015, month: 1, day: 1)!, as: nurse)
        let id = patient.id
        _ = try store.assignContact(NewCareContact(patientId: id, role: .namedPhysician, staffId: "per.holm", unitId: vc,
                                                   reason: "Fast läkarkontakt", from: day(-900)), as: nurse)
        _ = try store.assignContact(NewCareContact(patientId: id, role: .careContact, staffId: "karin.berg", unitId: vc,
                                                   reason: "Diabetes och hjärtsvikt", from: day(-600)), as: nurse)
        for (code, text, chronic) in [("E11.9", "Diabetes mellitus typ 2", true), ("I50.9", "Hjärtsvikt", true),
                                      ("I48.9", "Förmaksflimmer", true), ("J44.9", "KOL", true),
                                      ("N18.3", "Kronisk njursjukdom stadium 3", true), ("J06.9", "Förkylning", false)] {
            _ = try store.addProblem(id, code: code, text: text, chronic: chronic, since: day(-2000), as: nurse)
        }
        let encounters: [(Int, StaffID, EncounterMode, String)] = [
            (-400, "per.holm", .visit, "Årskontroll diabetes"), (-300, "karin.berg", .visit, "Fotkontroll"),
            (-250, "sofia.nystrom", .phone, "Provsvar"), (-200, "lina.ek", .video, "Andfåddhet"),
            (-150, "per.holm", .visit, "Hjärtsvikt, ny medicin"), (-120, "karin.berg", .phone, "Vikt och ödem"),
            (-90, "sofia.nystrom", .visit, "Blodtryck"), (-60, "karin.berg", .homeVisit, "Läkemedelsgenomgång"),
            (-45, "ali.hassan", .visit, "Balansträning"), (-40, "per.holm", .visit, "Förmaksflimmer"),
            (-20, "karin.berg", .phone, "Uppföljning vikt"),
        ]
        for (offset, staff, mode, reason) in encounters {
            _ = try store.recordEncounter(NewEncounter(patientId: id, at: at(offset), mode: mode, planned: true,
                                                       staffId: staff, unitId: vc, reason: reason), as: nurse)
        }
        _ = try store.recordDischarge(id, unit: hospital, admittedOn: day(-12), dischargedOn: day(-6), as: nurse)
        let measurements: [(Int, ObservationKind, Double?, Double?, SmokingStatus?)] = [
            (-300, .hba1c, 61, nil, nil), (-120, .hba1c, 56, nil, nil), (-90, .bloodPressure, 148, 86, nil),
            (-20, .bodyWeight, 78.5, nil, nil), (-20, .bmi, 29.2, nil, nil), (-250, .egfr, 44, nil, nil),
            (-300, .smoking, nil, nil, .former),
        ]
        for (offset, kind, value, value2, smoking) in measurements {
            _ = try store.recordObservation(Observation(id: 0, patientId: id, kind: kind, value: value, value2: value2,
                                                        smoking: smoking, at: at(offset), unitId: vc), as: nurse)
        }

        // Sent 120 days ago and received: 30 days past the 90-day guarantee.
        var late = try store.createReferral(NewReferral(patientId: id, fromUnitId: vc, toUnitId: clinic, priority: .priority,
                                                        question: "Förmaksflimmer, ställningstagande till ablation"),
                                            at: at(-121), as: nurse)
        late = try store.applyReferral(late.id, .send, expectedVersion: late.version, at: at(-120), comment: "", as: nurse)
        _ = try store.applyReferral(late.id, .confirmReceipt, expectedVersion: late.version, at: at(-115), comment: "",
                                    as: clinicDesk)
        // Sent 86 days ago: four days left.
        let soon = try store.createReferral(NewReferral(patientId: id, fromUnitId: vc, toUnitId: clinic, priority: .routine,
                                                        question: "Ekokardiografi, hjärtsvikt"), at: at(-87), as: nurse)
        _ = try store.applyReferral(soon.id, .send, expectedVersion: soon.version, at: at(-86), comment: "", as: nurse)

        _ = try store.savePlan(CoordinatedPlan(id: 0, patientId: id, responsibleUnitId: homeCare,
                                               participants: [PlanParticipant(unitId: vc, role: "vårdcentral"),
                                                              PlanParticipant(unitId: homeCare, role: "hemsjukvård")],
                                               goal: "Bo kvar hemma med stöd", agreedOn: day(-200), followUpOn: day(-14)),
                               as: nurse)
        return id
    }

    /// Recent referrals, so the record is taller than an 80×24 screen.
    static func addMoreReferrals(to f: AppFixture, patient: PatientID, count: Int) throws {
        let nurse = AccessContext(staffId: "karin.berg", unitId: AppFixture.vc, sessionId: "fixture")
        for i in 1...count {
            let at = AppFixture.day.adding(days: -10 * i).noon(in: .stockholm)
            let r = try f.store.createReferral(NewReferral(patientId: patient, fromUnitId: AppFixture.vc, toUnitId: clinic,
                                                           priority: .routine, question: "Fråga \(i)"), at: at, as: nurse)
            _ = try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: at, comment: "", as: nurse)
        }
    }
}
