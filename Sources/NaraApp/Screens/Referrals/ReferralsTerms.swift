import NaraDomain

/// The referral words that name the domain's values: steps, priorities, guarantees and
/// the domain's refusals. Switches over (language, value), so a new step or refusal
/// without its words in both languages does not compile.
extension ReferralsStrings {
    func step(_ kind: ReferralActionKind) -> String {
        switch (language, kind) {
        case (.sv, .create): return "Skapa"
        case (.sv, .send): return "Skicka"
        case (.sv, .confirmReceipt): return "Bekräfta mottagande"
        case (.sv, .accept): return "Acceptera"
        case (.sv, .reject): return "Avvisa"
        case (.sv, .forward): return "Vidarebefordra"
        case (.sv, .book): return "Boka"
        case (.sv, .markSeen): return "Markera besökt"
        case (.sv, .reply): return "Svara"
        case (.sv, .adviceReply): return "Svara med råd utan besök"
        case (.sv, .acknowledgeReply): return "Kvittera svar"
        case (.sv, .patientInformed): return "Patienten informerad"
        case (.sv, .cancel): return "Makulera"
        case (.sv, .pauseClock): return "Pausa klockan"
        case (.sv, .resumeClock): return "Återuppta klockan"
        case (.en, .create): return "Create"
        case (.en, .send): return "Send"
        case (.en, .confirmReceipt): return "Confirm receipt"
        case (.en, .accept): return "Accept"
        case (.en, .reject): return "Reject"
        case (.en, .forward): return "Forward"
        case (.en, .book): return "Book"
        case (.en, .markSeen): return "Mark seen"
        case (.en, .reply): return "Reply"
        case (.en, .adviceReply): return "Answer with advice, no visit"
        case (.en, .acknowledgeReply): return "Acknowledge reply"
        case (.en, .patientInformed): return "Patient informed"
        case (.en, .cancel): return "Cancel referral"
        case (.en, .pauseClock): return "Pause clock"
        case (.en, .resumeClock): return "Resume clock"
        }
    }

    /// A region's own priority codes are data; the three of the default scale have words,
    /// any other code is shown as the region wrote it.
    func priority(_ p: ReferralPriority) -> String {
        switch (language, p) {
        case (.sv, .urgent): return "akut"
        case (.sv, .priority): return "förtur"
        case (.sv, .routine): return "rutin"
        case (.en, .urgent): return "urgent"
        case (.en, .priority): return "priority"
        case (.en, .routine): return "routine"
        default: return p.rawValue
        }
    }

    func guarantee(_ g: GuaranteeKind) -> String {
        switch (language, g) {
        case (.sv, .assessment): return "bedömning inom 3 dagar"
        case (.sv, .specialistVisit): return "besök inom 90 dagar"
        case (.sv, .treatment): return "behandling inom 90 dagar"
        case (.sv, .none): return "ingen"
        case (.en, .assessment): return "assessment within 3 days"
        case (.en, .specialistVisit): return "visit within 90 days"
        case (.en, .treatment): return "treatment within 90 days"
        case (.en, .none): return "none"
        }
    }

    func refusal(_ error: ReferralError) -> String {
        switch (language, error) {
        case (.sv, .notAllowed): return "Steget går inte i remissens nuvarande status."
        case (.sv, .wrongUnit): return "Det steget tas av den andra enheten."
        case (.sv, .reasonRequired(.pauseClock)): return "Skriv en kommentar för att pausa klockan."
        case (.sv, .reasonRequired): return "Skriv en orsak."
        case (.sv, .replyRequired): return "Svaret får inte vara tomt."
        case (.sv, .questionRequired): return "Remissen behöver en frågeställning."
        case (.sv, .sameUnit): return "En remiss måste gå till en annan enhet."
        case (.sv, .forwardToSameUnit): return "Remissen finns redan på den enheten."
        case (.sv, .forwardToSender): return "Skicka inte tillbaka till avsändaren – avvisa i stället."
        case (.sv, .bookingBeforeSent): return "Bokningen ligger före dagen remissen skickades."
        case (.sv, .alreadyPaused): return "Klockan är redan pausad."
        case (.sv, .notPaused): return "Klockan är inte pausad."
        case (.sv, .clockNotRunning): return "Ingen vårdgarantiklocka går för remissen."
        case (.sv, .clockNeverPauses): return "Den här vårdgarantins klocka pausas aldrig."
        case (.sv, .offerRequired):
            return "Patientvald väntan kräver erbjuden tid och att patienten informerats om vårdgarantin."
        case let (.sv, .offerAfterDeadline(day)): return "Den erbjudna tiden ligger efter sista dag (\(day.iso))."
        case (.en, .notAllowed): return "The step is not possible in the referral's current state."
        case (.en, .wrongUnit): return "The other unit takes that step."
        case (.en, .reasonRequired(.pauseClock)): return "Write a comment to pause the clock."
        case (.en, .reasonRequired): return "Write a reason."
        case (.en, .replyRequired): return "The reply cannot be empty."
        case (.en, .questionRequired): return "The referral needs a question."
        case (.en, .sameUnit): return "A referral must go to another unit."
        case (.en, .forwardToSameUnit): return "The referral is already at that unit."
        case (.en, .forwardToSender): return "Do not send it back to the sender – reject it instead."
        case (.en, .bookingBeforeSent): return "The booking is before the day the referral was sent."
        case (.en, .alreadyPaused): return "The clock is already paused."
        case (.en, .notPaused): return "The clock is not paused."
        case (.en, .clockNotRunning): return "No guarantee clock runs for this referral."
        case (.en, .clockNeverPauses): return "This guarantee's clock never pauses."
        case (.en, .offerRequired): return "A patient-chosen wait needs the offered time and the patient told of the guarantee."
        case let (.en, .offerAfterDeadline(day)): return "The offered time is after the last day (\(day.iso))."
        }
    }
}
