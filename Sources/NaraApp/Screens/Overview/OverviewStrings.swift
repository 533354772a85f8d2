import NaraDomain

/// The overview's own words in both languages. Words that depend on a value (a state, a
/// count) are functions with a case per language, so a missing translation is a compile
/// error here too.
struct OverviewStrings: Sendable {
    var language: Language
    var noPatient: String
    var noPatientHint: String
    var labelAlerts: String, labelListed: String, labelNamedGP: String, labelCareContact: String
    var labelChronic: String, labelEncounters: String, labelReferrals: String, labelPlan: String
    var labelContinuity: String, labelMeasurements: String, labelPhone: String
    var labelNextOfKin: String, labelInterpreter: String, interpreterNeeded: String
    var helpDetails: String, titleDetails: String, hintInterpreter: String, hintNextOfKin: String
    var errInterpreter: String, errNextOfKin: String, detailsSaved: String, detailsHelp: String
    var noChronic: String, noEncounters: String, noReferrals: String, noPlan: String
    var paused: String, passed: String, responsible: String, noFollowUp: String, since: String
    var doctors: String, nurses: String, notAvailable: String
    var helpScroll: String, helpContinuity: String, helpReferrals: String, helpReload: String, helpConsent: String
    var labelHidden: String, labelConsent: String
    var hiddenForRole: String
    var goal: String, participants: String
    var noNamedGP: String
    var reloaded: String
    var moreBelow: String

    static let sv = OverviewStrings(
        language: .sv,
        noPatient: "Ingen patient är öppen.",
        noPatientHint: "Sök med / eller F2, välj med ↑/↓ och öppna journalen med Enter.",
        labelAlerts: "Varningar", labelListed: "Listad", labelNamedGP: "Fast läkarkontakt", labelCareContact: "Fast vårdkontakt",
        labelChronic: "Kroniska", labelEncounters: "Vårdkontakter", labelReferrals: "Remisser", labelPlan: "SIP",
        labelContinuity: "Kontinuitet", labelMeasurements: "Mätvärden", labelPhone: "Telefon",
        labelNextOfKin: "Närstående", labelInterpreter: "Tolk", interpreterNeeded: "behövs",
        helpDetails: "Närstående och tolkbehov", titleDetails: "Närstående och tolk",
        hintInterpreter: "språkkod: ar, so, ti, fa, uk, sgn-SE … tomt = ingen tolk",
        hintNextOfKin: "namn; relation; telefon",
        errInterpreter: "Skriv en språkkod, till exempel ar, so eller sgn-SE.",
        errNextOfKin: "Skriv namn; relation; telefon (telefon kan utelämnas).",
        detailsSaved: "Närstående och tolk är sparade.",
        detailsHelp: "Enter nästa fält, sparar i sista · Esc avbryter",
        noChronic: "Inga kroniska diagnoser", noEncounters: "Inga kontakter", noReferrals: "Inga öppna remisser",
        noPlan: "Ingen SIP",
        paused: "pausad", passed: "passerad", responsible: "ansvarig", noFollowUp: "ingen uppföljning satt",
        since: "sedan",
        doctors: "Läkare", nurses: "Sjuksköterskor", notAvailable: "–",
        helpScroll: "Rulla", helpContinuity: "Kontinuitet och fasta kontakter", helpReferrals: "Remisser",
        helpReload: "Läs in journalen på nytt",
        helpConsent: "Samtycke till andra vårdgivares uppgifter: registrera eller återkalla",
        labelHidden: "Visas inte", labelConsent: "Samtycke",
        hiddenForRole: "Diagnoser och vårdkontakter ingår inte i din roll",
        goal: "mål", participants: "deltar",
        noNamedGP: "ingen fast läkarkontakt",
        reloaded: "Journalen är inläst på nytt.",
        moreBelow: "mer nedåt")

