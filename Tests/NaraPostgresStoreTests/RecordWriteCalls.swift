import Foundation
import GRDB
@testable import NaraDomain
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// Contacts, annulments, referrals and plans, with the record they change: the calls of
/// `PatientRecordStore`, which both stores are.
typealias RecordWriteCalls = PatientRecordStore

/// Runs requests against both stores and compares what they give; remembers, per
/// store, what a request made (an id, a version) for the requests after it.
final class RecordWrites {
    typealias Request = (name: String, run: (any RecordWriteCalls) throws -> Any)

    private var remembered: [String: Int64] = [:]

    /// What `store` made under `key` earlier; 0 when nothing was.
    func recalled(_ key: String, _ store: any RecordWriteCalls) -> Int64 { remembered[Self.side(store) + key] ?? 0 }

    func remember(_ key: String, _ value: Int64, _ store: any RecordWriteCalls) { remembered[Self.side(store) + key] = value }

    private static func side(_ store: any RecordWriteCalls) -> String { store is SQLiteStore ? "sqlite." : "pg." }

    /// The same requests on both stores, in order: the same results, the same refusals.
    /// Returns how many succeeded and the kinds of refusal met (a lifecycle refusal by
    /// its text).
    static func compare(_ requests: [Request], _ sqlite: any RecordWriteCalls,
                        _ pg: any RecordWriteCalls) -> (done: Int, refusals: Set<String>) {
        var done = 0
        var refusals: Set<String> = []
        for request in requests {
            let expected = ConsentAndBlockConformanceTests.Outcome { try request.run(sqlite) }
            let got = ConsentAndBlockConformanceTests.Outcome { try request.run(pg) }
            #expect(got == expected, "\(request.name)")
            switch expected {
            case .done: done += 1
            case .refused(let error): refusals.insert(ConsentAndBlockConformanceTests.kind(error))
            case .failed(let text): refusals.insert(text)
            }
        }
        return (done, refusals)
    }

    /// A conformance suite's whole check, on a 20-patient demo and its copy: `requests`
    /// (made from the demo's cast) on both stores alike, the cast's record and the log
    /// alike afterwards, at least `atLeast` done, and a refusal of each of `kinds`;
    /// then `afterwards`, a suite's own checks of the stores.
    static func expectAlike(atLeast: Int, refusals kinds: [String],
                            sourceLocation: SourceLocation = #_sourceLocation,
                            _ requests: (SQLiteStore, ConsentAndBlockConformanceTests.Cast, RecordWrites) throws
                                -> [Request],
                            afterwards: (SQLiteStore, PostgresStore, ConsentAndBlockConformanceTests.Cast) throws
                                -> Void = { _, _, _ in }) throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try #require(try pg.accessLogHead()?.rowId, sourceLocation: sourceLocation)
        let cast = try ConsentAndBlockConformanceTests.Cast(sqlite)
        let (done, refusals) = compare(try requests(sqlite, cast, RecordWrites()), sqlite, pg)
        try expectSameRecord(sqlite, pg, cast.patient, as: cast.owner)
        try expectSameLog(sqlite, pg, after: head, done: done + 1)
        #expect(done >= atLeast, sourceLocation: sourceLocation)
        for kind in kinds {
            #expect(refusals.contains { $0.contains(kind) }, "no refusal \(kind): \(refusals.sorted())",
                    sourceLocation: sourceLocation)
        }
        try afterwards(sqlite, pg, cast)
    }

    /// The record opened on both stores is the same (a read, logged on both).
    static func expectSameRecord(_ sqlite: SQLiteStore, _ pg: PostgresStore, _ patient: PatientID,
                                 as context: AccessContext) throws {
        let expected = try sqlite.openRecord(patient, as: context)
        #expect(try pg.openRecord(patient, as: context) == expected, "the record afterwards")
    }

    /// Both stores' log rows after `head` are the same, one a request done, and the
    /// PostgreSQL log verifies.
    static func expectSameLog(_ sqlite: SQLiteStore, _ pg: PostgresStore, after head: Int64, done: Int) throws {
        let rows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        #expect(try pg.accessLogRows(after: head, limit: 10_000) == rows)
        #expect(rows.count == done, "every request done logs one row")
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
    }

    /// Statements `body` sends to PostgreSQL.
    static func sent(_ pg: PostgresStore, _ body: () throws -> Void) rethrows -> Int {
        let before = pg.client.statementsSent
        try body()
        return pg.client.statementsSent - before
    }
}
