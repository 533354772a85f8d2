import Foundation
import NaraBench
import NaraDomain
import NaraPostgresStore
import Synchronization

/// `nara bench --store postgresql://… --sessions N`: N sessions at once on one database,
/// each a nurse at a vårdcentral going through a round of her day: type a name into the
/// search (two letters, then three), look a patient up by personnummer and open the
/// record, write a task about the patient to the unit and mark it done; and every fifth
/// round read the unit's referral inbox, Min dag (the care requests, callbacks, open
/// tasks, planned contacts and news), Mina patienter and a work list. Each session has a
/// connection of its own (to PgBouncer, when the address is PgBouncer's) and pauses
/// between actions as a person does.
///
/// Reports p50 and p99 per action over all sessions, the actions that failed, the
/// database's server connections at most (through PgBouncer: its pool), and their
/// memory when the server runs on this machine.
struct RegionLoad {
    let location: PostgresLocation
    let sessions: Int
    let seconds: Double
    /// The mean pause between one session's actions; each pause is drawn between none
    /// and twice this.
    let pauseMilliseconds: Int

    struct Report {
        var actions: [(name: String, figure: StoreBenchmark.Figure)]
        var failed: [String: Int]
        var rounds: Int
        var serverConnections: Int
        /// The server processes' proportional memory (PSS), summed; nil when they are
        /// not on this machine or not readable.
        var serverMegabytes: Double?
        /// This process's resident memory grown per session: a session's client and its connection.
        var clientMegabytesPerSession: Double
    }

    /// One session's user and patients: staff of a unit with patients listed there.
    struct Seat {
        let context: AccessContext
        let identifiers: [String]
    }

    final class Samples: Sendable {
        let times = Mutex<[String: [Double]]>([:])
        let failed = Mutex<[String: Int]>([:])
        let rounds = Atomic<Int>(0)
        let peakConnections = Atomic<Int>(0)

        func add(_ action: String, _ seconds: Double) { times.withLock { $0[action, default: []].append(seconds) } }
        func fail(_ action: String, _ error: any Error) {
            failed.withLock { $0["\(action): \(error)", default: 0] += 1 }
        }
    }

