import ArgumentParser
import Foundation
import NaraDomain
import NaraStore
#if canImport(Glibc)
import Glibc
#endif

/// Drives the store from several processes at once in the tests of locking, migration,
/// concurrent writes, crashes and full disks. A program of the test suite's, never part
/// of the shipped `nara`: it writes encounters in a staff member's name.
@main
struct StoreHarness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nara-store-harness",
        abstract: "Store exercises for several processes at once (tests only).",
        subcommands: [Open.self, Write.self, Hold.self]
    )

    struct StoreOptions: ParsableArguments {
        @Option var store: String
        var path: String { store }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open (creating and migrating) a store, then exit.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reportingFailures {
                let store = try SQLiteStore.open(at: storeOptions.path, mode: .createIfMissing(.production))
                print(store.kind.rawValue)
            }
        }
    }

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record N encounters, each with its access-log row, for the first patient.",
            discussion: """
                --print-ids prints each encounter's id, flushed, once its commit has returned: what a harness \
                that kills the process may count on finding. --latency prints every commit's latency in \
                microseconds on one line at the end. --until-full writes until the store refuses, then shows \
                that it still reads, and exits 1 with the refusal. --every-ms N waits before each commit for the \
                next wall-clock multiple of N milliseconds, so that processes started together save at the same \
                instant, as sessions that all press save at once.
                """)
        @OptionGroup var storeOptions: StoreOptions
        @Option var count: Int = 100
        @Flag var printIds = false
        @Flag var latency = false
        @Flag var untilFull = false
        @Option var everyMs: Int?

        func run() throws {
            try reportingFailures {
                let store = try SQLiteStore.open(at: storeOptions.path)
                let (staff, patient) = try StoreHarness.clinicianAndPatient(store)
                let context = AccessContext(staffId: staff.id, unitId: staff.unitId, sessionId: "selftest-\(getpid())")
                // Long reasons fill a small disk sooner.
                let filler = untilFull ? " " + String(repeating: "x", count: 400) : ""
                var latencies: [UInt64] = []
                latencies.reserveCapacity(count)
                var i = 0
                while untilFull || i < count {
                    if let everyMs, everyMs > 0 {
                        let now = Date().timeIntervalSince1970 * 1000
                        let next = (now / Double(everyMs)).rounded(.down) * Double(everyMs) + Double(everyMs)
                        usleep(useconds_t(max(0, (next - now) * 1000)))
                    }
                    let start = DispatchTime.now().uptimeNanoseconds
                    let encounter: Encounter
                    do {
                        encounter = try store.recordEncounter(
                            NewEncounter(patientId: patient.id, at: Date(), mode: .phone, planned: false, staffId: staff.id,
                                         unitId: staff.unitId, reason: "selftest \(getpid()) \(i)\(filler)"), as: context)
                    } catch {
                        guard untilFull else { throw error }
                        Output.error(String(describing: error))
                        // The session goes on: what is in the store still reads.
                        let encounters = try store.counts().first { $0.table == "encounter" }?.rows ?? -1
                        Output.now("still reading: \(encounters) encounters, integrity "
                                   + (try store.integrityProblems().isEmpty ? "ok" : "damaged"))
                        throw ExitCode(1)
                    }
                    latencies.append((DispatchTime.now().uptimeNanoseconds - start) / 1000)
                    if printIds { Output.now(String(encounter.id)) }
                    i += 1
                }
                if latency { Output.now("latency_us " + latencies.map(String.init).joined(separator: ",")) }
                Output.now(String(count))
            }
        }
    }

    /// The demo user, or else the first clinician who may document care, with a patient
    /// listed at their unit: an encounter the access policy lets through.
    static func clinicianAndPatient(_ store: SQLiteStore) throws -> (Staff, PatientSummary) {
        var staff = try store.staffList(unit: nil).filter { $0.active && $0.isClinician && $0.rights.contains(.writeClinical) }
        if let demo = store.demoUser, let index = staff.firstIndex(where: { $0.id == demo }) {
            staff.insert(staff.remove(at: index), at: 0)
        }
        for s in staff {
            let context = AccessContext(staffId: s.id, unitId: s.unitId, sessionId: "selftest-\(getpid())")
            for prefix in ["19", "20"] {
                if let p = try store.searchPatients(prefix, limit: 200, as: context).first(where: { $0.listingUnitId == s.unitId }) {
                    return (s, p)
                }
            }
        }
        throw StoreError.notFound("a clinician and a patient listed at their unit")
    }

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a store and hold it until killed: 'open' (a session), or 'write' (inside a write transaction).",
            discussion: "Prints 'holding' once it holds, so a test knows when to kill it.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var what: String

        func validate() throws {
            guard ["open", "write"].contains(what) else { throw ValidationError("hold open or hold write") }
        }

        func run() throws {
            try reportingFailures {
                let store = try SQLiteStore.open(at: storeOptions.path)
                let hold = {
                    Output.now("holding")
                    while true { sleep(60) }
                }
                if what == "write" {
                    try store.withWriteTransaction { hold() }
                } else {
                    hold()
                }
            }
        }
    }
}

enum Output {
    static func error(_ text: String) { FileHandle.standardError.write(Data(("nara-store-harness: " + text + "\n").utf8)) }
    static func now(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
}

func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        Output.error(String(describing: error))
        throw ExitCode(1)
    }
}
