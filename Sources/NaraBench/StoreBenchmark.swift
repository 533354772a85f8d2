import Foundation
import NaraDomain

/// What the store part of the benchmark needs: search, the directory (to find who
/// searches) and samples. Both stores offer it, PostgreSQL included.
public typealias SearchBenchmarkStore = DirectoryStore & PatientSearchStore & BenchmarkSampling

/// Latency of the store operations a nurse waits on, measured on any store, with the bare
/// prepared statement beside the store API as the baseline the API is held to.
public struct StoreBenchmark {
    public struct Figure: Sendable, Codable, Equatable {
        public var p50: Double
        public var p99: Double
        public var samples: Int

        public init(p50: Double, p99: Double, samples: Int) {
            self.p50 = p50
            self.p99 = p99
            self.samples = samples
        }

        /// One figure measured once, such as a memory reading: p50 and p99 are the same.
        public init(single value: Double) {
            self.init(p50: value, p99: value, samples: 1)
        }

        /// p50 and p99 of measured durations in seconds, scaled by `factor`.
        public init(seconds times: [Double], factor: Double) {
            let sorted = times.sorted()
            func pct(_ p: Double) -> Double {
                sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
            }
            self.init(p50: pct(0.5) * factor, p99: pct(0.99) * factor, samples: sorted.count)
        }
    }

    public struct Report: Sendable, Codable {
        public var patients: Int
        public var pnrLookupMicroseconds: Figure
        public var pnrLookupRawMicroseconds: Figure
        public var nameSearchMilliseconds: Figure
    }

    let store: any SearchBenchmarkStore
    /// Who searches: `user` when given, else the first active user whose roles find patients.
    private var searcher: AccessContext {
        get throws {
            let staff = try user.flatMap { try store.staff($0) }
                ?? store.staffList(unit: nil).first { $0.active && $0.rights.contains(.readIdentity) }
            guard let staff else { throw StoreError.invalid("the store has nobody who may search for patients") }
            return AccessContext(staffId: staff.id, unitId: staff.unitId, sessionId: "bench")
        }
    }
    let user: StaffID?
    let samples: Int

    public init(store: any SearchBenchmarkStore, user: StaffID? = nil, samples: Int = 2_000) {
        self.store = store
        self.user = user
        self.samples = samples
    }

    public func run() throws -> Report {
        let patients = try store.patientCount()
        let idents = try store.randomIdentifiers(count: 500)
        guard !idents.isEmpty else { throw StoreError.invalid("the store has no patients to measure") }
        var generator = SystemRandomNumberGenerator()
        let identifiers = idents.map { value in
            (try? PersonIdentifier(stored: value)) ?? PersonIdentifier(kind: .personnummer, value: value, birthDate: nil, sex: .unknown)
        }

        // Like with like: the baseline is one prepared statement on a connection of its
        // own, each lookup a statement of its own (autocommit), as any real lookup is.
        // Store and baseline alternate, so both see the same machine.
        let (lookup, raw) = try store.withRawIdentifierLookup { rawLookup -> (Figure, Figure) in
            var api: [Double] = [], baseline: [Double] = []
            for i in 0..<(samples + 50) {
                let identifier = identifiers[i % identifiers.count]
                let t0 = DispatchTime.now().uptimeNanoseconds
                _ = try store.patientID(for: identifier)
                let t1 = DispatchTime.now().uptimeNanoseconds
                _ = try rawLookup(identifier.value)
                let t2 = DispatchTime.now().uptimeNanoseconds
                if i >= 50 { // the first warm the caches
                    api.append(Double(t1 - t0) / 1e9)
                    baseline.append(Double(t2 - t1) / 1e9)
                }
            }
            return (Figure(seconds: api, factor: 1), Figure(seconds: baseline, factor: 1))
        }
        let prefixes = try namePrefixes(count: 200, using: &generator)
        let context = try searcher
        let search = try measure(min(samples, 1000)) { i in
            _ = try store.searchPatients(prefixes[i % prefixes.count], limit: 50, as: context)
        }
        return Report(patients: patients, pnrLookupMicroseconds: lookup.scaled(1e6),
                      pnrLookupRawMicroseconds: raw.scaled(1e6),
                      nameSearchMilliseconds: search.scaled(1e3))
    }

    /// Beginnings (2–4 letters) of real names, as a nurse types them.
    public func namePrefixes(count: Int) throws -> [String] {
        var generator = SystemRandomNumberGenerator()
        return try namePrefixes(count: count, using: &generator)
    }

    /// 2–4 letter beginnings of real family and given names.
    private func namePrefixes(count: Int, using generator: inout SystemRandomNumberGenerator) throws -> [String] {
        try store.randomSearchNames(count: count).compactMap { name in
            let words = name.split(separator: " ")
            guard let word = words.randomElement(using: &generator) else { return nil }
            return String(word.prefix(Int.random(in: 2...4, using: &generator)))
        }
    }
}

/// Runs `body` `n` times and returns p50 and p99 in seconds (scaled by the caller).
public func measure(_ n: Int, _ body: (Int) throws -> Void) throws -> StoreBenchmark.Figure {
    for i in 0..<min(50, n) { try body(i) } // warm caches and statement caches first
    var times = [Double]()
    times.reserveCapacity(n)
    for i in 0..<n {
        let start = DispatchTime.now().uptimeNanoseconds
        try body(i)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return StoreBenchmark.Figure(seconds: times, factor: 1)
}

extension StoreBenchmark.Figure {
    public func scaled(_ factor: Double) -> StoreBenchmark.Figure {
        StoreBenchmark.Figure(p50: p50 * factor, p99: p99 * factor, samples: samples)
    }
}
