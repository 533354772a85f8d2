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

    Benchmark("Keystroke to frame: moving in a hit list") { benchmark in
        let driver = fixture.driver()
        driver.clearSearch()
        driver.paste(fixture.prefixes[0])
        var i = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            driver.press(i % 24 < 12 ? .down : .up)
            i += 1
        }
    }

    Benchmark("Keystroke to frame: switching screens with a patient open") { benchmark in
        let driver = fixture.driver()
        driver.clearSearch()
        driver.paste(fixture.listed[0])
        driver.press(.enter)
        let keys: [Key] = [.function(4), .function(5), .function(6), .function(3), .function(7), .function(3)]
        for key in keys { driver.press(key) } // the first visit of each screen reads it once
        var i = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            driver.press(keys[i % keys.count])
            i += 1
        }
    }

    Benchmark("Type-ahead search: one letter to its frame") { benchmark in
        let driver = fixture.driver()
        var letters: [Character] = []
        for prefix in fixture.prefixes { letters += Array(prefix) + ["\u{15}"] } // Ctrl-U ends a name
        var i = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let c = letters[i % letters.count]
            driver.press(c == "\u{15}" ? .ctrl("u") : .char(c))
            i += 1
        }
    }

    Benchmark("Lookup by personnummer: store API") { benchmark in
        let ids = fixture.identifiers
        var i = 0
        for _ in benchmark.scaledIterations {
            blackHole(try fixture.store.patientID(for: ids[i % ids.count]))
            i += 1
        }
    }

    Benchmark("Lookup by personnummer: raw prepared SQLite statement") { benchmark in
        let ids = fixture.identifiers.map(\.value)
        try StoreBenchmark(store: fixture.store).withRawLookup { lookup in
            var i = 0
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try lookup(ids[i % ids.count]))
                i += 1
            }
        }
    }

    Benchmark("Name-prefix search, top 50") { benchmark in
        var i = 0
        for _ in benchmark.scaledIterations {
            blackHole(try fixture.store.searchPatients(fixture.prefixes[i % fixture.prefixes.count], limit: 50))
            i += 1
        }
    }

    Benchmark("Open patient overview with all panels", configuration: .init(maxIterations: 500)) { benchmark in
        let driver = fixture.driver()
        for i in benchmark.scaledIterations {
            benchmark.stopMeasurement()
            driver.press(.function(2))
            driver.clearSearch()
            driver.paste(fixture.listed[i % fixture.listed.count])
            benchmark.startMeasurement()
            driver.press(.enter)
        }
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
        identifiers = try picker.randomIdentifiers(count: 500).map { try PersonIdentifier(stored: $0) }
        listed = try picker.listedIdentifiers(at: session.unit.id, count: 300)
        prefixes = try picker.namePrefixes(count: 200).filter { $0.count >= 2 }
    }

    func driver() -> Driver { Driver(store: store, session: session) }

    func probe(starts: Int) -> TerminalProbe {
        let binary = ProcessInfo.processInfo.environment["NARA_BINARY"]
            ?? FileManager.default.currentDirectoryPath + "/../.build/release/nara"
        return TerminalProbe(program: binary, store: storePath, user: session.staff.id.rawValue, starts: starts)
    }
}
