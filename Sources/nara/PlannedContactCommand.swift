import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

/// Planned contacts from the command line: a follow-up on a later day, which is no care
/// until it happens (no continuity measure or work list counts it).
struct PlannedContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planned-contact",
        abstract: "Planned contacts: a follow-up with a patient on a later day.",
        discussion: """
            A planned contact is written by --user at --user's unit, who needs a care relationship with the \
            patient. It is a plan, not an encounter: continuity and the work lists do not count it. Min dag \
            shows it among the follow-ups and Mina patienter as the next planned contact. Every step is logged.
            """,
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Plan a contact with the patient.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("The day (YYYY-MM-DD), today or later.", valueName: "DATE")) var date: String
        @Option(help: ArgumentHelp("What the contact is for.", valueName: "TEXT")) var note: String = ""

        func validate() throws {
            if LocalDate(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD") }
        }

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let planned = try store.addPlannedContact(id, on: LocalDate(iso: date)!, note: note, as: context)
                print("Contact \(planned.id) planned on \(planned.plannedOn.iso).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The planned contacts of --user from today on.",
            discussion: "Earliest first. Each patient printed is written to the access log.")
        @OptionGroup var list: ListOptions

        func run() throws {
            try reportingFailures {
                let (store, session) = try list.open()
                let rows = try store.plannedContacts(from: SystemClock().today, limit: 500, as: session.context)
                let table = CommandTable(header: ["id", "date", "identifier", "name", "note"], rows: rows.map { r in
                    [String(r.contact.id), r.contact.plannedOn.iso, r.patient.identifier.display,
                     r.patient.name ?? "Skyddad identitet", r.contact.note]
                }, rightAligned: [0])
                print(list.render(table, empty: "No planned contacts."), terminator: "")
            }
        }
    }
}
