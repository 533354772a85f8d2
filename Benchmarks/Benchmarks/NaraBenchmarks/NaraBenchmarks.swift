import Benchmark
import Foundation
import NaraApp
import NaraBench
import NaraDomain
import NaraStore
import TerminalUI

// The rows of the speed table (docs/BENCHMARKS.md), on the store NARA_BENCH_STORE
// (default /tmp/bench/region.sqlite, built by `nara demo --patients 300000 --years 10`).
// The terminal rows run the release binary NARA_BINARY (default ../.build/release/nara).
// `nara bench` measures the same things on any store and prints them in one report.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 20,
        maxDuration: .seconds(5),
        maxIterations: 5_000
    )
    let fixture: Fixture
    do {
        fixture = try Fixture.shared()
    } catch {
        fatalError("nara benchmarks: \(error)")
    }

    // One key per sample; the drivers and counters live in the fixture, so every sample
    // continues where the last one stopped and setup stays outside the measurement.
    Benchmark("Keystroke to frame: moving in a hit list") { benchmark in
        let i = fixture.next()
        benchmark.startMeasurement()
        fixture.listDriver.press(i % 24 < 12 ? .down : .up)
        benchmark.stopMeasurement()
    }

    Benchmark("Keystroke to frame: switching screens with a patient open") { benchmark in
        let keys: [Key] = [.function(4), .function(5), .function(6), .function(3), .function(7), .function(3)]
        let key = keys[fixture.next() % keys.count]
        benchmark.startMeasurement()
        fixture.screenDriver.press(key)
        benchmark.stopMeasurement()
    }

    Benchmark("Type-ahead search: one letter to its frame") { benchmark in
        let letters = fixture.letters
        var c = letters[fixture.next() % letters.count]
        if c == "\u{15}" { // Ctrl-U ends a name, untimed
            fixture.typingDriver.press(.ctrl("u"))
            c = letters[fixture.next() % letters.count]
        }
        benchmark.startMeasurement()
        fixture.typingDriver.press(.char(c))
        benchmark.stopMeasurement()
    }

    // A thousand lookups per sample, shown per lookup.
    Benchmark("Lookup by personnummer: store API", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let ids = fixture.identifiers
        let base = fixture.next()
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(try fixture.store.patientID(for: ids[(base + i) % ids.count]))
        }
        benchmark.stopMeasurement()
    }

    Benchmark("Lookup by personnummer: raw prepared SQLite statement",
              configuration: .init(scalingFactor: .kilo)) { benchmark in
        let ids = fixture.identifiers.map(\.value)
        let base = fixture.next()
        try fixture.store.withRawIdentifierLookup { lookup in
            benchmark.startMeasurement()
            for i in benchmark.scaledIterations {
                blackHole(try lookup(ids[(base + i) % ids.count]))
            }
            benchmark.stopMeasurement() // before the connection closes
        }
    }

    Benchmark("Name-prefix search, top 50") { benchmark in
        let prefix = fixture.prefixes[fixture.next() % fixture.prefixes.count]
        benchmark.startMeasurement()
        blackHole(try fixture.store.searchPatients(prefix, limit: 50))
        benchmark.stopMeasurement()
    }

    Benchmark("Open patient overview with all panels", configuration: .init(maxIterations: 1_000)) { benchmark in
        let driver = fixture.overviewDriver
        driver.press(.function(2))
        driver.clearSearch()
        driver.paste(fixture.listed[fixture.next() % fixture.listed.count])
        benchmark.startMeasurement()
        driver.press(.enter)
        benchmark.stopMeasurement()
    }

    Benchmark("Start to first frame (real binary on a pseudo-terminal)",
              configuration: .init(metrics: [.wallClock], warmupIterations: 2, maxDuration: .seconds(20),
                                   maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try fixture.probe(starts: 1).firstFrame(warmup: 0))
        }
    }

    Benchmark("Idle session memory and terminal bytes",
              configuration: .init(metrics: [.custom("rss_kB"), .custom("private_kB"), .custom("bytes_selection_move"),
                                             .custom("bytes_full_frame")],
                                   warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 1)) { benchmark in
        let report = try fixture.probe(starts: 0).session()
        benchmark.measurement(.custom("rss_kB"), Int(report.residentMB.p99 * 1024))
        benchmark.measurement(.custom("private_kB"), Int(report.privateMB.p99 * 1024))
        benchmark.measurement(.custom("bytes_selection_move"), Int(report.bytesSelectionMove.p99))
        benchmark.measurement(.custom("bytes_full_frame"), Int(report.bytesFullFrame.p99))
    }
}

/// The store, a session on it, and the patients and names the benchmarks use.
final class Fixture: @unchecked Sendable {
    let storePath: String
    let store: SQLiteStore
    let session: Session
    let identifiers: [PersonIdentifier]
    let listed: [String]
    let prefixes: [String]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: Fixture?

    static func shared() throws -> Fixture {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let fixture = try Fixture()
        made = fixture
        return fixture
    }

    private init() throws {
        let env = ProcessInfo.processInfo.environment
        storePath = env["NARA_BENCH_STORE"] ?? "/tmp/bench/region.sqlite"
        guard FileManager.default.fileExists(atPath: storePath) else {
            throw StoreError.missing(path: storePath)
        }
        store = try SQLiteStore.open(at: storePath)
        session = try SessionResolver.resolve(store: store, user: env["NARA_BENCH_USER"], environment: [:])
        let picker = StoreBenchmark(store: store)
        identifiers = try store.randomIdentifiers(count: 500).map { try PersonIdentifier(stored: $0) }
        listed = try store.listedIdentifiers(at: session.unit.id, count: 300)
        prefixes = try picker.namePrefixes(count: 200).filter { $0.count >= 2 }
    }

    private var counter = 0

    /// A counter across samples (benchmarks run one at a time).
    func next() -> Int {
        counter += 1
        return counter
    }

    /// Letters of real name beginnings, Ctrl-U (U+0015) after each name.
    lazy var letters: [Character] = prefixes.flatMap { Array($0) + ["\u{15}"] }

    /// On a list of 50 search hits.
    lazy var listDriver: Driver = {
        let driver = Driver(store: store, session: session)
        driver.paste(prefixes[0])
        return driver
    }()

    /// With a patient open, each screen visited once.
    lazy var screenDriver: Driver = {
        let driver = Driver(store: store, session: session)
        driver.paste(listed[0])
        driver.press(.enter)
        for key: Key in [.function(4), .function(5), .function(6), .function(3), .function(7)] { driver.press(key) }
        return driver
    }()

    lazy var typingDriver = Driver(store: store, session: session)
    lazy var overviewDriver = Driver(store: store, session: session)

    func probe(starts: Int) -> TerminalProbe {
        let binary = ProcessInfo.processInfo.environment["NARA_BINARY"]
            ?? FileManager.default.currentDirectoryPath + "/../.build/release/nara"
        return TerminalProbe(program: binary, store: storePath, user: session.staff.id.rawValue, starts: starts)
    }
}