    static let en = OverviewStrings(
        language: .en,
        noPatient: "No patient record is open.",
        noPatientHint: "Search with / or F2, choose with ↑/↓ and open the record with Enter.",
        labelAlerts: "Alerts", labelListed: "Listed", labelNamedGP: "Named GP", labelCareContact: "Care contact",
        labelChronic: "Chronic", labelEncounters: "Encounters", labelReferrals: "Referrals", labelPlan: "SIP",
        labelContinuity: "Continuity", labelMeasurements: "Measurements", labelPhone: "Phone",
        labelNextOfKin: "Next of kin", labelInterpreter: "Interpreter", interpreterNeeded: "needed",
        helpDetails: "Next of kin and interpreter need", titleDetails: "Next of kin and interpreter",
        hintInterpreter: "language code: ar, so, ti, fa, uk, sgn-SE … empty = none",
        hintNextOfKin: "name; relation; phone",
        errInterpreter: "Type a language code, such as ar, so or sgn-SE.",
        errNextOfKin: "Type name; relation; phone (the phone may be left out).",
        detailsSaved: "Next of kin and interpreter are saved.",
        detailsHelp: "Enter next field, saves in the last · Esc cancels",
        noChronic: "No chronic diagnoses", noEncounters: "No encounters", noReferrals: "No open referrals",
        noPlan: "No coordinated plan",
        paused: "paused", passed: "passed", responsible: "responsible", noFollowUp: "no follow-up set",
        since: "since",
        doctors: "Doctors", nurses: "Nurses", notAvailable: "n/a",
        helpScroll: "Scroll", helpContinuity: "Continuity and named contacts", helpReferrals: "Referrals",
        helpReload: "Read the record again",
        helpConsent: "Consent to other providers' information: record or revoke",
        labelHidden: "Not shown", labelConsent: "Consent",
        hiddenForRole: "Diagnoses and encounters are not part of your role",
        goal: "goal", participants: "taking part",
        noNamedGP: "no named GP",
        reloaded: "The record was read again.",
        moreBelow: "more below")

    static func of(_ language: Language) -> OverviewStrings { language == .sv ? sv : en }

    func hiddenBlocked(_ count: Int) -> String {
        switch language {
        case .sv: return count == 1 ? "1 spärrad uppgift finns" : "\(count) spärrade uppgifter finns"
        case .en: return count == 1 ? "1 blocked entry exists" : "\(count) blocked entries exist"
        }
    }

    /// "*" stands for every other provider.
    func consented(_ providers: [String]) -> String {
        let names = providers.map { $0 == "*" ? (language == .sv ? "alla andra vårdgivare" : "every other provider") : $0 }
        switch language {
        case .sv: return "Uppgifter från " + names.joined(separator: ", ") + " visas (s återkallar)"
        case .en: return names.joined(separator: ", ") + "'s entries are shown (s revokes)"
        }
    }

    func hiddenNeedsConsent(_ providers: [String]) -> String {
        switch language {
        case .sv: return "Uppgifter från " + providers.joined(separator: ", ") + " kräver samtycke (s)"
        case .en: return providers.joined(separator: ", ") + "'s entries need consent (s)"
        }
    }

    func age(_ years: Int?) -> String {
        guard let years else { return language == .sv ? "ålder okänd" : "age unknown" }
        return language == .sv ? "\(years) år" : "\(years) y"
    }

    func sex(_ sex: Sex) -> String {
        switch (language, sex) {
        case (.sv, .female): return "kvinna"
        case (.sv, .male): return "man"
        case (.sv, .unknown): return "kön okänt"
        case (.en, .female): return "female"
        case (.en, .male): return "male"
        case (.en, .unknown): return "sex unknown"
        }
    }

    func more(_ n: Int) -> String { language == .sv ? "+\(n) till" : "+\(n) more" }

    func mode(_ mode: EncounterMode) -> String { language.strings.encounterMode(mode) }

    /// The short forms Swedish staff write after a name: "Karin Berg dsk".
    func professionShort(_ p: Profession?) -> String {
        guard let p else { return "?" }
        switch (language, p) {
        case (.sv, .physician): return "läk"
        case (.sv, .nurse): return "ssk"
        case (.sv, .districtNurse): return "dsk"
        case (.sv, .assistantNurse): return "usk"
        case (.sv, .physiotherapist): return "fysio"
        case (.sv, .occupationalTherapist): return "arbt"
        case (.sv, .psychologist): return "psyk"
        case (.sv, .counsellor): return "kur"
        case (.sv, .dietitian): return "diet"
        case (.sv, .coordinator): return "samo"
        case (.sv, .secretary): return "sekr"
        case (.sv, .other): return "övr"
        case (.en, .physician): return "GP"
        case (.en, .nurse): return "RN"
        case (.en, .districtNurse): return "DN"
        case (.en, .assistantNurse): return "AN"
        case (.en, .physiotherapist): return "PT"
        case (.en, .occupationalTherapist): return "OT"
        case (.en, .psychologist): return "psych"
        case (.en, .counsellor): return "couns"
        case (.en, .dietitian): return "diet"
        case (.en, .coordinator): return "coord"
        case (.en, .secretary): return "sec"
        case (.en, .other): return "other"
        }
    }

    func state(_ state: ReferralState) -> String { language.strings.referralState(state) }

    /// "12 dagar kvar", "1 dag försenad": negative means past the deadline.
    /// A paused clock: "pausad: sista dag flyttad till 2026-12-08".
    func pausedUntil(_ day: LocalDate) -> String {
        switch language {
        case .sv: return "pausad: sista dag flyttad till \(day.iso)"
        case .en: return "paused: deadline moved to \(day.iso)"
        }
    }

