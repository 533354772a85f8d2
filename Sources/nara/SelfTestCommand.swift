import ArgumentParser
import Foundation
import NaraDomain
import NaraStore

/// Drives the store from several processes at once in tests of locking, migration and
/// concurrent writes. Hidden: it is for the test suite and for diagnosing a server.
struct SelfTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Store self-tests for several processes at once.",
        shouldDisplay: false,
        subcommands: [Open.self, Write.self]
    )

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
            abstract: "Record N encounters, each with its access-log row, for the first patient.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var count: Int = 100

        func run() throws {
            try reportingFailures {
                let store = try SQLiteStore.open(at: storeOptions.path)
                guard let staff = try store.staffList(unit: nil).first(where: { $0.active }),
                      let patient = try store.searchPatients("19", limit: 1).first ?? store.searchPatients("20", limit: 1).first
                else { throw StoreError.notFound("a staff member and a patient") }
                let context = AccessContext(staffId: staff.id, unitId: staff.unitId, sessionId: "selftest-\(getpid())")
                for i in 0..<count {
                    _ = try store.recordEncounter(NewEncounter(patientId: patient.id, at: Date(), mode: .phone,
                                                               planned: false, staffId: staff.id, unitId: staff.unitId,
                                                               reason: "selftest \(getpid()) \(i)"), as: context)
                }
                print(count)
            }
        }
    }
}
