import NaraDomain

extension Strings {
    /// A store's refusal in the user's words. Exhaustive on purpose: a new refusal
    /// without its Swedish and English wording does not compile.
    func refusal(_ refusal: Refusal) -> String {
        language == .sv ? Self.swedish(refusal) : Self.english(refusal)
    }

    func field(_ field: Refusal.Field) -> String {
        switch (language, field) {
        case (.sv, .reason): return "Orsaken"
        case (.sv, .goal): return "Målet"
        case (.sv, .question): return "Frågeställningen"
        case (.sv, .comment): return "Kommentaren"
        case (.sv, .givenName): return "Förnamnet"
        case (.sv, .familyName): return "Efternamnet"
        case (.sv, .street): return "Gatuadressen"
        case (.sv, .postalCode): return "Postnumret"
        case (.sv, .city): return "Orten"
        case (.sv, .phone): return "Telefonnumret"
        case (.sv, .diagnosisText): return "Diagnostexten"
        case (.sv, .nextOfKinName): return "Den närståendes namn"
        case (.sv, .relation): return "Relationen"
        case (.sv, .personName): return "Namnet"
        case (.sv, .service): return "Insatsen"
        case (.en, .reason): return "The reason"
        case (.en, .goal): return "The goal"
        case (.en, .question): return "The question"
        case (.en, .comment): return "The comment"
        case (.en, .givenName): return "The given name"
        case (.en, .familyName): return "The family name"
        case (.en, .street): return "The street"
        case (.en, .postalCode): return "The postal code"
        case (.en, .city): return "The city"
        case (.en, .phone): return "The phone number"
        case (.en, .diagnosisText): return "The diagnosis text"
        case (.en, .nextOfKinName): return "The next of kin's name"
        case (.en, .relation): return "The relation"
        case (.en, .personName): return "The name"
        case (.en, .service): return "The service"
        }
    }

    private static func swedish(_ refusal: Refusal) -> String {
        let s = Strings.swedish
        switch refusal {
        case .required(let f): return "\(s.field(f)) måste fyllas i."
        case .tooLong(let f, let max): return "\(s.field(f)) får vara högst \(max) tecken."
        case .reasonSaysNothing(let n): return "Skriv en orsak som säger något: minst \(n) bokstäver."
        case .constraint: return "Databasen tog inte emot ett av värdena. Inget sparades."
        case .encounterInFuture: return "En vårdkontakt kan inte registreras i framtiden."
        case .encounterAtOwnUnit(let unit): return "En vårdkontakt registreras på din egen enhet (\(unit))."
        case .notClinicianAtUnit(let name): return "\(name) är inte behandlare på din enhet."
        case .dischargeBeforeAdmission: return "Utskrivningen ligger före inskrivningen."
        case .deathInFuture: return "Ett dödsfall kan inte registreras i framtiden."
        case .deathBeforeBirth: return "Dödsdagen ligger före födelsedagen."
        case .notICD10(let code): return "”\(code)” är ingen ICD-10-kod (en bokstav och två siffror, t.ex. E11.9)."
        case .contactTooFarAhead(let days): return "En fast vårdkontakt börjar högst \(days) dagar framåt."
        case .doesNotMeetPatients(let name): return "\(name) träffar inte patienter och kan inte vara fast vårdkontakt."
        case .contactFromOwnUnit: return "Fast vårdkontakt utses bland personalen på din egen enhet."
        case .namedGPMustBePhysician(let name): return "Fast läkarkontakt ska vara läkare; det är inte \(name)."
        case .namedGPAtListingUnit: return "Fast läkarkontakt utses vid den vårdcentral där patienten är listad."
        case .contactBeforeCurrent(let since): return "Den nya kontakten kan inte börja före den nuvarande (\(since.iso))."
        case .contactAlreadyEnded: return "Kontakten är redan avslutad."
        case .listingBeforeCurrent: return "Den nya listningen kan inte börja före den nuvarande."
        case .listingOnlyAtPrimaryCare: return "En patient kan bara listas på en vårdcentral."
        case .alreadyAnnulled: return "Den är redan makulerad."
        case .annulOwnUnitsOnly: return "Bara enheten som registrerade den kan makulera den."
        case .followUpBeforeAgreed: return "Uppföljningen kan inte ligga före dagen planen kom överens om."
        case .planChangedByParticipantsOnly: return "Bara en enhet som deltar i planen kan ändra den."
        case .referralFromOwnUnit(let unit): return "En remiss skrivs från din egen enhet (\(unit))."
        case .queueOfOwnUnit: return "En enhets remisser visas för dess egen personal."
        case .consentEndsBeforeToday: return "Ett samtycke kan inte sluta före i dag."
        case .consentForOwnInformation: return "Samtycke gäller en annan vårdgivares uppgifter, inte de egna."
        case .blockOpeningDays(let max): return "En spärr öppnas för 1 till \(max) dagar."
        case .blockAtDocumentingProvider: return "En spärr registreras hos vårdgivaren som dokumenterade uppgifterna."
        case .periodEndsBeforeStart: return "Perioden slutar innan den börjar."
        case .negativeSample: return "Urvalet kan inte vara negativt."
        case .reviewNeedsComment: return "En granskning behöver en kommentar."
        case .reviewCommentTooLong(let max): return "En granskningskommentar är högst \(max) tecken."
        case .onlyAdministratorsReview: return "Bara en administratör granskar loggen."
        case .noSelfReview: return "Ingen granskar sina egna åtkomster."
        case .keyBelongsToOther(let owner): return "Nyckeln finns redan registrerad för \(owner)."
        case .rowTakenBy(let name, let at): return "\(name) tog raden \(WallClock.dateTime(at))."
        case .notOnWorkList: return "Patienten finns inte längre på listan."
        }
    }