    func daysLeft(_ days: Int) -> String {
        let n = abs(days)
        switch language {
        case .sv: return days >= 0 ? "\(n) \(n == 1 ? "dag" : "dagar") kvar" : "\(n) \(n == 1 ? "dag" : "dagar") försenad"
        case .en: return days >= 0 ? "\(n) \(n == 1 ? "day" : "days") left" : "\(n) \(n == 1 ? "day" : "days") overdue"
        }
    }

    private static func svDays(_ n: Int) -> String { n == 1 ? "1 dag" : "\(n) dagar" }
    private static func enDays(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    func followUp(_ day: LocalDate) -> String { (language == .sv ? "uppföljning " : "follow-up ") + day.iso }

    func window(months: Int) -> String { language == .sv ? "\(months) mån" : "\(months) months" }

    /// Which encounters the continuity figures count.
    func scope(_ scope: ContinuityScope) -> String {
        switch (language, scope) {
        case (.sv, .listingUnit): return "listningsenheten"
        case (.en, .listingUnit): return "listing unit"
        case (.sv, .allUnits): return "alla enheter"
        case (.en, .allUnits): return "all units"
        }
    }

    /// An alert in words, with `name` for the staff it mentions.
    func alert(_ alert: PatientAlert, name: (StaffID) -> String) -> String {
        switch (language, alert) {
        case (.sv, .noCareContact): return "Ingen fast vårdkontakt"
        case (.en, .noCareContact): return "No named care contact"
        case (.sv, .overdueReferrals(let n)): return n == 1 ? "1 remiss försenad" : "\(n) remisser försenade"
        case (.en, .overdueReferrals(let n)): return n == 1 ? "1 referral overdue" : "\(n) referrals overdue"
        case (.sv, .dischargedWithoutContact(_, let days)):
            let when = days == 0 ? "i dag" : "för \(days) \(days == 1 ? "dag" : "dagar") sedan"
            return "Utskriven \(when) utan kontakt i primärvården"
        case (.en, .dischargedWithoutContact(_, let days)):
            let when = days == 0 ? "today" : "\(days) \(days == 1 ? "day" : "days") ago"
            return "Discharged \(when) without a primary-care contact"
        case (.sv, .contactLeft(let role, let id)):
            return (role == .namedPhysician ? "Fasta läkaren " : "Fasta vårdkontakten ") + name(id) + " har slutat"
        case (.en, .contactLeft(let role, let id)):
            return (role == .namedPhysician ? "The named GP " : "The named care contact ") + name(id) + " has left"
        case (.sv, .namedGPNotSeen(let id, let last)):
            return "Inte träffat fasta läkaren \(name(id)) på 12 mån" + (last.map { " (senast \($0.iso))" } ?? " (aldrig)")
        case (.en, .namedGPNotSeen(let id, let last)):
            return "Not seen by the named GP \(name(id)) in 12 months" + (last.map { " (last \($0.iso))" } ?? " (never)")
        case (.sv, .admitted(let ward, let on, let left)):
            let when = left.map { $0 < 0 ? ", väntad utskrivning passerad för \(Self.svDays(-$0)) sedan"
                                         : ", väntad utskrivning om \(Self.svDays($0))" } ?? ""
            return "Inskriven på \(ward) sedan \(on.iso)\(when)"
        case (.en, .admitted(let ward, let on, let left)):
            let when = left.map { $0 < 0 ? ", expected discharge passed \(Self.enDays(-$0)) ago"
                                         : ", expected discharge in \(Self.enDays($0))" } ?? ""
            return "In hospital at \(ward) since \(on.iso)\(when)"
        case (.sv, .readyForDischarge(let ward, let on, let left)):
            let call = left < 0 ? "SIP-kallelsen \(Self.svDays(-left)) försenad" : "kalla SIP inom \(Self.svDays(left))"
            return "Utskrivningsklar på \(ward) sedan \(on.iso): \(call)"
        case (.en, .readyForDischarge(let ward, let on, let left)):
            let call = left < 0 ? "SIP call overdue by \(Self.enDays(-left))" : "call the SIP within \(Self.enDays(left))"
            return "Ready for discharge at \(ward) since \(on.iso): \(call)"
        case (.sv, .planFollowUpPassed(let on, let days)):
            return "SIP-uppföljningen \(on.iso) är passerad (\(days) \(days == 1 ? "dag" : "dagar"))"
        case (.en, .planFollowUpPassed(let on, let days)):
            return "The SIP follow-up \(on.iso) has passed (\(days) \(days == 1 ? "day" : "days"))"
        case (.sv, .frequentListingChanges(let n, let months)):
            return "Bytt listning \(n) gånger på \(months) mån: ingen fast läkarkontakt hinner följa patienten"
        case (.en, .frequentListingChanges(let n, let months)):
            return "Changed listing \(n) times in \(months) months: no named GP can follow the patient"
        }
    }
}
