import ArgumentParser
import Foundation
import NaraDomain

/// The patient's next of kin and interpreter need, as a receptionist or nurse records
/// them; the same policy as the phone number (identity), each change logged.
struct PatientDetailsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patient",
        abstract: "A patient's next of kin (närstående), interpreter need, and a correction of a recorded death.",
        subcommands: [NextOfKinCommand.self, InterpreterCommand.self, DeathCommand.self]
    )

    struct NextOfKinCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "next-of-kin",
            abstract: "Replace the patient's next of kin, or show them.",
            discussion: """
                Each --person is "NAME;RELATION;PHONE" (the phone may be left out): \
                --person "Anna Ek;dotter;070-123 45 67". The list given replaces the one kept; \
                --clear removes them all. With neither, the kept list is shown.
                """)
        @OptionGroup var target: BlockCommand.Target
        @Option(name: .customLong("person"), help: ArgumentHelp("NAME;RELATION;PHONE, in order of contact.",
                                                                valueName: "TEXT"))
        var people: [String] = []
        @Flag(help: "Remove every next of kin.") var clear = false

        func validate() throws {
            if clear && !people.isEmpty { throw ValidationError("give either --person or --clear") }
            for text in people where NextOfKin(text: text) == nil {
                throw ValidationError("\"\(text)\" is not NAME;RELATION;PHONE (name and relation are needed)")
            }
            if people.count > NextOfKin.limit { throw ValidationError("at most \(NextOfKin.limit) next of kin") }
        }

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                if clear || !people.isEmpty {
                    try store.setNextOfKin(id, people.compactMap(NextOfKin.init(text:)), as: context)
                }
                let kept = try store.openRecord(id, as: context).patient.nextOfKin
                if kept.isEmpty { print("No next of kin recorded.") }
                for k in kept { print([k.name, k.relation, k.phone ?? ""].filter { !$0.isEmpty }.joined(separator: "  ")) }
            }
        }
    }

    struct InterpreterCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "interpreter",
            abstract: "Record that the patient needs an interpreter, and in which language.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("The language as a BCP 47 tag: ar, so, ti, fa, sgn-SE …", valueName: "TAG"))
        var language: String?
        @Flag(help: "The patient no longer needs an interpreter.") var none = false

        func validate() throws {
            guard (language == nil) != !none else { throw ValidationError("give either --language or --none") }
            if let language, InterpreterNeed(language: language) == nil {
                throw ValidationError("\"\(language)\" is not a BCP 47 language tag (such as ar, so, sgn-SE)")
            }
        }

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let need = language.flatMap(InterpreterNeed.init(language:))
                try store.setInterpreter(id, need, as: context)
                print(need.map { "Interpreter needed: \($0.language)." } ?? "No interpreter needed.")
            }
        }
    }

    struct DeathCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "death",
            abstract: "Correct what the record says of the patient's death.",
            discussion: """
                A death normally comes with an import from the population register, and an import never \
                undoes one. A death recorded in error is undone here with --undo; a known day is set with \
                --on DATE. The reason is required and goes into the access log with the change.
                """)
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("The day of death (YYYY-MM-DD).", valueName: "DATE")) var on: String?
        @Flag(help: "The patient is alive: the recorded death was an error.") var undo = false
        @Option(help: ArgumentHelp("Why the record is corrected.", valueName: "TEXT")) var reason: String

        func validate() throws {
            guard (on == nil) != !undo else { throw ValidationError("give either --on DATE or --undo") }
            if let on, LocalDate(iso: on) == nil { throw ValidationError("--on must be YYYY-MM-DD") }
        }

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let day = on.flatMap(LocalDate.init(iso:))
                try store.correctDeath(id, deceased: !undo, on: day, reason: reason, as: context)
                print(undo ? "The recorded death is undone." : "Death recorded on \(day!.iso).")
            }
        }
    }
}
