import ArgumentParser
import Foundation
import NaraDomain
import NaraStore

/// `nara backup`: a checked copy of a store while sessions go on working.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy a store to a backup file with SQLite's online backup, while sessions go on writing.",
        discussion: """
            The copy is one consistent moment of the store. It is written beside FILE, checked (SQLite's \
            integrity check and the access log's hash chain) and only then renamed to FILE, so FILE is never \
            half a backup. Exit status 1 when the copy cannot be made or fails its check.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("The backup file to write.", valueName: "FILE"))
    var to: String

    @Flag(help: "Replace FILE when it exists.")
    var force = false

    func run() throws {
        try reportingFailures {
            guard let store = try storeOptions.open(readOnly: true) as? SQLiteStore else {
                throw StoreError.invalid("nara backup copies a store file; a database server is backed up by "
                    + "its own archiving (docs/DEPLOYMENT.md, the region chapter)")
            }
            let report = try store.backup(to: to, replace: force)
            print("backup\t\(Output.clean(report.path))")
            CopyReportOutput.print(report)
        }
    }
}

/// `nara restore`: puts a backup in place of a store no session has open.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace a store with a backup file; the replaced store is kept beside it.",
        discussion: """
            Refused while any session or command has the store open, and for a backup that fails SQLite's \
            integrity check or whose access log does not verify. The replaced store is renamed to \
            PATH.before-restore-<UTC time>, with its WAL; nothing is deleted.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("The backup file to restore.", valueName: "FILE"))
    var from: String

    func run() throws {
        try reportingFailures {
            try StoreOptions.refuseServerStore(storeOptions.path, "nara restore puts a backup file in place of a "
                + "store file; a database server is restored by its own point-in-time recovery "
                + "(docs/DEPLOYMENT-REGION.md)")
            let report = try SQLiteStore.restore(from: from, to: storeOptions.path)
            print("restored\t\(Output.clean(report.path))")
            if let kept = report.keptAs { print("kept\t\(Output.clean(kept))") }
            CopyReportOutput.print(report)
        }
    }
}

enum CopyReportOutput {
    static func print(_ report: StoreCopyReport) {
        for count in report.counts { Swift.print("\(count.table)\t\(count.rows)") }
        Swift.print("integrity\tok")
        if case .intact(let rows, let head) = report.log {
            Swift.print("access_log_chain\tintact, \(rows) rows, head \(head)")
        }
    }
}
