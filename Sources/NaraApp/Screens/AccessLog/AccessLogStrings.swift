import Foundation
import NaraDomain

/// The access-log screen's words.
struct AccessLogStrings: Sendable {
    var tabExtract: String, tabReview: String
    var columnTime: String, columnUnit: String, columnStaff: String, columnAction: String, columnDetail: String
    var columnPatient: String, columnState: String
    var noPatient: String, noRows: String, onlyAdministrators: String
    var emergency: String, reason: String, chosen: String
    var extractTitle: @Sendable (String, Int) -> String
    var reviewTitle: @Sendable (LocalDate, LocalDate, Int, Int) -> String
    var footerExtract: String, footerReview: String
    var notReviewed: String
    var verdictOk: String, verdictFollowUp: String
    var formTitle: String, fieldVerdict: String, verdictHint: String, fieldComment: String
    var formFooter: String
    var errorVerdict: String, errorComment: String
    var confirmTitle: String, confirmDiscard: String
    var marked: String, alreadyReviewed: String, ownAccess: String
    var helpTab: String, helpMark: String, helpReload: String
    var action: @Sendable (AccessAction) -> String

    static func of(_ language: Language) -> AccessLogStrings { language == .sv ? sv : en }

    static let sv = AccessLogStrings(
        tabExtract: "Loggutdrag", tabReview: "Logguppföljning",
        columnTime: "Tid", columnUnit: "Vårdenhet", columnStaff: "Personal", columnAction: "Åtgärd",
        columnDetail: "Detalj", columnPatient: "Patient", columnState: "Granskning",
        noPatient: "Ingen patient är öppnad. Sök och öppna en patient (F2) för att se vem som tagit del av journalen.",
        noRows: "Inga loggrader.",
        onlyAdministrators: "Endast administratörer gör logguppföljning. Loggutdraget för den öppna patienten "
            + "finns under fliken Loggutdrag.",
        emergency: "NÖD", reason: "Nödåtkomst, skäl:", chosen: "Vald:",
        extractTitle: { name, n in "Loggutdrag · \(name) · \(n) rader" },
        reviewTitle: { from, to, emergencies, n in
            "Logguppföljning \(from.iso)–\(to.iso) · \(emergencies) nödåtkomst · \(n) rader" },
        footerExtract: "Tab byter flik · / filtrerar · u läser om · nyast först",
        footerReview: "m granskar raden · / filtrerar · Tab byter flik · u läser om",
        notReviewed: "ej granskad",
        verdictOk: "ok", verdictFollowUp: "följ upp",
        formTitle: "Granska loggrad", fieldVerdict: "Bedömning", verdictHint: "ok eller följ upp",
        fieldComment: "Kommentar",
        formFooter: "Enter sparar på sista fältet · Esc avbryter",
        errorVerdict: "Skriv ok eller följ upp.", errorComment: "En kommentar krävs.",
        confirmTitle: "Bekräfta", confirmDiscard: "Släng det du har skrivit?",
        marked: "Granskningen är sparad.", alreadyReviewed: "Raden är redan granskad.",
        ownAccess: "Ingen granskar sina egna åtkomster.",
        helpTab: "Byt flik", helpMark: "Granska markerad rad (logguppföljning)", helpReload: "Läs om",
        action: { a in
            switch a {
            case .read: return "läsning"
            case .write: return "ändring"
            case .export: return "export"
            case .print: return "utskrift"
            }
        }
    )

    static let en = AccessLogStrings(
        tabExtract: "Log extract", tabReview: "Log review",
        columnTime: "Time", columnUnit: "Care unit", columnStaff: "Staff", columnAction: "Action",
        columnDetail: "Detail", columnPatient: "Patient", columnState: "Review",
        noPatient: "No patient is open. Find and open a patient (F2) to see who has accessed the record.",
        noRows: "No log rows.",
        onlyAdministrators: "Only administrators review the access log. The open patient's log extract is "
            + "under the Log extract tab.",
        emergency: "EMERG", reason: "Emergency access, reason:", chosen: "Chosen:",
        extractTitle: { name, n in "Log extract · \(name) · \(n) rows" },
        reviewTitle: { from, to, emergencies, n in
            "Log review \(from.iso)–\(to.iso) · \(emergencies) emergency · \(n) rows" },
        footerExtract: "Tab switches tab · / filters · u reloads · newest first",
        footerReview: "m reviews the row · / filters · Tab switches tab · u reloads",
        notReviewed: "not reviewed",
        verdictOk: "ok", verdictFollowUp: "follow up",
        formTitle: "Review log row", fieldVerdict: "Verdict", verdictHint: "ok or follow up",
        fieldComment: "Comment",
        formFooter: "Enter on the last field saves · Esc cancels",
        errorVerdict: "Type ok or follow up.", errorComment: "A comment is required.",
        confirmTitle: "Confirm", confirmDiscard: "Discard what you have typed?",
        marked: "The review is saved.", alreadyReviewed: "The row is already reviewed.",
        ownAccess: "Nobody reviews their own accesses.",
        helpTab: "Switch tab", helpMark: "Review the selected row (log review)", helpReload: "Reload",
        action: { a in
            switch a {
            case .read: return "read"
            case .write: return "write"
            case .export: return "export"
            case .print: return "print"
            }
        }
    )

    /// Either language's word, or its first letter: a Swedish nurse on an English screen
    /// types what she is used to.
    static func verdict(_ text: String) -> AccessReviewVerdict? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "ok" || t == "o" { return .ok }
        if ["f", "följ upp", "folj upp", "follow up", "follow-up", "följ", "follow"].contains(t) { return .followUp }
        return nil
    }

    func verdict(_ v: AccessReviewVerdict) -> String { v == .ok ? verdictOk : verdictFollowUp }
}