    func run() throws -> Report {
        let setup = try PostgresStore.open(location: location)
        let seats = try Self.seats(setup, count: sessions)
        let names = try setup.randomSearchNames(count: 200).filter { $0.count >= 3 }
        guard !seats.isEmpty, !names.isEmpty else {
            throw StoreError.invalid("the database has no staff with listed patients, or no names, to run sessions with")
        }
        let residentBefore = Self.residentMegabytes()
        let stores = try (0..<sessions).map { _ in try PostgresStore.open(location: location) }
        let samples = Samples()
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        let done = Atomic<Bool>(false)
        let monitor = Thread {
            while !done.load(ordering: .relaxed) {
                if let count = try? Self.serverConnections(setup) {
                    samples.peakConnections.max(count, ordering: .relaxed)
                }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        monitor.start()
        let group = DispatchGroup()
        for (i, store) in stores.enumerated() {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                Self.round(store, seat: seats[i % seats.count], names: names, session: i, deadline: deadline,
                           pause: pauseMilliseconds, samples: samples)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        let residentAfter = Self.residentMegabytes()
        let serverMegabytes = try? Self.serverMegabytes(setup)
        done.store(true, ordering: .relaxed)
        for store in stores { store.client.disconnect() }
        let times = samples.times.withLock { $0 }
        let order = ["search, 2 letters", "search, 3 letters", "pnr lookup", "open record", "task, written",
                     "task, done", "referral inbox", "min dag", "mina patienter", "work list"]
        return Report(actions: order.compactMap { name in
                          times[name].map { (name, StoreBenchmark.Figure(seconds: $0, factor: 1000)) }
                      },
                      failed: samples.failed.withLock { $0 }, rounds: samples.rounds.load(ordering: .relaxed),
                      serverConnections: samples.peakConnections.load(ordering: .relaxed),
                      serverMegabytes: serverMegabytes,
                      clientMegabytesPerSession: max(0, residentAfter - residentBefore) / Double(max(1, sessions)))
    }

    /// One session's rounds until the deadline.
    static func round(_ store: PostgresStore, seat: Seat, names: [String], session: Int, deadline: UInt64, pause: Int,
                      samples: Samples) {
        var generator = SystemRandomNumberGenerator()
        var context = seat.context
        context.sessionId = "load-\(session)"
        var round = 0
        func timed(_ action: String, _ body: () throws -> Void) {
            if pause > 0 { usleep(UInt32(Int.random(in: 0...(2 * pause), using: &generator) * 1000)) }
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try body()
                samples.add(action, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            } catch {
                samples.fail(action, error)
            }
        }
        while DispatchTime.now().uptimeNanoseconds < deadline {
            let name = names.randomElement(using: &generator)!
            timed("search, 2 letters") { _ = try store.searchPatients(String(name.prefix(2)), limit: 50, as: context) }
            timed("search, 3 letters") { _ = try store.searchPatients(String(name.prefix(3)), limit: 50, as: context) }
            let value = seat.identifiers.randomElement(using: &generator)!
            let identifier = (try? PersonIdentifier(stored: value))
                ?? PersonIdentifier(kind: .personnummer, value: value, birthDate: nil, sex: .unknown)
            var found: PatientID?
            timed("pnr lookup") { found = try store.patientID(for: identifier) }
            if let found {
                timed("open record") { _ = try store.openRecord(found, as: context) }
                var task: PatientTask?
                timed("task, written") {
                    task = try store.addTask(found, text: "Ring patienten om provsvaren", toStaff: nil,
                                             toUnit: context.unitId, due: nil, priority: .normal, as: context)
                }
                if let task {
                    timed("task, done") { _ = try store.completeTask(found, id: task.id, reply: "Klart", as: context) }
                }
            }
            // Every fifth round, each session at its own turn: nurses do not all open Min dag in the same second.
            if (round + session) % 5 == 0 {
                timed("referral inbox") {
                    _ = try store.referrals(box: .inbox, unit: context.unitId, includeClosed: false, limit: 500,
                                            as: context)
                }
                timed("min dag") {
                    _ = try store.openCareRequests(callbacks: false, limit: 500, as: context)
                    _ = try store.openCareRequests(callbacks: true, limit: 500, as: context)
                    _ = try store.openTasks(limit: 500, as: context)
                    _ = try store.plannedContacts(from: store.clock.today, limit: 500, as: context)
                    _ = try store.patientNews(since: store.clock.now.addingTimeInterval(-86_400), limit: 500, as: context)
                }
                timed("mina patienter") { _ = try store.myPatients(limit: 2_000, as: context) }
                timed("work list") {
                    _ = try store.workList(.elderlyMultimorbidWithoutContact, unit: context.unitId, settings: .default,
                                           today: store.clock.today, limit: 500, as: context)
                }
            }
            round += 1
            samples.rounds.add(1, ordering: .relaxed)
        }
    }

    /// Staff who may open records at vårdcentraler with patients listed, one per session
    /// as far as they go (then again from the first).
    static func seats(_ store: PostgresStore, count: Int) throws -> [Seat] {
        var seats: [Seat] = []
        for unit in try store.units() where unit.kind == .primaryCare {
            let identifiers = try store.listedIdentifiers(at: unit.id, count: 100)
            guard !identifiers.isEmpty else { continue }
            for staff in try store.staffList(unit: unit.id)
            where staff.active && !staff.roles.isDisjoint(with: [.nurse, .physician]) {
                seats.append(Seat(context: AccessContext(staffId: staff.id, unitId: unit.id, sessionId: "load"),
                                  identifiers: identifiers))
                if seats.count >= count { return seats }
            }
        }
        return seats
    }

    static func serverConnections(_ store: PostgresStore) throws -> Int {
        try store.client.query("""
            SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            """).first?.decode(Int.self) ?? 0
    }

    /// The proportional memory of the database's server processes, read from /proc:
    /// shared buffers are counted once across them, not once per process.
    static func serverMegabytes(_ store: PostgresStore) throws -> Double? {
        let pids = try store.client.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
            .map { try $0.decode(Int32.self) }
        var kilobytes = 0
        for pid in pids {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8),
                  let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Pss:") }),
                  let value = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
            else { return nil }
            kilobytes += value
        }
        return Double(kilobytes) / 1024
    }

    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let value = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return 0 }
        return value / 1024
    }
}
