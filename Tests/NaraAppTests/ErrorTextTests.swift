import Foundation
import NaraApp
import NaraDomain
import Testing

@Suite struct ErrorTextTests {
    @Test func storeErrorsSpeakTheUsersLanguage() {
        let at = LocalDate(year: 2026, month: 11, day: 23)!.noon(in: TimeZone(identifier: "Europe/Stockholm")!)
        let conflict = StoreError.conflict(changedBy: "per.lind", at: at)
        #expect(Strings.swedish.describe(conflict) == "Ändrad av per.lind 2026-11-23 12:00 sedan du öppnade den. Läs om och försök igen.")
        #expect(Strings.english.describe(conflict).hasPrefix("Changed by per.lind at 2026-11-23 12:00"))
        #expect(Strings.swedish.describe(StoreError.diskFull).hasPrefix("Disken är full: inget sparades"))
        #expect(Strings.english.describe(StoreError.readOnly(path: "/x")).hasPrefix("The store is read-only"))
        #expect(Strings.swedish.describe(StoreError.corrupt(path: "/x", detail: "malformed")).hasPrefix("Databasen är skadad"))
        #expect(Strings.english.describe(StoreError.diskFull).hasPrefix("The disk is full: nothing was saved"))
        #expect(Strings.swedish.describe(StoreError.accessDenied(.administratorWithoutRelationship))
            == Strings.swedish.accessDenied)
        // Every refusal of the policy is worded in both languages, and not in the store's English.
        for denial in AccessDenial.allCases {
            for strings in [Strings.swedish, Strings.english] {
                #expect(strings.describe(StoreError.accessDenied(denial)) != StoreError.accessDenied(denial).description)
            }
        }
        #expect(Strings.swedish.describe(StoreError.accessDenied(.relationshipRequired))
            == "Det kräver en vårdrelation med patienten; nödåtkomst räcker inte för det.")
        #expect(Strings.swedish.describe(StoreError.olderSchema(path: "/x")).hasPrefix("Databasen är från en tidigare version"))
        // The database's own English is kept for the administrator, after a sentence in the user's language.
        let other = StoreError.other("SQLite error 19: CHECK constraint failed")
        #expect(Strings.swedish.describe(other).hasPrefix("Databasen svarade med ett fel: inget ändrades."))
        #expect(Strings.swedish.describe(other).hasSuffix("(SQLite error 19: CHECK constraint failed)."))
        #expect(Strings.english.describe(other).hasPrefix("The store answered with an error: nothing was changed."))
    }

    /// The store's refusals reach a Swedish screen in Swedish and an English one in
    /// English; none is shown in the store's own (command-line) words.
    @Test func refusalsAreWordedInBothLanguages() {
        let since = LocalDate(year: 2026, month: 11, day: 2)!
        let samples: [Refusal] = [.contactBeforeCurrent(since: since), .required(.reason), .encounterInFuture,
                                  .tooLong(.question, max: 4000), .notICD10(code: "X"), .alreadyAnnulled,
                                  .constraint(detail: "CHECK constraint failed: x")]
        for refusal in samples {
            let sv = Strings.swedish.describe(StoreError.refused(refusal), prefixed: false)
            let en = Strings.english.describe(StoreError.refused(refusal), prefixed: false)
            #expect(sv != en)
            #expect(!sv.contains(refusal.description))
            #expect(!sv.contains("CHECK"))
        }
        #expect(Strings.swedish.describe(StoreError.refused(.contactBeforeCurrent(since: since)), prefixed: false)
            == "Den nya kontakten kan inte börja före den nuvarande (2026-11-02).")
        #expect(Strings.swedish.describe(ReferralError.forwardToSender, prefixed: false)
            == "Skicka inte tillbaka till avsändaren – avvisa i stället.")
        #expect(Strings.english.describe(StoreError.notFound("care contact 12"), prefixed: false)
            .hasPrefix("It does not exist"))
    }
}
