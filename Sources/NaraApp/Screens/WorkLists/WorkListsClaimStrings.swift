import Foundation
import NaraDomain

/// The words of taking and handling a work-list row, in both languages.
struct WorkListsClaimStrings: Sendable {
    var columnStatus: String
    var helpTake: String, helpHandled: String, helpContacts: String, helpTask: String, helpCareRequest: String
    var notePrompt: String, noteHint: String
    var taken: String, givenBack: String, handledSaved: String
    var footerPatients: String
    /// "Karin Berg 09:12" in the status column: who has it, or who handled it.
    var takenBy: @Sendable (String, Date) -> String
    var handledBy: @Sendable (String, Date, String) -> String

    static func of(_ language: Language) -> WorkListsClaimStrings { language == .sv ? sv : en }

    static let sv = WorkListsClaimStrings(
        columnStatus: "Tagen",
        helpTake: "Ta patienten (jag ringer) / lämna tillbaka", helpHandled: "Markera hanterad med en anteckning",
        helpContacts: "Öppna patientens kontakter: utse fast kontakt, registrera vårdkontakt",
        helpTask: "Skriv en uppgift om patienten (i Min dag)",
        helpCareRequest: "Registrera en vårdbegäran för patienten (i Min dag)",
        notePrompt: "Hanterad: ", noteHint: "Enter sparar · Esc avbryter",
        taken: "Du har tagit patienten på listan.", givenBack: "Patienten är tillbaka på listan.",
        handledSaved: "Markerad som hanterad.",
        footerPatients: "t ta · h hanterad · c kontakter · T uppgift · N vårdbegäran · / filter",
        takenBy: { name, at in "Tagen av \(name) \(WallClock.dateTime(at))" },
        handledBy: { name, at, note in "Hanterad av \(name) \(WallClock.dateTime(at)): \(note)" })

    static let en = WorkListsClaimStrings(
        columnStatus: "Taken",
        helpTake: "Take the patient (I'll call) / give back", helpHandled: "Mark handled with a note",
        helpContacts: "Open the patient's contacts: appoint a named contact, register an encounter",
        helpTask: "Write a task about the patient (in My day)",
        helpCareRequest: "Register a care request for the patient (in My day)",
        notePrompt: "Handled: ", noteHint: "Enter saves · Esc cancels",
        taken: "You have taken the patient on this list.", givenBack: "The patient is back on the list.",
        handledSaved: "Marked as handled.",
        footerPatients: "t take · h handled · c contacts · T task · N care request · / filter",
        takenBy: { name, at in "Taken by \(name) \(WallClock.dateTime(at))" },
        handledBy: { name, at, note in "Handled by \(name) \(WallClock.dateTime(at)): \(note)" })
}
