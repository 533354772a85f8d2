import ArgumentParser
import Foundation
import NaraDomain
import NaraStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo store: a synthetic clinic region with Swedish patients and years of history.",
        discussion: """
            The people are synthetic and the store is marked as a demo store. The same seed and day give \
            the same store. About 10,000 patients are listed at each vårdcentral, so --patients 300000 \
            builds a region of 30 vårdcentraler.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("How many patients.", valueName: "N"))
    var patients: Int = 10_000
    @Option(help: ArgumentHelp("Seed for the random generator.", valueName: "N"))
    var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Years of history up to today.", valueName: "N"))
    var years: Int = 3
    @Option(help: ArgumentHelp("Build the history up to this day (YYYY-MM-DD) instead of today.", valueName: "DATE"))
    var today: String?
    @Flag(help: "Overwrite an existing file.")
    var force = false

    func validate() throws {
        guard (1...5_000_000).contains(patients) else { throw ValidationError("--patients must be 1 to 5000000") }
        guard (1...30).contains(years) else { throw ValidationError("--years must be 1 to 30") }
        if let today, LocalDate(iso: today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, not '\(today)'")
        }
    }

    func run() throws {
        try reportingFailures {
            let day = today.flatMap(LocalDate.init(iso:)) ?? SystemClock().today
            let options = DemoOptions(patients: patients, seed: seed, years: years, today: day)
            let summary = try Self.build(at: storeOptions.path, options: options, force: force)
            print("Built demo store \(Output.clean(storeOptions.path)): \(summary.units) units, \(summary.staff) staff, "
                + "\(summary.patients) patients, \(summary.encounters) encounters, \(summary.referrals) referrals, "
                + "\(summary.plans) coordinated plans in \(String(format: "%.1f", summary.seconds)) s.")
        }
    }

    static func build(at path: String, options: DemoOptions, force: Bool) throws -> DemoSummary {
        let bar = Output.stdoutIsTerminal ? ProgressBar() : nil
        defer { bar?.finish() }
        if FileManager.default.fileExists(atPath: path) && !force {
            throw StoreError.duplicate("a file at \(path) (use --force to replace it)")
        }
        return try DemoGenerator.build(at: path, options: options, force: force) { progress in
            bar?.show(progress.phase, done: progress.done, total: progress.total)
        }
    }
}
