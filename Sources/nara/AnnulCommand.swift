import ArgumentParser
import Foundation
import NaraDomain

/// Makulering from the command line: an encounter or named contact registered in error
/// is kept, marked annulled with a reason, and counted nowhere. `list` shows the ids.
struct AnnulCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annul",
        abstract: "Annul an encounter or named contact registered in error (makulering).",
        discussion: """
            The record stays in the patient's history, marked annulled with who, when and why, and no longer \
            counts for continuity, work lists or care relationships. Only the unit that registered it annuls \
            it, and the reason must say something. Every step is logged. `nara annul list` shows the ids.
            """,
        subcommands: [Encounter.self, Contact.self, List.self]
    )

    struct Encounter: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Annul an encounter.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("Why it was registered in error.", valueName: "TEXT")) var reason: String
        @Argument(help: ArgumentHelp("The encounter's id (from `nara annul list`).", valueName: "ID")) var id: Int64

        func run() throws {
            try reportingFailures {
                let (store, context, patient) = try target.resolve()
                let record = try store.openRecord(patient, as: context)
                guard record.encounters.contains(where: { $0.id == id })
                    || record.annulled.encounters.contains(where: { $0.id == id }) else {
                    throw StoreError.invalid("the patient has no encounter \(id) that you can see")
                }
                let e = try store.annulEncounter(id, reason: reason, as: context)
                print("Encounter \(e.id) of \(StoreError.timestamp(e.at)) annulled.")
            }
        }
    }

    struct Contact: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Annul a named contact (fast vårdkontakt or GP).")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("Why it was registered in error.", valueName: "TEXT")) var reason: String
        @Argument(help: ArgumentHelp("The contact's id (from `nara annul list`).", valueName: "ID")) var id: Int64

        func run() throws {
            try reportingFailures {
                let (store, context, patient) = try target.resolve()
                let record = try store.openRecord(patient, as: context)
                if record.annulled.contacts.contains(where: { $0.id == id }) {
                    throw StoreError.refused(.alreadyAnnulled)
                }
                guard let contact = record.contacts.first(where: { $0.id == id }) else {
                    throw StoreError.invalid("the patient has no named contact \(id) that you can see")
                }
                let c = try store.annulContact(id, expectedVersion: contact.version, reason: reason, as: context)
                print("Named contact \(c.id) (\(c.staffId), from \(c.from.iso)) annulled.")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the patient's encounters and named contacts with their ids, annulled ones marked.")
        @OptionGroup var target: BlockCommand.Target

        func run() throws {
            try reportingFailures {
                let (store, context, patient) = try target.resolve()
                let record = try store.openRecord(patient, as: context)
                func mark(_ a: Annulment?) -> String {
                    a.map { "annulled \(StoreError.timestamp($0.at)) by \($0.by): \($0.reason)" } ?? "-"
                }
                for c in (record.contacts + record.annulled.contacts).sorted(by: { $0.id < $1.id }) {
                    print(["contact", String(c.id), c.from.iso, c.to?.iso ?? "-", c.role.rawValue, c.staffId.rawValue,
                           c.unitId.rawValue, mark(c.annulment)].joined(separator: "\t"))
                }
                for e in (record.encounters + record.annulled.encounters).sorted(by: { $0.at < $1.at }) {
                    print(["encounter", String(e.id), StoreError.timestamp(e.at), e.mode.rawValue, e.staffId.rawValue,
                           e.unitId.rawValue, mark(e.annulment)].joined(separator: "\t"))
                }
            }
        }
    }
}
