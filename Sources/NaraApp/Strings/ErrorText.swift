import Foundation
import NaraDomain

extension Strings {
    /// An error as a sentence in the user's language. The store's refusals are values
    /// (`Refusal`) worded here; only operator input (`StoreError.invalid`) is free text.
    /// `prefixed: false` leaves out "Fel:" where the caller words the failure itself.
    public func describe(_ error: any Error, prefixed: Bool = true) -> String {
        let prefix = prefixed ? errorPrefix + " " : ""
        if let error = error as? ReferralError { return prefix + ReferralsStrings.of(language).refusal(error) }
        guard let error = error as? StoreError else { return "\(prefix)\(error)" }
        let sv = language == .sv
        switch error {
        case .conflict(let by, let at):
            return sv ? "Ändrad av \(by) \(StoreError.timestamp(at)) sedan du öppnade den. Läs om och försök igen."
                      : "Changed by \(by) at \(StoreError.timestamp(at)) since you opened it. Reload and try again."
        case .notFound:
            return sv ? "Uppgiften finns inte (längre). Läs om och försök igen."
                      : "It does not exist (any more). Reload and try again."
        case .duplicate: return sv ? "Det finns redan." : "It already exists."
        case .refused(let why): return self.refusal(why)
        case .unknownStaff(let id): return sv ? "Okänd personal: \(id)." : "Unknown staff member: \(id)."
        case .inactiveStaff(let id): return sv ? "\(id) är inte längre aktiv." : "\(id) is no longer active."
        case .readOnly:
            return sv ? "Databasen är skrivskyddad: inget sparades. Du kan fortsätta läsa."
                      : "The store is read-only: nothing was saved. You can go on reading."
        case .olderSchema:
            return sv ? "Databasen är från en tidigare version och måste uppgraderas: säg till systemansvarig."
                      : "The store is from an earlier version and must be upgraded: tell the administrator."
        case .diskFull:
            return sv ? "Disken är full: inget sparades. Det som redan är sparat finns kvar."
                      : "The disk is full: nothing was saved. What was saved before is safe."
        case .locked:
            return sv ? "Databasen är upptagen av en annan process. Försök igen om en stund."
                      : "The store is busy in another process. Try again in a moment."
        case .corrupt:
            return sv ? "Databasen är skadad: inget sparades. Säg till systemansvarig, som kan återställa den från en säkerhetskopia."
                      : "The store is damaged: nothing was saved. Tell the administrator, who can restore it from a backup."
        case .othersCanWrite:
            return sv ? "Databasen används inte: andra användare kan skriva i den eller i dess mapp. Säg till systemansvarig."
                      : "The store is not used: other users can write it or its folder. Tell the administrator."
        case .emergencyAccessRequired: return emergencyNoRelationship
        case .accessDenied(let denial): return denied(denial)
        case .missing, .notAStore, .newerSchema, .inUse:
            return sv ? "Databasen kan inte öppnas: säg till systemansvarig."
                      : "The store cannot be opened: tell the administrator."
        case .unavailable:
            return sv ? "Databasen kan inte nås just nu. Försök igen om en stund; säg till systemansvarig om det upprepas."
                      : "The database cannot be reached just now. Try again in a moment; tell the administrator if it happens again."
        case .invalid(let text): return prefix + text
        case .other(let detail):
            // The database's own words are for the administrator, after the user's sentence.
            return sv ? "Databasen svarade med ett fel: inget ändrades. Säg till systemansvarig om det upprepas (\(detail))."
                      : "The store answered with an error: nothing was changed. Tell the administrator if it happens again (\(detail))."
        }
    }

    /// Why the access policy said no, in the user's words.
    func denied(_ denial: AccessDenial) -> String {
        switch (language, denial) {
        case (.sv, .emergencyReasonRequired): return emergencyReasonTooShort
        case (.en, .emergencyReasonRequired): return emergencyReasonTooShort
        case (.sv, .administratorWithoutRelationship), (.sv, .noClinicalRole): return accessDenied
        case (.en, .administratorWithoutRelationship), (.en, .noClinicalRole): return accessDenied
        case (.sv, .inactiveUser): return "Ditt konto är inaktiverat: inget visas och inget sparas."
        case (.en, .inactiveUser): return "Your account is deactivated: nothing is shown and nothing saved."
        case (.sv, .notForRole): return "Din roll ger inte rätt till de här uppgifterna eller den här ändringen."
        case (.en, .notForRole): return "Your role does not allow this information or this change."
        case (.sv, .noRelationship): return "Din enhet har ingen vårdrelation med patienten, och din roll har ingen nödåtkomst."
        case (.en, .noRelationship): return "Your unit has no care relationship with the patient, and your role has no emergency access."
        case (.sv, .relationshipRequired):
            return "Det kräver en vårdrelation med patienten; nödåtkomst räcker inte för det."
        case (.en, .relationshipRequired):
            return "This needs a care relationship with the patient; emergency access is not enough for it."
        }
    }
}
