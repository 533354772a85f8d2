@testable import NaraApp
import NaraDomain
import Testing

/// Every reason in both languages: numbers, days and dates formatted, decimal comma in
/// Swedish, singular and plural.
@Suite struct WorkListsReasonTests {
    static let d = LocalDate(year: 2026, month: 10, day: 31)!

    static let cases: [(WorkListReason, sv: String, en: String)] = [
        (.elderlyMultimorbid(age: 83, chronic: 7),
         "83 år, 7 kroniska diagnoser, ingen fast vårdkontakt",
         "Age 83, 7 chronic diagnoses, no named care contact"),
        (.elderlyMultimorbid(age: 75, chronic: 1),
         "75 år, 1 kronisk diagnos, ingen fast vårdkontakt",
         "Age 75, 1 chronic diagnosis, no named care contact"),
        (.lowContinuity(encounters: 9, coc: 0.1789),
         "9 kontakter, COC 0,18",
         "9 encounters, COC 0.18"),
        (.planFollowUpPassed(planId: 12, followUpOn: d, daysPast: 23),
         "Uppföljning 2026-10-31, 23 dagar sedan (SIP 12)",
         "Follow-up 2026-10-31, 23 days ago (SIP 12)"),
        (.dischargedWithoutContact(dischargedOn: d, days: 1),
         "Utskriven 2026-10-31 (för 1 dag sedan), ingen kontakt sedan",
         "Discharged 2026-10-31 (1 day ago), no contact since"),
        (.dischargedWithoutContact(dischargedOn: d, days: 0),
         "Utskriven 2026-10-31 (i dag), ingen kontakt sedan",
         "Discharged 2026-10-31 (today), no contact since"),
        (.referralOverdue(referralId: 1375, days: 23),
         "23 dagar efter vårdgarantins gräns (remiss 1375)",
         "23 days past the care-guarantee deadline (referral 1375)"),
        (.referralUnconfirmed(referralId: 4, sentOn: d, days: 14),
         "Skickad 2026-10-31, ej bekräftad efter 14 dagar (remiss 4)",
         "Sent 2026-10-31, not confirmed after 14 days (referral 4)"),
        (.replyNotAcknowledged(referralId: 5, answeredOn: d, days: 30),
         "Besvarad 2026-10-31, ej kvitterad efter 30 dagar (remiss 5)",
         "Answered 2026-10-31, not acknowledged after 30 days (referral 5)"),
        (.chronicWithoutEncounter(chronic: 2, lastEncounter: d),
         "2 kroniska diagnoser, senaste kontakt 2026-10-31",
         "2 chronic diagnoses, last contact 2026-10-31"),
        (.chronicWithoutEncounter(chronic: 1, lastEncounter: nil),
         "1 kronisk diagnos, ingen kontakt registrerad",
         "1 chronic diagnosis, no contact recorded"),
    ]

    @Test(arguments: cases.indices)
    func reasonIsWordedInBothLanguages(index: Int) {
        let (reason, sv, en) = Self.cases[index]
        #expect(WorkListsStrings.sv.reason(reason, Language.sv.strings) == sv)
        #expect(WorkListsStrings.en.reason(reason, Language.en.strings) == en)
    }

    /// Guards the table above: a new reason case must get a row.
    @Test func everyReasonCaseIsCovered() {
        func name(_ r: WorkListReason) -> String { String("\(r)".prefix { $0 != "(" }) }
        let covered = Set(Self.cases.map { name($0.0) })
        #expect(covered == ["elderlyMultimorbid", "lowContinuity", "planFollowUpPassed", "dischargedWithoutContact",
                            "referralOverdue", "referralUnconfirmed", "replyNotAcknowledged",
                            "chronicWithoutEncounter"])
    }

    @Test func listNamesTakeTheirThresholdsFromTheSettings() {
        let sv = Language.sv.strings, en = Language.en.strings
        let w = WorkListsStrings.sv
        #expect(w.name(.elderlyMultimorbidWithoutContact, .default, sv)
                == "Äldre (75+) med ≥3 kroniska diagnoser utan fast vårdkontakt")
        #expect(w.name(.frequentLowContinuity, .default, sv)
                == "Täta kontakter (≥4 på 12 mån) med låg kontinuitet (COC < 0,3)")
        #expect(w.name(.dischargedWithoutContact, .default, sv) == "Utskrivna senaste 7 dagarna utan kontakt")
        #expect(w.name(.chronicWithoutEncounter, .default, sv) == "Kronisk sjukdom utan kontakt på 12 månader")
        let changed = WorkListSettings(minimumAge: 80, minimumChronicDiagnoses: 4, frequentEncounters: 6,
                                       frequentWindowMonths: 6, lowCocThreshold: 0.25, dischargeWindowDays: 14,
                                       noEncounterMonths: 18)
        #expect(w.name(.elderlyMultimorbidWithoutContact, changed, sv)
                == "Äldre (80+) med ≥4 kroniska diagnoser utan fast vårdkontakt")
        #expect(w.name(.frequentLowContinuity, changed, sv)
                == "Täta kontakter (≥6 på 6 mån) med låg kontinuitet (COC < 0,25)")
        #expect(WorkListsStrings.en.name(.frequentLowContinuity, changed, en)
                == "Frequent contacts (≥6 in 6 months) with low continuity (COC < 0.25)")
        #expect(w.name(.dischargedWithoutContact, changed, sv) == "Utskrivna senaste 14 dagarna utan kontakt")
        #expect(w.name(.chronicWithoutEncounter, changed, sv) == "Kronisk sjukdom utan kontakt på 18 månader")
    }
}
