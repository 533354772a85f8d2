import ArgumentParser
import Foundation
import NaraDomain
import NaraStore

/// The access log's checks and extracts (SECURITY.md, DOMAIN.md: loggutdrag).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the access log's hash chain, print its head, extract a patient's log, or review accesses.",
        subcommands: [Verify.self, Head.self, AuditExtractCommand.self, AuditReviewCommand.self, AuditMarkCommand.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that no access-log row was changed, removed or reordered.",
            discussion: "Exits 0 when the chain holds and 1, naming the first bad row, when it does not. "
                + "A log cut off at the end still verifies: compare the head with one saved earlier.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let result = try reportingFailures { try storeOptions.open(readOnly: true).verifyAccessLog() }
            switch result {
            case .intact(let rows, let head):
                print("intact: \(rows) rows, head \(head)")
            case .broken(let rowId, let problem):
                Output.note("broken at row \(rowId): \(problem)")
                throw ExitCode(1)
            }
        }
    }

    struct Head: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the newest row's id and hash, to be kept outside the store.",
            discussion: "Written out daily (to another machine, or on paper), it shows later whether rows "
                + "were cut off the end of the log: the saved row must still be there with the same hash.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reportingFailures {
                guard let head = try storeOptions.open(readOnly: true).accessLogHead() else {
                    throw StoreError.notFound("access-log rows")
                }
                print("\(head.rowId) \(head.hash)")
            }
        }
    }
}
