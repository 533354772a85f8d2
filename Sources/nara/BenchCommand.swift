import ArgumentParser
import Foundation
import NaraDomain
import NaraStore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure store latency on a store: identifier lookup (with a raw SQLite baseline), name search, opening a record.",
        discussion: """
            Opening records writes access-log rows, as every read of patient data does; run it on a demo \
            store or a copy. Build with -c release for figures that mean something.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Print one JSON object.")
    var json = false
    @Option(help: ArgumentHelp("Samples per figure.", valueName: "N"))
    var samples: Int = 2_000

    func run() throws {
        try reportingFailures {
            let store = try storeOptions.open()
            guard let staff = try store.demoUser.flatMap({ try store.staff($0) }) ?? store.staffList(unit: nil).first else {
                throw StoreError.notFound("a staff member to measure as")
            }
            let context = AccessContext(staffId: staff.id, unitId: staff.unitId, sessionId: "bench-\(getpid())")
            let report = try StoreBenchmark(store: store, samples: max(100, samples)).run(context: context)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                let object: [String: StoreBenchmark.Figure] = [
                    "pnr_lookup_us": report.pnrLookupMicroseconds,
                    "pnr_lookup_raw_sqlite_us": report.pnrLookupRawSQLiteMicroseconds,
                    "name_search_ms": report.nameSearchMilliseconds,
                    "open_overview_ms": report.openRecordMilliseconds,
                ]
                print(String(decoding: try encoder.encode(object), as: UTF8.self))
            } else {
                print("patients\t\(report.patients)")
                func line(_ name: String, _ f: StoreBenchmark.Figure, _ unit: String) {
                    print("\(name)\tp50 \(String(format: "%.2f", f.p50)) \(unit)\tp99 \(String(format: "%.2f", f.p99)) \(unit)")
                }
                line("pnr lookup (store API)", report.pnrLookupMicroseconds, "µs")
                line("pnr lookup (raw SQLite)", report.pnrLookupRawSQLiteMicroseconds, "µs")
                line("name search, top 50", report.nameSearchMilliseconds, "ms")
                line("open record", report.openRecordMilliseconds, "ms")
            }
        }
    }
}
