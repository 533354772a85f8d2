import Foundation
@testable import NaraApp
import NaraDomain

/// Hand-built records for the overview model's tests: a base patient that raises no
/// alert, and small changes that each raise one.
enum OverviewRecords {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!
    static let pid = PatientID(1)
    static let vc: UnitID = "vc", hospital: UnitID = "hosp", clinic: UnitID = "spec", homeCare: UnitID = "home"

    static func day(_ offset: Int) -> LocalDate { today.adding(days: offset) }
    static func at(_ offset: Int) -> Date { day(offset).noon(in: .stockholm) }

    static let units: [UnitID: CareUnit] = [
        vc: CareUnit(id: vc, name: "Vårdcentralen Ekbacken", principal: .region, kind: .primaryCare),
        hospital: CareUnit(id: hospital, name: "Medicinavdelning 3", principal: .region, kind: .hospital),
        clinic: CareUnit(id: clinic, name: "Kardiologmottagningen", principal: .region, kind: .specialist),
        homeCare: CareUnit(id: homeCare, name: "Hemsjukvården Norr", principal: .municipality, kind: .homeCare),
    ]

    static let staff: [StaffID: Staff] = Dictionary(uniqueKeysWithValues: [
        Staff(id: "per.holm", name: "Per Holm", profession: .physician, unitId: vc),
        Staff(id: "lina.ek", name: "Lina Ek", profession: .physician, unitId: vc),
        Staff(id: "karin.berg", name: "Karin Berg", profession: .districtNurse, unitId: vc),
        Staff(id: "sofia.ny", name: "Sofia Ny", profession: .nurse, unitId: vc),
        Staff(id: "ali.fys", name: "Ali Fys", profession: .physiotherapist, unitId: vc),
        Staff(id: "ward.doc", name: "Eva Avd", profession: .physician, unitId: hospital),
    ].map { ($0.id, $0) })

    static func contact(_ id: RecordID, _ role: ContactRole, _ staff: StaffID, from: Int = -400, to: Int? = nil,
                        reason: String = "diabetes") -> CareContact {
        CareContact(id: id, patientId: pid, role: role, staffId: staff, unitId: vc, reason: reason, from: day(from),
                    to: to.map(day))
    }

    static func encounter(_ offset: Int, _ staff: StaffID, unit: UnitID = vc, mode: EncounterMode = .visit) -> Encounter {
        Encounter(id: RecordID(1000 + offset), patientId: pid, at: at(offset), mode: mode, planned: true,
                  staffId: staff, unitId: unit, reason: "kontroll")
    }

    static func referral(_ id: RecordID, sent: Int, state: ReferralState = .received,
                         pauses: [GuaranteePause] = []) -> Referral {
        Referral(id: id, patientId: pid, fromUnitId: vc, toUnitId: clinic, priority: .routine, question: "Förmaksflimmer?",
                 state: state, createdAt: at(sent), createdBy: "per.holm", sentOn: day(sent), pauses: pauses)
    }

    static func plan(_ id: RecordID, followUp: Int?, closed: Bool = false) -> CoordinatedPlan {
        CoordinatedPlan(id: id, patientId: pid, responsibleUnitId: homeCare,
                        participants: [PlanParticipant(unitId: vc, role: "vårdcentral")], goal: "Bo kvar hemma",
                        agreedOn: day(-200), followUpOn: followUp.map(day), closedOn: closed ? day(-1) : nil)
    }

    /// Listed, with a named GP seen recently and a care contact: no alerts.
    static func calm() -> PatientRecord {
        let identifier = try! PersonIdentifier.parse("19450303-4565", today: today)
        let patient = Patient(id: pid, identifier: identifier, givenName: "Åsa", familyName: "Öberg", sex: .female,
                              birthDate: LocalDate(year: 1945, month: 3, day: 3)!)
        return PatientRecord(
            patient: patient,
            listings: [Listing(patientId: pid, unitId: vc, from: day(-3000))],
            contacts: [contact(1, .namedPhysician, "per.holm"), contact(2, .careContact, "karin.berg")],
            problems: [Problem(id: 1, patientId: pid, code: "E11.9", text: "Diabetes typ 2", chronic: true),
                       Problem(id: 2, patientId: pid, code: "J06.9", text: "Förkylning", chronic: false)],
            encounters: [encounter(-60, "per.holm"), encounter(-30, "karin.berg", mode: .phone)],
            referrals: [], plans: [], discharges: [], staff: staff, units: units)
    }

    static func model(_ record: PatientRecord) -> OverviewModel { OverviewModel(record: record, today: today) }
}
