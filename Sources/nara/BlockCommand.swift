import ArgumentParser
import Foundation
import NaraDomain
import NaraStore

/// Spärr from the command line: register, lift and list a patient's blocks on units.
struct BlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "A patient's blocks (spärr) on care units.",
        discussion: """
            A blocked unit sees only what it recorded itself; the rest of the record opens only through \
            emergency access. Every change is written to the access log under --user.
            """,
        subcommands: [Add.self, Lift.self, List.self]
    )

    struct Target: ParsableArguments {
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var userOption: UserOption
        @Option(help: ArgumentHelp("The patient's personnummer or other identifier.", valueName: "ID"))
        var patient: String

        /// The store, the acting staff member's context and the patient, or a clear error.
        func resolve() throws -> (SQLiteStore, AccessContext, PatientID) {
            let store = try storeOptions.open()
            guard let user = userOption.user else { throw StoreError.invalid("name the staff member with --user") }
            guard let staff = try store.staff(StaffID(rawValue: user)) else {
                throw StoreError.unknownStaff(StaffID(rawValue: user))
            }
            let identifier: PersonIdentifier
            do {
                identifier = try PersonIdentifier.parse(patient, today: SystemClock().today)
            } catch {
                throw StoreError.invalid("\(CleanText.line(patient)): \(error.description)")
            }
            guard let id = try store.patientID(for: identifier) else {
                throw StoreError.notFound("patient \(identifier.display)")
            }
            return (store, AccessContext(staffId: staff.id, unitId: staff.unitId, sessionId: "cli-\(getpid())"), id)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Block a unit from the patient's record.")
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp("The unit to block.", valueName: "UNIT")) var unit: String
        @Option(help: ArgumentHelp("Why (the patient's request).", valueName: "TEXT")) var reason: String

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let block = try store.blockUnit(id, unit: UnitID(rawValue: unit), from: SystemClock().today,
                                                reason: reason, as: context)
                print("Blocked \(block.unitId) from \(block.from.iso).")
            }
        }
    }

    struct Lift: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift the patient's block on a unit.")
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp("The blocked unit.", valueName: "UNIT")) var unit: String

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                try store.liftBlock(id, unit: UnitID(rawValue: unit), on: SystemClock().today, as: context)
                print("Lifted the block on \(unit).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the patient's blocks, active and lifted.")
        @OptionGroup var target: Target

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                for b in try store.blocks(of: id, as: context) {
                    print([b.unitId.rawValue, b.from.iso, b.to?.iso ?? "active", b.reason].joined(separator: "\t"))
                }
            }
        }
    }
}
