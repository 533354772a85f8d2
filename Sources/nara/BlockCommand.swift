import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

/// Spärr from the command line, as the national model has it: a block on what one unit
/// or one provider documented, its temporary openings, and lifting it.
struct BlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "A patient's blocks (spärr) on what a unit or a provider documented.",
        discussion: """
            A block hides what the unit (--unit) or provider (--provider) documented from everyone outside it; \
            they see that blocked information exists and nothing of it. It is registered at the provider that \
            documented the information. `open` lifts it for one user or unit for at most 7 days, with the \
            patient's consent or in an emergency. Every step is checked against --user's roles and care \
            relationship and written to the access log.
            """,
        subcommands: [Add.self, Open.self, Lift.self, List.self]
    )

    struct Target: ParsableArguments {
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var userOption: UserOption
        @Option(help: ArgumentHelp("The patient's personnummer or other identifier.", valueName: "ID"))
        var patient: String

        /// The store, the acting staff member's context and the patient, or a clear error.
        func resolve() throws -> (any CareStore, AccessContext, PatientID) {
            let store = try storeOptions.open()
            guard userOption.user != nil else { throw StoreError.invalid("name the staff member with --user") }
            let session = try SessionResolver.resolve(store: store, user: userOption.user,
                                                      environment: ProcessInfo.processInfo.environment)
            return (store, session.context, try PatientArgument.resolve(patient, in: store))
        }
    }

    struct Scope: ParsableArguments {
        @Option(help: ArgumentHelp("Block what this unit documented (inner block).", valueName: "UNIT"))
        var unit: String?
        @Option(help: ArgumentHelp("Block what this care provider documented (outer block).", valueName: "PROVIDER"))
        var provider: String?

        func validate() throws {
            guard (unit == nil) != (provider == nil) else { throw ValidationError("name either --unit or --provider") }
        }

        var scope: InformationBlock.Scope {
            unit.map { .unit(UnitID(rawValue: $0)) } ?? .provider(ProviderID(rawValue: provider ?? ""))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Block what a unit or provider documented.")
        @OptionGroup var target: Target
        @OptionGroup var scope: Scope
        @Option(help: ArgumentHelp("Why (the patient's request).", valueName: "TEXT")) var reason: String

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let block = try store.addBlock(id, scope: scope.scope, reason: reason, as: context)
                print("Blocked \(BlockCommand.describe(block.scope)) from \(block.from.iso).")
            }
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a block for one user or one unit, for at most 7 days.")
        @OptionGroup var target: Target
        @OptionGroup var scope: Scope
        @Option(name: .customLong("for-user"), help: ArgumentHelp("The staff member it opens for.", valueName: "ID"))
        var forUser: String?
        @Option(name: .customLong("for-unit"), help: ArgumentHelp("The unit it opens for.", valueName: "UNIT"))
        var forUnit: String?
        @Option(help: ArgumentHelp("Days, 1 to 7.", valueName: "N")) var days: Int
        @Flag(help: "The patient consents.") var consent = false
        @Flag(help: "An emergency: the patient needs care and cannot consent.") var emergency = false
        @Option(help: ArgumentHelp("Why.", valueName: "TEXT")) var reason: String

        func validate() throws {
            guard (forUser == nil) != (forUnit == nil) else { throw ValidationError("name either --for-user or --for-unit") }
            guard consent != emergency else { throw ValidationError("name either --consent or --emergency") }
            guard (1...BlockOpening.maximumDays).contains(days) else {
                throw ValidationError("--days must be 1 to \(BlockOpening.maximumDays)")
            }
        }

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let grantee: BlockOpening.Grantee = forUser.map { .staff(StaffID(rawValue: $0)) }
                    ?? .unit(UnitID(rawValue: forUnit ?? ""))
                let opening = try store.openBlock(id, scope: scope.scope, for: grantee, days: days,
                                                  basis: emergency ? .emergency : .consent, reason: reason, as: context)
                print("Opened \(BlockCommand.describe(scope.scope)) for \(forUser ?? forUnit ?? "") until "
                      + StoreError.timestamp(opening.until) + ".")
            }
        }
    }

    struct Lift: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a block.")
        @OptionGroup var target: Target
        @OptionGroup var scope: Scope

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                try store.liftBlock(id, scope: scope.scope, as: context)
                print("Lifted the block on \(BlockCommand.describe(scope.scope)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the patient's blocks and their openings.")
        @OptionGroup var target: Target

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let (blocks, openings) = try store.blocks(of: id, as: context)
                for b in blocks {
                    print([BlockCommand.describe(b.scope), b.from.iso, b.to?.iso ?? "active", b.reason]
                        .joined(separator: "\t"))
                    for o in openings where o.blockId == b.id {
                        let who: String
                        switch o.grantee {
                        case .staff(let s): who = "user " + s.rawValue
                        case .unit(let u): who = "unit " + u.rawValue
                        }
                        print(["  opened for " + who, StoreError.timestamp(o.from), StoreError.timestamp(o.until),
                               o.basis.rawValue, o.reason].joined(separator: "\t"))
                    }
                }
            }
        }
    }

    static func describe(_ scope: InformationBlock.Scope) -> String {
        switch scope {
        case .unit(let id): return "unit " + id.rawValue
        case .provider(let id): return "provider " + id.rawValue
        }
    }
}

/// A patient named on the command line by any identifier.
enum PatientArgument {
    static func resolve(_ text: String, in store: any CareStore) throws -> PatientID {
        let identifier: PersonIdentifier
        do {
            identifier = try PersonIdentifier.parse(text, today: SystemClock().today)
        } catch {
            throw StoreError.invalid("\(CleanText.line(text)): \(error.description)")
        }
        guard let id = try store.patientID(for: identifier) else { throw StoreError.notFound("patient \(identifier.display)") }
        return id
    }
}
