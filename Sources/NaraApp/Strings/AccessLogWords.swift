import NaraDomain

/// The access log in words a patient can judge (PDL 8 kap 5 §, HSLF-FS 2016:40 4 kap
/// 10 §), for the extract on screen and on the command line, and why a row was put
/// before the log reviewer. A case per language, so a missing word is a compile error.
public struct AccessLogWords: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public func activity(_ a: LoggedActivity) -> String {
        switch (language, a) {
        case (.sv, .readRecord): return "läste journalen"
        case (.en, .readRecord): return "read the record"
        case (.sv, .sawInWorkList): return "såg patienten i en arbetslista"
        case (.en, .sawInWorkList): return "saw the patient on a work list"
        case (.sv, .sawInReferralQueue): return "såg patientens remiss i remisskorgen"
        case (.en, .sawInReferralQueue): return "saw the patient's referral in the referral queue"
        case (.sv, .readLogExtract): return "tog ut loggutdrag"
        case (.en, .readLogExtract): return "took a log extract"
        case (.sv, .reviewedLog): return "granskade loggen"
        case (.en, .reviewedLog): return "reviewed the log"
        case (.sv, .readConsents): return "läste samtycken"
        case (.en, .readConsents): return "read the consents"
        case (.sv, .readBlocks): return "läste spärrar"
        case (.en, .readBlocks): return "read the blocks"
        case (.sv, .registered): return "registrerade patienten"
        case (.en, .registered): return "registered the patient"
        case (.sv, .changedListing): return "ändrade listningen"
        case (.en, .changedListing): return "changed the listing"
        case (.sv, .wroteDiagnosis): return "skrev in en diagnos"
        case (.en, .wroteDiagnosis): return "recorded a diagnosis"
        case (.sv, .wroteEncounter): return "registrerade en vårdkontakt"
        case (.en, .wroteEncounter): return "recorded an encounter"
        case (.sv, .appointedContact): return "utsåg en fast kontakt"
        case (.en, .appointedContact): return "appointed a named contact"
        case (.sv, .endedContact): return "avslutade en fast kontakt"
        case (.en, .endedContact): return "ended a named contact"
        case (.sv, .wroteReferral): return "skrev eller hanterade en remiss"
        case (.en, .wroteReferral): return "wrote or handled a referral"
        case (.sv, .changedPlan): return "skrev i en samordnad plan (SIP)"
        case (.en, .changedPlan): return "wrote in a coordinated plan"
        case (.sv, .wroteDischarge): return "registrerade en utskrivning"
        case (.en, .wroteDischarge): return "recorded a discharge"
        case (.sv, .wroteCareRequest): return "registrerade eller besvarade en vårdbegäran"
        case (.en, .wroteCareRequest): return "recorded or answered a care request"
        case (.sv, .annulled): return "makulerade en vårdkontakt eller fast kontakt"
        case (.en, .annulled): return "annulled an encounter or named contact"
        case (.sv, .wroteTask): return "skrev eller utförde en uppgift"
        case (.en, .wroteTask): return "wrote or completed a task"
        case (.sv, .recordedConsent): return "registrerade ett samtycke"
        case (.en, .recordedConsent): return "recorded a consent"
        case (.sv, .revokedConsent): return "återkallade ett samtycke"
        case (.en, .revokedConsent): return "revoked a consent"
        case (.sv, .blocked): return "registrerade en spärr"
        case (.en, .blocked): return "recorded a block"
        case (.sv, .liftedBlock): return "hävde en spärr"
        case (.en, .liftedBlock): return "lifted a block"
        case (.sv, .openedBlock): return "öppnade en spärr tillfälligt"
        case (.en, .openedBlock): return "opened a block for a time"
        case (.sv, .exported): return "lämnade ut journalen (export)"
        case (.en, .exported): return "exported the record"
        case (.sv, .printed): return "skrev ut uppgifter"
        case (.en, .printed): return "printed information"
        case (.sv, .other): return "tog del av uppgifter"
        case (.en, .other): return "accessed information"
        }
    }

    /// The row's kind, with "in an emergency" when it was nödåtkomst.
    public func describe(_ entry: AccessLogEntry) -> String {
        activity(LoggedActivity(entry)) + (entry.emergency ? (language == .sv ? " (nödåtkomst)" : " (emergency access)") : "")
    }

    public func reason(_ r: AccessReviewReason) -> String {
        switch (language, r) {
        case (.sv, .emergency): return "nödåtkomst"
        case (.en, .emergency): return "emergency access"
        case (.sv, .protectedIdentity): return "skyddad identitet"
        case (.en, .protectedIdentity): return "protected identity"
        case (.sv, .sameSurname): return "samma efternamn"
        case (.en, .sameSurname): return "same surname"
        case (.sv, .colleague): return "kollega på enheten"
        case (.en, .colleague): return "colleague at the unit"
        case (.sv, .outOfHours): return "utanför arbetstid"
        case (.en, .outOfHours): return "out of hours"
        case (.sv, .emergencyWithoutCare): return "nödåtkomst utan vård efteråt"
        case (.en, .emergencyWithoutCare): return "emergency access, no care after"
        case (.sv, .random): return "slumpvis"
        case (.en, .random): return "at random"
        }
    }

    /// The person is named at public providers; a private provider's staff are not
    /// public, so the extract names the unit only.
    public func person(_ name: String, at principal: Principal?) -> String {
        principal == .private ? (language == .sv ? "personal vid enheten" : "staff of the unit") : name
    }
}

extension AccessLogWords {
    public var yes: String { language == .sv ? "ja" : "yes" }
    public var no: String { language == .sv ? "nej" : "no" }
}
