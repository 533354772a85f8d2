import ArgumentParser
import NaraDomain

/// SÄBO residence (särskilt boende), reported by the municipality: it puts a patient
/// without a named GP on the list `sabo-without-named-gp` and counts in the reform report.
struct ResidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sabo",
        abstract: "Record whether a patient lives in a residential care home (SÄBO).",
        discussion: "Written as the patient's identity details by --user and logged.",
        subcommands: [Yes.self, No.self]
    )

    static func run(_ target: BlockCommand.Target, _ lives: Bool) throws {
        try reportingFailures {
            let (store, context, id) = try target.resolve()
            try store.setResidentialCare(id, lives, as: context)
            print(lives ? "Recorded: lives in a residential care home (SÄBO)."
                        : "Recorded: does not live in a residential care home (SÄBO).")
        }
    }

    struct Yes: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The patient lives in a residential care home.")
        @OptionGroup var target: BlockCommand.Target
        func run() throws { try ResidenceCommand.run(target, true) }
    }

    struct No: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The patient does not (any longer) live in one.")
        @OptionGroup var target: BlockCommand.Target
        func run() throws { try ResidenceCommand.run(target, false) }
    }
}
