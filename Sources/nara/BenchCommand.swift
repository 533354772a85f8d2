import ArgumentParser
import Foundation
import NaraApp
import NaraBench
import NaraDomain
import NaraPostgresStore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure what a nurse waits for on a store: keys to frames, search, lookup (beside the raw statement), "
            + "opening a patient, start-up, memory and terminal bytes.",
        discussion: """
            Opening records writes access-log rows, as every read of patient data does; run it on a demo \
            store or a copy. Start-up, memory and terminal bytes are measured by running this binary on a \
            pseudo-terminal (80×24, TERM=xterm-256color), with a second session idle beside it. Build with \
            -c release for figures that mean something. On a PostgreSQL --store (a postgresql:// URL or a \
            connection file) it measures lookup and name search only: sessions run on a SQLite file. With \
            --sessions N it runs N sessions at once on the database instead (search, lookup, opening records, \
            the referral inbox, with pauses), for --seconds, and prints p50 and p99 per action, the server's \
            connections and memory, and the client's memory per session.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var userOption: UserOption
    @Flag(help: "Print one JSON object.")
    var json = false
    @Option(help: ArgumentHelp("Samples per figure.", valueName: "N"))
    var samples: Int = 2_000
    @Option(help: ArgumentHelp("Only compare opening records and the referral queue on the store and on this PostgreSQL copy of it "
                               + "(a postgresql:// URL or a connection file; see nara copy).", valueName: "STORE"))
    var postgres: String?
    @Option(help: ArgumentHelp("On a PostgreSQL store: run this many sessions at once (a load test).", valueName: "N"))
    var sessions: Int?
    @Option(help: ArgumentHelp("How long the sessions run.", valueName: "SECONDS"))
    var seconds: Double = 30
    @Option(help: ArgumentHelp("The mean pause between a session's actions.", valueName: "MS"))
    var pauseMs: Int = 500
    /// For profiling one part under callgrind: `store` or `app`, printed raw.
    @Option(help: .hidden)
    var only: String?

    func validate() throws {
        guard samples >= 1 else { throw ValidationError("--samples must be 1 or more") }
        if let sessions, !(1...5_000).contains(sessions) { throw ValidationError("--sessions must be 1 to 5000") }
        guard seconds > 0, seconds <= 3_600 else { throw ValidationError("--seconds must be more than 0 and at most 3600") }
        guard (0...60_000).contains(pauseMs) else { throw ValidationError("--pause-ms must be 0 to 60000") }
    }

    func run() throws {
        try reportingFailures {
            let path = storeOptions.path
            if let sessions {
                guard let location = try StoreOptions.serverLocation(path) else {
                    throw StoreError.invalid("bench: --sessions runs on a PostgreSQL store (a postgresql:// URL or a connection file)")
                }
                try runLoad(location, sessions: sessions)
                return
            }
            let store = try storeOptions.open()
            let session = try SessionResolver.resolve(store: store, user: userOption.user ?? store.demoUser?.rawValue,
                                                      environment: [:])
            let count = max(100, samples)
            #if DEBUG
            Output.error("bench: this is a debug build; build with -c release for figures that mean something")
            #endif
            if TerminalProbe.swiftRuntimeIsShared {
                Output.error("bench: this binary loads the Swift runtime as shared libraries; a release "
                    + "build links it in, and a session then holds about 5 MB less")
            }
            if let postgres {
                let r = try OpenRecordComparison(store: store, postgres: try PostgresStore.open(postgres),
                                                 context: session.context, samples: samples).run()
                for (name, figure) in [("SQLite", r.sqlite), ("PostgreSQL", r.postgres)] {
                    print("open record (\(r.patients) patients, \(figure.samples) opens), \(name)"
                        + "\tp50 \(String(format: "%.2f", figure.p50)) ms\tp99 \(String(format: "%.2f", figure.p99)) ms")
                }
                for (name, figure) in [("SQLite", r.queueSQLite), ("PostgreSQL", r.queuePostgres)] {
                    print("referral queue, inbox and outbox (\(r.queueItems) items, \(figure.samples) reads), \(name)"
                        + "\tp50 \(String(format: "%.2f", figure.p50)) ms\tp99 \(String(format: "%.2f", figure.p99)) ms")
                }
                return
            }
            if only == "app" {
                let r = try AppBenchmark(store: store, session: session, samples: min(count, 1_000)).run()
                print(r)
                return
            }
            let storeReport = try StoreBenchmark(store: store, user: store.demoUser, samples: count).run()
            if only == "store" { print(storeReport); return }
            let appReport = try AppBenchmark(store: store, session: session, samples: min(count, 1_000)).run()
            let probe = try TerminalProbe(program: Self.executablePath(), store: path,
                                          user: session.staff.id.rawValue,
                                          searchText: store.commonNamePrefix()).run()
            let figures: Figures = [
                ("keystroke_to_frame_ms", "keystroke to frame (lists, screens)", "ms", appReport.keystrokeMilliseconds),
                ("typeahead_search_ms", "type-ahead search, key to frame", "ms", appReport.typeaheadMilliseconds),
                ("pnr_lookup_us", "pnr lookup (store API)", "µs", storeReport.pnrLookupMicroseconds),
                ("pnr_lookup_raw_us", "pnr lookup (raw statement)", "µs", storeReport.pnrLookupRawMicroseconds),
                ("name_search_ms", "name search, top 50", "ms", storeReport.nameSearchMilliseconds),
                ("open_overview_ms", "open overview, key to frame", "ms", appReport.openOverviewMilliseconds),
                ("work_list_ms", "open a work list of \(appReport.workListPatients), key to frame, "
                    + "\(appReport.workListLogRows) log rows", "ms", appReport.workListMilliseconds),
                ("referral_queue_ms", "referral queue (F5), key to frame, \(appReport.referralQueueLogRows) log rows",
                 "ms", appReport.referralQueueMilliseconds),
                ("my_day_first_frame_ms", "Min dag (F8), key to first frame", "ms", appReport.myDay.firstFrameMilliseconds),
                ("my_day_listed_ms", "Min dag (F8), key to every section read, \(appReport.myDay.statements) statements, "
                    + "\(appReport.myDay.logRows) log rows", "ms", appReport.myDay.listedMilliseconds),
                ("my_patients_ms", "Mina patienter (Tab), \(appReport.myDay.myPatientsRows) patients, "
                    + "\(appReport.myDay.myPatientsStatements) statements", "ms", appReport.myDay.myPatientsMilliseconds),
                ("first_frame_ms", "start to first frame", "ms", probe.firstFrameMilliseconds),
                ("rss_mb", "resident memory, idle", "MB", probe.residentMB),
                ("private_mb", "private memory, idle", "MB", probe.privateMB),
                ("bytes_selection_move", "bytes, selection moved one row", "B", probe.bytesSelectionMove),
                ("bytes_full_frame", "bytes, whole 80×24 frame", "B", probe.bytesFullFrame),
            ]
            Self.printFigures(figures, patients: storeReport.patients, json: json)
            if !json {
                let idle = appReport.idleWorkMilliseconds
                print("work after the frame (work-list counts)\tp50 \(String(format: "%.2f", idle.p50)) ms"
                    + "\tp99 \(String(format: "%.2f", idle.p99)) ms\t(\(idle.samples) times)")
                let quiet = appReport.openOverviewAfterReleaseMilliseconds
                print("open overview after a quiet spell (caches given back)\tp50 \(String(format: "%.2f", quiet.p50)) ms"
                    + "\tp99 \(String(format: "%.2f", quiet.p99)) ms")
                for (action, count) in appReport.statements {
                    print("statements: \(action)\t\(count)\t(besides BEGIN and COMMIT)")
                }
                let ratio = storeReport.pnrLookupMicroseconds.p99 / storeReport.pnrLookupRawMicroseconds.p99
                print("pnr lookup, store API over the raw statement\tp99 \(String(format: "%.2f", ratio))×")
            }
        }
    }

    typealias Figures = [(key: String, label: String, unit: String, figure: StoreBenchmark.Figure)]

    /// The figures as a table, or as one JSON object keyed by `key`.
    static func printFigures(_ figures: Figures, patients: Int, json: Bool) {
        if json {
            var object: [String: [String: Double]] = [:]
            for f in figures { object[f.key] = ["p50": f.figure.p50, "p99": f.figure.p99] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Swift.print(String(decoding: (try? encoder.encode(object)) ?? Data(), as: UTF8.self))
        } else {
            Swift.print("patients\t\(patients)")
            for f in figures {
                Swift.print("\(f.label)\tp50 \(String(format: "%.2f", f.figure.p50)) \(f.unit)"
                    + "\tp99 \(String(format: "%.2f", f.figure.p99)) \(f.unit)")
            }
        }
    }

    /// This very binary, which the terminal figures run on a pseudo-terminal.
    static func executablePath() throws -> String {
        let path = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw StoreError.other("cannot find this program's own file to run it on a terminal")
        }
        return path
    }
}
