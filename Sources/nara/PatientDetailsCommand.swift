import ArgumentParser
import Foundation
import NaraDomain
import NaraStore

/// The patient's next of kin and interpreter need, as a receptionist or nurse records
/// them; the same policy as the phone number (identity), each change logged.
struct PatientDetailsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patient",
        abstract: "A patient's next of kin (närstående) and interpreter need.",
        subcommands: [NextOfKinCommand.self, InterpreterCommand.self]
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
}
