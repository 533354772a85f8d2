import NaraDomain

/// The work-list screen's words. List names and explanations take the settings, so a
/// unit that changes a threshold sees its own numbers in the names.
struct WorkListsStrings: Sendable {
    var language: Language
    var columnList: String, columnCount: String, columnReason: String
    var noPatients: String
    var countFailed: String
    var footerLists: String, footerPatients: String
    var helpOpen: String, helpBack: String, helpRefresh: String
    var patients: @Sendable (Int) -> String
    var days: @Sendable (Int) -> String
    var name: @Sendable (WorkListKind, WorkListSettings, Strings) -> String
    var explanation: @Sendable (WorkListKind, WorkListSettings, Strings) -> String
    var reason: @Sendable (WorkListReason, Strings) -> String

    static func of(_ language: Language) -> WorkListsStrings { language == .sv ? sv : en }

    /// "0,3" rather than "0,30": a threshold reads as it was set.
    static func threshold(_ value: Double, _ s: Strings) -> String {
        let two = s.decimal(value, digits: 2)
        return two.hasSuffix("0") ? s.decimal(value, digits: 1) : two
    }

    private static func svDays(_ n: Int) -> String { n == 1 ? "1 dag" : "\(n) dagar" }
    private static func enDays(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    static let sv = WorkListsStrings(
        language: .sv,
        columnList: "Lista", columnCount: "Antal", columnReason: "Orsak",
        noPatients: "Inga patienter på listan just nu.",
        countFailed: "Kunde inte räkna arbetslistorna:",
        footerLists: "Enter öppnar listan · u räknar om · Esc tillbaka",
        footerPatients: "Enter öppnar journalen · / filtrerar · Esc tillbaka · u läser om",
        helpOpen: "Öppna listan / patientens journal", helpBack: "Tillbaka till listorna",
        helpRefresh: "Räkna om listorna",
        patients: { n in n == 1 ? "1 patient" : "\(n) patienter" },
        days: svDays,
        name: { kind, t, s in
            switch kind {
            case .elderlyMultimorbidWithoutContact:
                return "Äldre (\(t.minimumAge)+) med ≥\(t.minimumChronicDiagnoses) kroniska diagnoser utan fast vårdkontakt"
            case .frequentLowContinuity:
                return "Täta kontakter (≥\(t.frequentEncounters) på \(t.frequentWindowMonths) mån) med låg kontinuitet "
                    + "(COC < \(threshold(t.lowCocThreshold, s)))"
            case .planFollowUpDue: return "SIP med passerad uppföljning"
            case .dischargedWithoutContact: return "Utskrivna senaste \(t.dischargeWindowDays) dagarna utan kontakt"
            case .overdueReferrals: return "Remisser efter vårdgarantins gräns"
            case .unacknowledgedReferrals: return "Remisser utan bekräftelse eller kvittens"
            case .chronicWithoutEncounter: return "Kronisk sjukdom utan kontakt på \(t.noEncounterMonths) månader"
            case .admissionsWithoutCareContact: return "Inskrivna på sjukhus utan fast vårdkontakt"
            case .readyWithoutPlan: return "Utskrivningsklara utan kallad SIP"
            case .rejectedReferrals: return "Avvisade remisser att ta hand om"
            case .withoutNamedGP: return "Listade utan fast läkarkontakt"
            case .residentialCareWithoutNamedGP: return "Boende på SÄBO utan fast läkarkontakt"
            case .multimorbidElderly:
                return "Multisjuka äldre (\(t.minimumAge)+, ≥\(t.multimorbidStays) vårdtillfällen på "
                    + "\(t.multimorbidWindowMonths) mån)"
            case .yearlyCheckDue: return "Årskontroll ej gjord (diabetes, hjärtsvikt, KOL)"
            }
        },
        explanation: { kind, t, s in
            switch kind {
            case .elderlyMultimorbidWithoutContact:
                return "Listade här, \(t.minimumAge) år eller äldre, minst \(t.minimumChronicDiagnoses) kroniska "
                    + "diagnoser och ingen fast vårdkontakt som samordnar. Flest diagnoser först."
            case .frequentLowContinuity:
                return "Listade här med minst \(t.frequentEncounters) kontakter på \(t.frequentWindowMonths) månader "
                    + "och COC under \(threshold(t.lowCocThreshold, s)): de träffar nya personer varje gång."
            case .planFollowUpDue:
                return "Öppna SIP där enheten ansvarar eller deltar och uppföljningsdatumet har passerat. "
                    + "Längst passerad först."
            case .dischargedWithoutContact:
                return "Listade här och utskrivna från sjukhus de senaste \(t.dischargeWindowDays) dagarna, "
                    + "utan kontakt med primärvården sedan utskrivningen."
            case .overdueReferrals:
                return "Öppna remisser till eller från enheten som passerat vårdgarantins gräns. "
                    + "Längst över gränsen först."
            case .unacknowledgedReferrals:
                return "Skickade remisser som mottagaren inte bekräftat, och svar som ingen här kvitterat, "
                    + "efter \(t.acknowledgementDays) dagar."
            case .chronicWithoutEncounter:
                return "Listade här med minst en kronisk diagnos och ingen kontakt här på vårdcentralen de senaste "
                    + "\(t.noEncounterMonths) månaderna (kontakter på andra enheter räknas inte). Längst sedan först."
            case .admissionsWithoutCareContact:
                return "Listade här, inskrivna på sjukhus enligt inskrivningsmeddelandet och utan fast vårdkontakt "
                    + "här: en ska utses innan patienten skrivs ut (lag 2017:612). Minst tid kvar först."
            case .readyWithoutPlan:
                return "Listade här, utskrivningsklara och ännu kvar på sjukhuset utan SIP sedan inskrivningen: "
                    + "den ska kallas inom \(DischargeNotice.planCallDays) dagar (lag 2017:612). Minst tid kvar först."
            case .rejectedReferrals:
                return "Remisser härifrån som mottagaren avvisat, utan ny remiss och utan kontakt med patienten "
                    + "sedan: ansvaret ligger kvar här. Längst sedan först."
            case .withoutNamedGP:
                return "Listade här utan en fast läkarkontakt vid enheten; målet är att minst 55 % av "
                    + "befolkningen har en. Äldst först."
            case .residentialCareWithoutNamedGP:
                return "Listade här, bor på särskilt boende (enligt kommunen) och har ingen fast läkarkontakt vid "
                    + "enheten; målet är att minst 80 % av dem har en. Äldst först."
            case .multimorbidElderly:
                return "Socialstyrelsens multisjuka äldre: listade här, \(t.minimumAge) år eller äldre, minst "
                    + "\(t.multimorbidStays) vårdtillfällen i sluten vård på \(t.multimorbidWindowMonths) månader och "
                    + "diagnoser i minst \(t.multimorbidChapters) kapitel av ICD-10. Flest vårdtillfällen först."
            case .yearlyCheckDue:
                return "Listade här med diabetes (HbA1c, blodtryck, ögonbotten, fotundersökning), hjärtsvikt "
                    + "(blodtryck, vikt, eGFR) eller KOL (spirometri, rökning) där något saknas de senaste "
                    + "\(t.yearlyCheckMonths) månaderna. Flest som saknas först."
            }
        },
        reason: { reason, s in
            let days = svDays
            switch reason {
            case let .elderlyMultimorbid(age, chronic):
                let diagnoses = chronic == 1 ? "1 kronisk diagnos" : "\(chronic) kroniska diagnoser"
                return "\(age) år, \(diagnoses), ingen fast vårdkontakt"
            case let .lowContinuity(encounters, coc):
                return "\(encounters) kontakter, COC \(s.decimal(coc, digits: 2))"
            case let .planFollowUpPassed(planId, followUpOn, daysPast):
                return "Uppföljning \(followUpOn.iso), \(days(daysPast)) sedan (SIP \(planId))"
            case let .dischargedWithoutContact(dischargedOn, n):
                let when = n == 0 ? "i dag" : "för \(days(n)) sedan"
                return "Utskriven \(dischargedOn.iso) (\(when)), ingen kontakt sedan"
            case let .referralOverdue(referralId, n):
                return "\(days(n)) efter vårdgarantins gräns (remiss \(referralId))"
            case let .referralUnconfirmed(referralId, sentOn, n):
                return "Skickad \(sentOn.iso), ej bekräftad efter \(days(n)) (remiss \(referralId))"
            case let .replyNotAcknowledged(referralId, answeredOn, n):
                return "Besvarad \(answeredOn.iso), ej kvitterad efter \(days(n)) (remiss \(referralId))"
            case let .chronicWithoutEncounter(chronic, lastEncounter):
                let diagnoses = chronic == 1 ? "1 kronisk diagnos" : "\(chronic) kroniska diagnoser"
                let last = lastEncounter.map { "senaste kontakt \($0.iso)" } ?? "ingen kontakt registrerad"
                return "\(diagnoses), \(last)"
            case let .admittedWithoutCareContact(ward, admittedOn, left):
                let expected = left.map { $0 < 0 ? "väntad utskrivning passerad för \(days(-$0)) sedan"
                                                 : "väntad utskrivning om \(days($0))" }
                    ?? "ingen väntad utskrivningsdag"
                return "Inskriven \(admittedOn.iso) på \(ward), \(expected), ingen fast vårdkontakt här"
            case let .readyWithoutPlan(ward, readyOn, left):
                let call = left < 0 ? "kallelsen \(days(-left)) försenad" : "kalla inom \(days(left))"
                return "Utskrivningsklar \(readyOn.iso) på \(ward), ingen SIP: \(call)"
            case let .referralRejected(referralId, rejectedOn, n):
                return "Avvisad \(rejectedOn.iso), \(days(n)) sedan, inte åtgärdad (remiss \(referralId))"
            case let .noNamedGP(age, listedSince):
                return (age.map { "\($0) år, " } ?? "") + "listad här sedan \(listedSince.iso), ingen fast läkare här"
            case let .residentialCareNoNamedGP(age, listedSince):
                return (age.map { "\($0) år, " } ?? "") + "SÄBO, listad här sedan \(listedSince.iso), ingen fast läkare"
            case let .multimorbidElderly(age, stays, chapters):
                return "\(age) år, \(stays) vårdtillfällen, diagnoser i \(chapters) ICD-10-kapitel"
            case let .yearlyCheckDue(missing):
                return "Saknas: " + YearlyCheckWords.missing(missing, .sv)
            }
        }
    )

    static let en = WorkListsStrings(
        language: .en,
        columnList: "List", columnCount: "Count", columnReason: "Reason",
        noPatients: "No patients on this list right now.",
        countFailed: "Could not count the work lists:",
        footerLists: "Enter opens the list · u recounts · Esc back",
        footerPatients: "Enter opens the record · / filters · Esc back to the lists · u reloads",
        helpOpen: "Open the list / the patient's record", helpBack: "Back to the lists",
        helpRefresh: "Count the lists again",
        patients: { n in n == 1 ? "1 patient" : "\(n) patients" },
        days: enDays,
        name: { kind, t, s in
            switch kind {
            case .elderlyMultimorbidWithoutContact:
                return "Elderly (\(t.minimumAge)+) with ≥\(t.minimumChronicDiagnoses) chronic diagnoses, "
                    + "no named care contact"
            case .frequentLowContinuity:
                return "Frequent contacts (≥\(t.frequentEncounters) in \(t.frequentWindowMonths) months) with low "
                    + "continuity (COC < \(threshold(t.lowCocThreshold, s)))"
            case .planFollowUpDue: return "Coordinated plans (SIP) past their follow-up"
            case .dischargedWithoutContact: return "Discharged in the last \(t.dischargeWindowDays) days without contact"
            case .overdueReferrals: return "Referrals past the care-guarantee deadline"
            case .unacknowledgedReferrals: return "Referrals not confirmed or acknowledged"
            case .chronicWithoutEncounter: return "Chronic disease without contact for \(t.noEncounterMonths) months"
            case .admissionsWithoutCareContact: return "In hospital without a named care contact"
            case .readyWithoutPlan: return "Ready for discharge without a SIP called"
            case .rejectedReferrals: return "Rejected referrals to act on"
            case .withoutNamedGP: return "Listed without a named GP"
            case .residentialCareWithoutNamedGP: return "Residential care (SÄBO) without a named GP"
            case .multimorbidElderly:
                return "Multimorbid elderly (\(t.minimumAge)+, ≥\(t.multimorbidStays) hospital stays in "
                    + "\(t.multimorbidWindowMonths) months)"
            case .yearlyCheckDue: return "Yearly check not done (diabetes, heart failure, COPD)"
            }
        },
        explanation: { kind, t, s in
            switch kind {
            case .elderlyMultimorbidWithoutContact:
                return "Listed here, aged \(t.minimumAge) or more, at least \(t.minimumChronicDiagnoses) chronic "
                    + "diagnoses and no named care contact to coordinate. Most diagnoses first."
            case .frequentLowContinuity:
                return "Listed here with at least \(t.frequentEncounters) encounters in \(t.frequentWindowMonths) "
                    + "months and COC below \(threshold(t.lowCocThreshold, s)): they meet someone new every time."
            case .planFollowUpDue:
                return "Open coordinated plans (SIP) this unit leads or takes part in whose follow-up date has "
                    + "passed. Longest past first."
            case .dischargedWithoutContact:
                return "Listed here and discharged from hospital in the last \(t.dischargeWindowDays) days, with no "
                    + "primary-care contact since the discharge."
            case .overdueReferrals:
                return "Open referrals to or from this unit past the care-guarantee deadline. Furthest past first."
            case .unacknowledgedReferrals:
                return "Sent referrals the receiver has not confirmed, and replies nobody here has acknowledged, "
                    + "after \(t.acknowledgementDays) days."
            case .chronicWithoutEncounter:
                return "Listed here with at least one chronic diagnosis and no encounter at this unit in the last "
                    + "\(t.noEncounterMonths) months (encounters elsewhere do not count). Longest ago first."
            case .admissionsWithoutCareContact:
                return "Listed here, in hospital by the admission notice and without a named care contact here: one "
                    + "must be appointed before the patient is discharged (lag 2017:612). Least time left first."
            case .readyWithoutPlan:
                return "Listed here, ready for discharge and still in hospital with no SIP since the admission: it "
                    + "is to be called within \(DischargeNotice.planCallDays) days (lag 2017:612). Least time left first."
            case .rejectedReferrals:
                return "Referrals from here the receiver rejected, with no new referral and no contact with the "
                    + "patient since: the responsibility stays here. Longest ago first."
            case .withoutNamedGP:
                return "Listed here without a named GP at this unit; the goal is that at least 55 % of the "
                    + "population has one. Oldest first."
            case .residentialCareWithoutNamedGP:
                return "Listed here, living in a residential care home (as the municipality reports) and without a "
                    + "named GP at this unit; the goal is that at least 80 % of them have one. Oldest first."
            case .multimorbidElderly:
                return "Socialstyrelsen's multimorbid elderly: listed here, \(t.minimumAge) or older, at least "
                    + "\(t.multimorbidStays) hospital stays in \(t.multimorbidWindowMonths) months and diagnoses in at "
                    + "least \(t.multimorbidChapters) ICD-10 chapters. Most stays first."
            case .yearlyCheckDue:
                return "Listed here with diabetes (HbA1c, blood pressure, eye screening, foot examination), heart "
                    + "failure (blood pressure, weight, eGFR) or COPD (spirometry, smoking) with something missing in "
                    + "the last \(t.yearlyCheckMonths) months. Most missing first."
            }
        },
        reason: { reason, s in
            let days = enDays
            switch reason {
            case let .elderlyMultimorbid(age, chronic):
                let diagnoses = chronic == 1 ? "1 chronic diagnosis" : "\(chronic) chronic diagnoses"
                return "Age \(age), \(diagnoses), no named care contact"
            case let .lowContinuity(encounters, coc):
                return "\(encounters) encounters, COC \(s.decimal(coc, digits: 2))"
            case let .planFollowUpPassed(planId, followUpOn, daysPast):
                return "Follow-up \(followUpOn.iso), \(days(daysPast)) ago (SIP \(planId))"
            case let .dischargedWithoutContact(dischargedOn, n):
                let when = n == 0 ? "today" : "\(days(n)) ago"
                return "Discharged \(dischargedOn.iso) (\(when)), no contact since"
            case let .referralOverdue(referralId, n):
                return "\(days(n)) past the care-guarantee deadline (referral \(referralId))"
            case let .referralUnconfirmed(referralId, sentOn, n):
                return "Sent \(sentOn.iso), not confirmed after \(days(n)) (referral \(referralId))"
            case let .replyNotAcknowledged(referralId, answeredOn, n):
                return "Answered \(answeredOn.iso), not acknowledged after \(days(n)) (referral \(referralId))"
            case let .chronicWithoutEncounter(chronic, lastEncounter):
                let diagnoses = chronic == 1 ? "1 chronic diagnosis" : "\(chronic) chronic diagnoses"
                let last = lastEncounter.map { "last contact \($0.iso)" } ?? "no contact recorded"
                return "\(diagnoses), \(last)"
            case let .admittedWithoutCareContact(ward, admittedOn, left):
                let expected = left.map { $0 < 0 ? "expected discharge passed \(days(-$0)) ago"
                                                 : "expected discharge in \(days($0))" }
                    ?? "no expected discharge day"
                return "Admitted \(admittedOn.iso) at \(ward), \(expected), no named care contact here"
            case let .readyWithoutPlan(ward, readyOn, left):
                let call = left < 0 ? "call overdue by \(days(-left))" : "call within \(days(left))"
                return "Ready for discharge \(readyOn.iso) at \(ward), no SIP: \(call)"
            case let .referralRejected(referralId, rejectedOn, n):
                return "Rejected \(rejectedOn.iso), \(days(n)) ago, not acted on (referral \(referralId))"
            case let .noNamedGP(age, listedSince):
                return (age.map { "Age \($0), " } ?? "") + "listed here since \(listedSince.iso), no named GP here"
            case let .residentialCareNoNamedGP(age, listedSince):
                return (age.map { "Age \($0), " } ?? "") + "SÄBO, listed here since \(listedSince.iso), no named GP"
            case let .multimorbidElderly(age, stays, chapters):
                return "Age \(age), \(stays) hospital stays, diagnoses in \(chapters) ICD-10 chapters"
            case let .yearlyCheckDue(missing):
                return "Missing: " + YearlyCheckWords.missing(missing, .en)
            }
        }
    )
}
