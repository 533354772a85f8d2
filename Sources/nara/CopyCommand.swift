import ArgumentParser
import Foundation
import NaraDomain

/// `nara copy`: a whole store moved, table by table, into an empty store of the other
/// kind (a clinic's SQLite file into the region's PostgreSQL database, or back), and
/// compared afterwards.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole store into an empty one: a SQLite file to PostgreSQL, or back.",
        discussion: """
            STORE is a SQLite file, a postgresql:// URL or a PostgreSQL connection file (docs/POSTGRESQL.md). \
            Every table is copied with its ids, so every reference and the access log's ids and hashes stay as \
            they are; the store's kind (demo or production) and instance go with it. A missing SQLite target \
            is made; a target that already holds data is refused. Afterwards the two stores' rows per table and \
            access-log heads are compared and the target's log is re-hashed: exit status 1 when anything \
            differs, or when the copy cannot be made (the target is then left as it was). Only this command \
            takes PostgreSQL so far: every other command needs a SQLite store.
            """
    )

    @Option(help: ArgumentHelp("The store to copy.", valueName: "STORE"))
    var from: String

    @Option(help: ArgumentHelp("The empty store to copy into.", valueName: "STORE"))
    var to: String

    func run() throws {
        try reportingFailures {
            guard from != to else { throw StoreError.invalid("--from and --to name the same store") }
            let source = try StoreAddress.openCopySource(from)
            let target = try StoreAddress.openCopyTarget(to, kind: try source.copyStoreKind() ?? .production)
            let bar = Output.stderrIsTerminal ? ProgressBar(output: .standardError) : nil
            let started = Date()
            let report: StoreCopy.Report
            do {
                report = try StoreCopy.run(from: source, to: target.store) { table, done, total in
                    bar?.show(table, done: done, total: total)
                }
            } catch {
                bar?.finish()
                if target.created { StoreAddress.removeCreated(to) }
                throw error
            }
            bar?.finish()
            Self.print(report, seconds: Date().timeIntervalSince(started))
            guard report.matches else { throw ExitCode(1) }
        }
    }

    /// The report on stdout (`table<TAB>rows`), what differs on stderr.
    static func print(_ report: StoreCopy.Report, seconds: Double) {
        for table in report.tables {
            Swift.print("\(table.table)\t\(table.target)")
            if table.source != table.target {
                Output.error("\(table.table): \(table.source) rows in the source, \(table.target) in the target")
            }
        }
        for count in report.sourceCounts where count.source != count.target {
            Output.error("counts: \(count.table) is \(count.source) in the source, \(count.target) in the target")
        }
        let head = report.targetHead.map { "\($0.rowId) \($0.hash)" } ?? "empty"
        Swift.print("head\t\(head)")
        if !report.headsMatch {
            Output.error("the access log's head differs: the source's is "
                         + (report.sourceHead.map { "\($0.rowId) \($0.hash)" } ?? "empty"))
        }
        switch report.targetLog {
        case .intact(let rows, _): Swift.print("log\tintact (\(rows) rows)")
        case .broken(let row, let problem): Output.error("the copied access log breaks at row \(row): \(problem)")
        }
        Swift.print("seconds\t\(String(format: "%.1f", seconds))")
    }
}
