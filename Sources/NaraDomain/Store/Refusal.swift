import Foundation

/// Why the store refused what a user asked of it, as a value rather than a sentence.
///
/// The command line prints `description` (English, as all its messages are); the app
/// words every case in the user's language (`Strings.refusal` in NaraApp), with an
/// exhaustive switch, so a refusal without a Swedish wording does not compile. A store
/// check that a screen can reach throws one of these, never free text
/// (`StoreError.invalid` is for the operator's command-line input only).
public enum Refusal: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The fields a writer checks, so a refusal can name the one at fault.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case reason, goal, question, comment, givenName, familyName, street, postalCode, city, phone
        case diagnosisText, nextOfKinName, relation, personName, service

        var english: String {
            switch self {
            case .reason: return "reason"
            case .goal: return "goal"
            case .question: return "question"
            case .comment: return "comment"
            case .givenName: return "given name"
            case .familyName: return "family name"
            case .street: return "street"
            case .postalCode: return "postal code"
            case .city: return "city"
            case .phone: return "phone"
            case .diagnosisText: return "diagnosis text"
            case .nextOfKinName: return "next of kin's name"
            case .relation: return "relation"
            case .personName: return "name"
            case .service: return "service"
            }
        }
    }

    // Text
    case required(Field)
    case tooLong(Field, max: Int)
    /// A reason that says nothing (`Reason`): fewer letters than `minimumLetters`.
    case reasonSaysNothing(minimumLetters: Int)
    /// A value the schema's constraints refused, with SQLite's words for the log.
    case constraint(detail: String)
    // Encounters
    case encounterInFuture
    case encounterAtOwnUnit(UnitID)
    case notClinicianAtUnit(name: String)
    case dischargeBeforeAdmission
    case deathInFuture
    case deathBeforeBirth
    case notICD10(code: String)
    // Named contacts and listing
    case contactTooFarAhead(days: Int)
    case doesNotMeetPatients(name: String)
    case contactFromOwnUnit
    case namedGPMustBePhysician(name: String)
    /// A named GP works at the unit the patient is listed at, from the day of listing.
    case namedGPAtListingUnit
    case contactBeforeCurrent(since: LocalDate)
    case contactAlreadyEnded
    case listingBeforeCurrent
    case listingOnlyAtPrimaryCare
    // Annulment
    case alreadyAnnulled
    case annulOwnUnitsOnly
    // Plans and referrals
    case followUpBeforeAgreed
    case planChangedByParticipantsOnly
    case referralFromOwnUnit(UnitID)
    case queueOfOwnUnit
    // Consent and blocks
    case consentEndsBeforeToday
    case consentForOwnInformation
    case blockOpeningDays(maximum: Int)
    case blockAtDocumentingProvider
    // Access-log review and keys
    case periodEndsBeforeStart
    case negativeSample
    case reviewNeedsComment
    case reviewCommentTooLong(maximum: Int)
    case onlyAdministratorsReview
    case noSelfReview
    case keyBelongsToOther(StaffID)
    // Work lists
    case rowTakenBy(name: String, at: Date)
    case notOnWorkList

    public var description: String {
        switch self {
        case .required(let field): return "\(field.english) is required"
        case .tooLong(let field, let max): return "\(field.english) is longer than \(max) characters"
        case .reasonSaysNothing(let n): return "a reason says something: at least \(n) letters"
        case .constraint(let detail): return "the store refused a value (\(detail))"
        case .encounterInFuture: return "an encounter cannot be registered in the future"
        case .encounterAtOwnUnit(let unit): return "an encounter is registered at your own unit (\(unit))"
        case .notClinicianAtUnit(let name): return "\(name) is not a clinician at your unit"
        case .dischargeBeforeAdmission: return "discharge before admission"
        case .deathInFuture: return "a death cannot be recorded in the future"
        case .deathBeforeBirth: return "a death cannot be recorded before the birth"
        case .notICD10(let code): return "'\(code)' is not an ICD-10 code (a letter, two digits, e.g. E11.9)"
        case .contactTooFarAhead(let days): return "a named contact starts at most \(days) days ahead"
        case .doesNotMeetPatients(let name): return "\(name) does not meet patients and cannot be a named contact"
        case .contactFromOwnUnit: return "a named contact is appointed among the staff of your own unit"
        case .namedGPMustBePhysician(let name): return "a named GP must be a physician; \(name) is not"
        case .namedGPAtListingUnit: return "a named GP is appointed at the unit where the patient is listed"
        case .contactBeforeCurrent(let since): return "the new contact cannot start before the current one (\(since.iso))"
        case .contactAlreadyEnded: return "the contact has already ended"
        case .listingBeforeCurrent: return "the new listing cannot start before the current one"
        case .listingOnlyAtPrimaryCare: return "a patient can only be listed at a vårdcentral (primary care unit)"
        case .alreadyAnnulled: return "it is already annulled"
        case .annulOwnUnitsOnly: return "only the unit that registered it annuls it"
        case .followUpBeforeAgreed: return "the follow-up date cannot be before the agreed date"
        case .planChangedByParticipantsOnly: return "only a unit taking part in the plan changes it"
        case .referralFromOwnUnit(let unit): return "a referral is written from your own unit (\(unit))"
        case .queueOfOwnUnit: return "a unit's referrals are its own staff's"
        case .consentEndsBeforeToday: return "a consent cannot end before today"
        case .consentForOwnInformation: return "consent is for another provider's information, not your own"
        case .blockOpeningDays(let max): return "a block is opened for 1 to \(max) days"
        case .blockAtDocumentingProvider: return "a block is registered at the care provider that documented the information"
        case .periodEndsBeforeStart: return "the period ends before it starts"
        case .negativeSample: return "the sample size cannot be negative"
        case .reviewNeedsComment: return "a review needs a comment"
        case .reviewCommentTooLong(let max): return "a review comment is at most \(max) characters"
        case .onlyAdministratorsReview: return "only an administrator reviews the access log"
        case .noSelfReview: return "nobody reviews their own accesses"
        case .keyBelongsToOther(let owner): return "this key is already on file for \(owner)"
        case .rowTakenBy(let name, let at): return "\(name) took this row at \(WallClock.dateTime(at))"
        case .notOnWorkList: return "the patient is not on this work list"
        }
    }
}
