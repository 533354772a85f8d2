import Foundation
@testable import NaraApp
import NaraDomain
import Testing
import TerminalUI

/// The overview's facts and alerts from a record and a day, without drawing anything.
@Suite struct OverviewModelTests {
    typealias R = OverviewRecords

    @Test func aCalmRecordRaisesNoAlert() {
        #expect(R.model(R.calm()).alerts == [])
    }

    @Test func identityListingAndNamedPeople() {
        var record = R.calm()
        record.patient.protectedIdentity = true
        record.contacts.append(R.contact(3, .careContact, "sofia.ny", from: -900, to: -400)) // ended: not shown
        let m = R.model(record)
        #expect(m.identity.name == "Åsa Öberg")
        #expect(m.identity.identifier == "19450303-4565")
        #expect(m.identity.age == 81)
        #expect(m.identity.sex == .female)
        #expect(m.identity.protectedIdentity)
        #expect(m.listingUnitName == "Vårdcentralen Ekbacken")
        #expect(m.namedGP?.staffName == "Per Holm")
        #expect(m.careContacts.map(\.staffName) == ["Karin Berg"])
        #expect(m.careContacts.first?.reason == "diabetes")
        #expect(m.chronicProblems.map(\.code) == ["E11.9"])
    }

    @Test func thePhoneIsShownCleanedAndLeftOutWhenThereIsNone() {
        var record = R.calm()
        #expect(R.model(record).identity.phone == nil)
        record.patient.phone = "070-123\u{1B}[2J 45 67"
        #expect(R.model(record).identity.phone?.contains("\u{1B}") == false)
        record.patient.phone = "  "
        #expect(R.model(record).identity.phone == nil)
    }

    @Test func theLastFiveEncountersNewestFirstWithoutFutureOnes() {
        var record = R.calm()
        record.encounters = [-300, -200, -100, -50, -20, -10, -1].map { R.encounter($0, "sofia.ny") }
            + [R.encounter(3, "per.holm")]
        let m = R.model(record)
        #expect(m.recentEncounters.map(\.day) == [-1, -10, -20, -50, -100].map(R.day))
        #expect(m.recentEncounters.first?.staffName == "Sofia Ny")
        #expect(m.recentEncounters.first?.profession == .nurse)
        #expect(m.recentEncounters.first?.unitName == "Vårdcentralen Ekbacken")
    }

    @Test func noCareContactAlert() {
        var record = R.calm()
        record.contacts = [R.contact(1, .namedPhysician, "per.holm")] // a named GP does not count
        #expect(R.model(record).alerts == [.noCareContact])
        record.contacts.append(R.contact(2, .careContact, "karin.berg", from: -400, to: -5)) // ended
        #expect(R.model(record).alerts == [.noCareContact])
        record.contacts.append(R.contact(3, .careContact, "sofia.ny", from: -4))
        #expect(R.model(record).alerts == [])
    }

    @Test func overdueReferralAlertAndClocks() {
        var record = R.calm()
        record.referrals = [R.referral(1, sent: -100), R.referral(2, sent: -85, state: .sent), R.referral(3, sent: -10),
                            R.referral(4, sent: -200, state: .cancelled), R.referral(5, sent: -120, state: .answered)]
        let m = R.model(record)
        #expect(m.alerts == [.overdueReferrals(count: 1)])
        // Open ones only, the most pressing first; an answered referral has no clock.
        #expect(m.openReferrals.map(\.id) == [1, 2, 3, 5])
        #expect(m.openReferrals.map(\.daysLeft) == [-10, 5, 80, nil])
        #expect(m.openReferrals.map(OverviewFormat.clockRole) == [.danger, .warning, .text, .text])
        let sv = OverviewStrings.sv, en = OverviewStrings.en
        #expect(m.openReferrals.map { OverviewFormat.clock($0, sv) } == ["10 dagar försenad", "5 dagar kvar", "80 dagar kvar", nil])
        #expect(OverviewFormat.clock(m.openReferrals[0], en) == "10 days overdue")
        #expect(sv.daysLeft(1) == "1 dag kvar" && sv.daysLeft(-1) == "1 dag försenad" && en.daysLeft(7) == "7 days left")

        record.referrals = [R.referral(1, sent: -85)]
        #expect(R.model(record).alerts == [])
    }

