@testable import NaraApp
import NaraDomain
import Testing
import TerminalUI

/// An open hospital stay on the overview: the ward and the clock that runs, in both
/// languages, from the notices recorded at the vårdcentral.
@Suite struct OverviewDischargeNoticeTests {
    typealias R = OverviewRecords

    func stay(admitted: Int, expected: Int? = nil, ready: Int? = nil, discharged: Int? = nil) -> DischargeNotice {
        DischargeNotice(id: 1, patientId: R.pid, wardUnitId: R.hospital, unitId: R.vc, admittedOn: R.day(admitted),
                        expectedDischargeOn: expected.map(R.day), readyOn: ready.map(R.day),
                        dischargedOn: discharged.map(R.day), recordedBy: "karin.berg")
    }

    @Test func anOpenAdmissionShowsTheWardAndTheTimeLeft() {
        var record = R.calm()
        record.dischargeNotices = [stay(admitted: -2, expected: 3)]
        let alerts = R.model(record).alerts
        #expect(alerts == [.admitted(ward: "Medicinavdelning 3", admittedOn: R.day(-2), daysLeft: 3)])
        #expect(OverviewStrings.sv.alert(alerts[0], name: \.rawValue)
                == "Inskriven på Medicinavdelning 3 sedan 2026-11-21, väntad utskrivning om 3 dagar")
        #expect(OverviewStrings.en.alert(alerts[0], name: \.rawValue)
                == "In hospital at Medicinavdelning 3 since 2026-11-21, expected discharge in 3 days")
        #expect(!alerts[0].isDanger)
    }

    @Test func aReadyNoticeShowsTheSipClockAndIsDangerWhenPassed() {
        var record = R.calm()
        record.dischargeNotices = [stay(admitted: -8, expected: 2, ready: -4)]
        let alerts = R.model(record).alerts
        #expect(alerts == [.readyForDischarge(ward: "Medicinavdelning 3", readyOn: R.day(-4), daysLeft: -1)])
        #expect(alerts[0].isDanger)
        #expect(OverviewStrings.sv.alert(alerts[0], name: \.rawValue)
                == "Utskrivningsklar på Medicinavdelning 3 sedan 2026-11-19: SIP-kallelsen 1 dag försenad")
        #expect(OverviewStrings.en.alert(alerts[0], name: \.rawValue)
                == "Ready for discharge at Medicinavdelning 3 since 2026-11-19: SIP call overdue by 1 day")
        record.dischargeNotices = [stay(admitted: -8, ready: -4, discharged: -1)]
        #expect(R.model(record).alerts == [])
    }

    @Test func theOverviewShowsTheLineForAStayRecordedInTheStore() throws {
        let f = try AppFixture(width: 120, height: 40)
        defer { f.remove() }
        let id = try RichPatient.add(to: f)
        let nurse = AccessContext(staffId: "karin.berg", unitId: AppFixture.vc, sessionId: "fixture")
        _ = try f.store.recordAdmissionNotice(id, ward: RichPatient.hospital, admittedOn: AppFixture.day.adding(days: -1),
                                              expectedDischargeOn: AppFixture.day.adding(days: 4), as: nurse)
        f.type("lindq")
        f.press(.enter)
        #expect(f.app.state.top.id == .overview)
        #expect(f.text.contains("Inskriven på USÖ Medicinavdelning 2 sedan \(AppFixture.day.adding(days: -1).iso)"), "\(f.text)")
    }
}
