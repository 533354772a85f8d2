import ArgumentParser
import Foundation
import NaraDomain

/// The access log's checks and extracts (SECURITY.md, DOMAIN.md: loggutdrag).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the access log's hash chain, print or anchor its head, extract a patient's log, or review accesses.",
        subcommands: [Verify.self, Head.self, AuditAnchorCommand.self, AuditExtractCommand.self, AuditReviewCommand.self, AuditMarkCommand.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that no access-log row was changed, removed or reordered.",
            discussion: "Exits 0 when the chain holds and 1, naming the first bad row, when it does not. "
                + "The chain alone cannot show rows cut off the end: with --anchors FILE (lines written by "
                + "`nara audit anchor`, syslog prefixes allowed) each anchored row must still be there with "
                + "its anchored hash, or the first anchor that fails is named.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: ArgumentHelp("Anchor lines to check the log against.", valueName: "FILE"))
        var anchors: String?

        func run() throws {
            let (result, anchorLines) = try reportingFailures {
                // The anchor file first: a typo in its name should not wait for a long walk.
                let lines = try anchors.map { try AuditAnchorCommand.anchorLines(in: $0) }
                let store = try storeOptions.openOperator(readOnly: true)
                let result = try store.verifyAccessLog()
                guard case .intact = result, let lines else { return (result, 0) }
                for (number, anchor) in lines {
                    let named = "\(anchors ?? ""), line \(number), anchor of \(anchor.time) (rows=\(anchor.rowId))"
                    switch try store.check(anchor) {
                    case .holds: continue
                    case .cutOff(let last):
                        Output.note("\(named): rows cut off after row \(last); the log ends before row \(anchor.rowId)")
                        throw ExitCode(1)
                    case .changed:
                        Output.note("\(named): row \(anchor.rowId) changed (its hash is not the anchored one)")
                        throw ExitCode(1)
                    }
                }
                return (result, lines.count)
            }
            switch result {
            case .intact(let rows, let head):
                print("intact: \(rows) rows, head \(head)"
                      + (anchors == nil ? "" : "; \(anchorLines) anchors hold"))
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
                guard let head = try storeOptions.openOperator(readOnly: true).accessLogHead() else {
                    throw StoreError.notFound("access-log rows")
                }
                print("\(head.rowId) \(head.hash)")
            }
        }
    }
}