    @Test func theWarningStartsSevenDaysBeforeTheDeadline() {
        var record = R.calm()
        record.referrals = [R.referral(1, sent: -83), R.referral(2, sent: -82), R.referral(3, sent: -90)]
        let m = R.model(record)
        #expect(m.openReferrals.map(\.daysLeft) == [0, 7, 8])
        #expect(m.openReferrals.map(OverviewFormat.clockRole) == [.warning, .warning, .text])
    }

    @Test func aPausedClockSaysSo() {
        var record = R.calm()
        record.referrals = [R.referral(1, sent: -30, pauses: [GuaranteePause(kind: .patientChosen, from: R.day(-5))])]
        let line = R.model(record).openReferrals[0]
        #expect(line.paused)
        #expect(line.daysLeft == 66)
        // Paused six days (day −5 to today): the last day moves from day 60 to day 66.
        #expect(OverviewFormat.clock(line, .sv) == "pausad: sista dag flyttad till \(R.day(66).iso)")
        record.referrals = [R.referral(1, sent: -30, pauses: [GuaranteePause(kind: .medical, from: R.day(-9), to: R.day(-5))])]
        #expect(!R.model(record).openReferrals[0].paused)
    }

    @Test func dischargeWithoutPrimaryCareContact() {
        var record = R.calm()
        record.discharges = [HospitalDischarge(id: 1, patientId: R.pid, unitId: R.hospital, admittedOn: R.day(-9),
                                               dischargedOn: R.day(-5))]
        #expect(R.model(record).alerts == [.dischargedWithoutContact(dischargedOn: R.day(-5), days: 5)])
        #expect(OverviewStrings.sv.alert(.dischargedWithoutContact(dischargedOn: R.day(-5), days: 5), name: \.rawValue)
            .hasPrefix("Utskriven för 5 dagar sedan utan kontakt i primärvården"))
        // A hospital encounter after it does not count; one at the vårdcentral does, on the day too.
        record.encounters.append(R.encounter(-4, "ward.doc", unit: R.hospital))
        #expect(R.model(record).alerts.count == 1)
        record.encounters.append(R.encounter(-5, "karin.berg", mode: .phone))
        #expect(R.model(record).alerts == [])
        // Older than 30 days: no longer an alert.
        record = R.calm()
        record.discharges = [HospitalDischarge(id: 1, patientId: R.pid, unitId: R.hospital, admittedOn: R.day(-40),
                                               dischargedOn: R.day(-31))]
        #expect(R.model(record).alerts == [])
    }

    @Test func aNamedContactWhoHasLeft() {
        var record = R.calm()
        record.staff["karin.berg"]?.active = false
        #expect(R.model(record).alerts == [.contactLeft(role: .careContact, staffId: "karin.berg")])
        record = R.calm()
        record.staff["per.holm"]?.active = false
        #expect(R.model(record).alerts == [.contactLeft(role: .namedPhysician, staffId: "per.holm")])
    }

    @Test func notSeenByTheNamedGPInTwelveMonths() {
        var record = R.calm()
        record.encounters = [R.encounter(-400, "per.holm"), R.encounter(-30, "lina.ek")]
        #expect(R.model(record).alerts == [.namedGPNotSeen(staffId: "per.holm", lastSeen: R.day(-400))])
        record.encounters = [R.encounter(-30, "lina.ek")]
        #expect(R.model(record).alerts == [.namedGPNotSeen(staffId: "per.holm", lastSeen: nil)])
        record.encounters = [R.encounter(-360, "per.holm")]
        #expect(R.model(record).alerts == [])
        #expect(OverviewStrings.en.alert(.namedGPNotSeen(staffId: "per.holm", lastSeen: nil)) { _ in "Per Holm" }.contains("(never)"))
    }

    @Test func planFollowUpPassed() {
        var record = R.calm()
        record.plans = [R.plan(1, followUp: 10), R.plan(2, followUp: -3), R.plan(3, followUp: -50, closed: true)]
        let m = R.model(record)
        #expect(m.alerts == [.planFollowUpPassed(followUpOn: R.day(-3), days: 3)])
        #expect(m.plan?.followUpOn == R.day(-3))
        #expect(m.plan?.passed == true)
        #expect(m.plan?.responsibleUnitName == "Hemsjukvården Norr")
        #expect(m.plan?.participantNames == ["Vårdcentralen Ekbacken"])
        #expect(m.openPlanCount == 2)
        record.plans = [R.plan(1, followUp: 0), R.plan(2, followUp: nil)]
        let due = R.model(record)
        #expect(due.alerts == []) // due today is not passed
        #expect(due.plan?.followUpOn == R.today)
        #expect(due.plan?.passed == false)
    }

    @Test func dangerAlertsComeFirst() {
        var record = R.calm()
        record.contacts = []
        record.plans = [R.plan(1, followUp: -1)]
        let alerts = R.model(record).alerts
        #expect(alerts == [.planFollowUpPassed(followUpOn: R.day(-1), days: 1), .noCareContact])
        #expect(alerts.map(\.isDanger) == [true, false])
    }

    @Test func continuityPerProfessionOverEighteenMonths() {
        var record = R.calm()
        // Nurses: the worked example A A B A C (N=5, UPC 0.6, COC 0.30); one more is too old.
        record.encounters = [R.encounter(-600, "sofia.ny"),
                             R.encounter(-100, "karin.berg"), R.encounter(-90, "karin.berg"), R.encounter(-80, "sofia.ny"),
                             R.encounter(-70, "karin.berg"), R.encounter(-60, "ali.fys"), R.encounter(-50, "per.holm")]
        record.staff["ali.fys"] = Staff(id: "ali.fys", name: "Ali Fys", profession: .nurse, unitId: R.vc)
        let m = R.model(record)
        #expect(m.continuityWindow == Continuity.window(endingOn: R.today, months: 18))
        #expect(m.nurses.encounters == 5)
        #expect(m.nurses.upc == 0.6)
        #expect(abs((m.nurses.coc ?? 0) - 0.3) < 1e-9)
        #expect(OverviewFormat.continuity(m.nurses, .swedish, .sv) == "COC 0,30  UPC 0,60  N=5")
        #expect(OverviewFormat.continuity(m.nurses, .english, .en) == "COC 0.30  UPC 0.60  N=5")
        // One doctor's encounter: nothing to measure, and it must not read as 0 or 1.
        #expect(m.doctors.encounters == 1)
        #expect(m.doctors.coc == nil && m.doctors.upc == nil)
        #expect(OverviewFormat.continuity(m.doctors, .swedish, .sv) == "COC –     UPC –     N=1")
        #expect(OverviewFormat.continuity(m.doctors, .english, .en) == "COC n/a   UPC n/a   N=1")
    }

    @Test func chronicProblemsThatDoNotFitAreCounted() {
        var record = R.calm()
        record.problems = (1...6).map { Problem(id: RecordID($0), patientId: R.pid, code: "I1\($0)", text: "Diagnos nummer \($0)", chronic: true) }
        let narrow = OverviewDocument(model: R.model(record), strings: .swedish, width: 76, height: 19)
        let row = narrow.rows.first { $0.text.hasPrefix("Kroniska") }?.text ?? ""
        #expect(row.contains("I11 Diagnos nummer 1"))
        #expect(row.contains("+4 till"))
        #expect(DisplayWidth.of(row) <= 76)
        let tall = OverviewDocument(model: R.model(record), strings: .english, width: 76, height: 35)
        #expect(tall.rows.map(\.text).joined().contains("I16 Diagnos nummer 6"))
        #expect(!tall.rows.map(\.text).joined().contains("more"))
    }

    @Test func everyRowFitsTheWidth() {
        var record = R.calm()
        record.referrals = [R.referral(1, sent: -100)]
        record.plans = [R.plan(1, followUp: -3)]
        for width in [76, 116] {
            let doc = OverviewDocument(model: R.model(record), strings: .swedish, width: width, height: 19)
            #expect(doc.rows.allSatisfy { $0.width <= width })
        }
    }
}
