import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

/// Samtycke from the command line: the patient lets staff of --user's provider read what
/// another provider documented (Patientdatalagen 6 kap).
struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "A patient's consent for your provider to read another provider's information.",
        discussion: """
            The consent is recorded for the provider of --user, who must have a care relationship with the \
            patient and a role that records consent. --provider names whose information may be read (every \
            other provider's when left out). Revoking ends access at once. Every step is logged.
            """,
        subcommands: [Add.self, Revoke.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the patient's consent.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("Whose information (a care provider id); all others when left out.",
                                   valueName: "PROVIDER"))
        var provider: String?
        @Option(help: ArgumentHelp("The last day it holds (YYYY-MM-DD); until revoked when left out.", valueName: "DATE"))
        var until: String?

        func validate() throws {
            if let until, LocalDate(iso: until) == nil { throw ValidationError("--until must be YYYY-MM-DD") }
        }

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let consent = try store.addConsent(id, source: provider.map { ProviderID(rawValue: $0) },
                                                   until: until.flatMap(LocalDate.init(iso:)), as: context)
                print("Consent recorded: \(consent.granteeProviderId) may read "
                      + "\(consent.sourceProviderId?.rawValue ?? "every other provider")'s information"
                      + (consent.until.map { " until \($0.iso)" } ?? " until revoked") + ".")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke the patient's consent, at once.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("Only the consent for this provider's information.", valueName: "PROVIDER"))
        var provider: String?

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let count = try store.revokeConsent(id, source: provider.map { ProviderID(rawValue: $0) }, as: context)
                print("Revoked \(count) consent\(count == 1 ? "" : "s").")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the patient's consents.")
        @OptionGroup var target: BlockCommand.Target

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                for c in try store.consents(of: id, as: context) {
                    let state = c.revokedAt.map { "revoked " + StoreError.timestamp($0) }
                        ?? (c.isActive(on: SystemClock().today) ? "active" : "ended")
                    print([c.granteeProviderId.rawValue, c.sourceProviderId?.rawValue ?? "all", c.from.iso,
                           c.until?.iso ?? "-", state, c.recordedBy.rawValue].joined(separator: "\t"))
                }
            }
        }
    }
}
