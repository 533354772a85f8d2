import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the database's integrity check on a store and print its counts.",
        discussion: "Exit status 0 when the store is sound, 1 when the check fails or the store cannot be opened."
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingFailures {
            let store = try storeOptions.openOperator(readOnly: true)
            let problems = try store.integrityProblems()
            print("store\t\(Output.clean(store.location))")
            print("kind\t\(try store.storeKind()?.rawValue ?? "none")")
            for (table, rows) in try store.counts() { print("\(table)\t\(rows)") }
            if let ended = try store.legacyBlocksEnded(), let count = ended.split(separator: " ").first,
               count != "0" {
                // The earlier blocks barred a reading unit; the national model blocks what a
                // unit or provider documented, so they could not be carried over.
                print("blocks\t\(count) blocks of the earlier kind (a unit barred from reading) were ended on "
                      + "\(ended.split(separator: " ").last ?? "") at the upgrade to the national block model; "
                      + "register each patient's wish again with `nara block add --unit|--provider` "
                      + "(they are kept, ended, in the table unit_block)")
            }
            if problems.isEmpty {
                print("integrity\tok")
            } else {
                for p in problems.prefix(20) { Output.error("integrity: \(p)") }
                throw ExitCode(1)
            }
        }
    }
}