    private static func english(_ refusal: Refusal) -> String {
        let s = Strings.english
        switch refusal {
        case .required(let f): return "\(s.field(f)) is required."
        case .tooLong(let f, let max): return "\(s.field(f)) is at most \(max) characters."
        case .reasonSaysNothing(let n): return "Write a reason that says something: at least \(n) letters."
        case .constraint: return "The store did not accept one of the values. Nothing was saved."
        case .encounterInFuture: return "An encounter cannot be registered in the future."
        case .encounterAtOwnUnit(let unit): return "An encounter is registered at your own unit (\(unit))."
        case .notClinicianAtUnit(let name): return "\(name) is not a clinician at your unit."
        case .dischargeBeforeAdmission: return "The discharge is before the admission."
        case .deathInFuture: return "A death cannot be recorded in the future."
        case .deathBeforeBirth: return "The day of death is before the birth."
        case .notICD10(let code): return "“\(code)” is not an ICD-10 code (a letter and two digits, e.g. E11.9)."
        case .contactTooFarAhead(let days): return "A named contact starts at most \(days) days ahead."
        case .doesNotMeetPatients(let name): return "\(name) does not meet patients and cannot be a named contact."
        case .contactFromOwnUnit: return "A named contact is appointed among the staff of your own unit."
        case .namedGPMustBePhysician(let name): return "A named GP must be a physician; \(name) is not."
        case .namedGPAtListingUnit: return "A named GP is appointed at the unit where the patient is listed."
        case .contactBeforeCurrent(let since): return "The new contact cannot start before the current one (\(since.iso))."
        case .contactAlreadyEnded: return "The contact has already ended."
        case .listingBeforeCurrent: return "The new listing cannot start before the current one."
        case .listingOnlyAtPrimaryCare: return "A patient can only be listed at a primary care centre."
        case .alreadyAnnulled: return "It is already annulled."
        case .annulOwnUnitsOnly: return "Only the unit that registered it can annul it."
        case .followUpBeforeAgreed: return "The follow-up cannot be before the day the plan was agreed."
        case .planChangedByParticipantsOnly: return "Only a unit taking part in the plan can change it."
        case .referralFromOwnUnit(let unit): return "A referral is written from your own unit (\(unit))."
        case .queueOfOwnUnit: return "A unit's referrals are shown to its own staff."
        case .consentEndsBeforeToday: return "A consent cannot end before today."
        case .consentForOwnInformation: return "Consent is for another provider's information, not your own."
        case .blockOpeningDays(let max): return "A block is opened for 1 to \(max) days."
        case .blockAtDocumentingProvider: return "A block is registered at the provider that documented the information."
        case .periodEndsBeforeStart: return "The period ends before it starts."
        case .negativeSample: return "The sample cannot be negative."
        case .reviewNeedsComment: return "A review needs a comment."
        case .reviewCommentTooLong(let max): return "A review comment is at most \(max) characters."
        case .onlyAdministratorsReview: return "Only an administrator reviews the log."
        case .noSelfReview: return "Nobody reviews their own accesses."
        case .keyBelongsToOther(let owner): return "The key is already on file for \(owner)."
        case .rowTakenBy(let name, let at): return "\(name) took this row at \(WallClock.dateTime(at))."
        case .notOnWorkList: return "The patient is no longer on this list."
        }
    }
}
