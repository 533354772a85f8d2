import Foundation
import GRDB
@testable import NaraDomain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The reports on PostgreSQL against the SQLite store they were copied from: the same
/// figures or the same refusal for each user, blocks judged from the reader's side, and
/// no log row (the commands log a report as a whole).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ReportConformanceTests {
    typealias Cast = ConsentAndBlockConformanceTests.Cast
    typealias Outcome = ConsentAndBlockConformanceTests.Outcome

    static func requests(_ c: Cast) -> [(name: String, run: (any ReportStore) throws -> Any)] {
        let today = RecordConformanceTests.today
        let users = [("owner", c.owner), ("outsider", c.outsider), ("secretary", c.secretary),
                     ("no patient right", c.noRight), ("departed", c.departed), ("no one", c.stranger)]
        var requests: [(name: String, run: (any ReportStore) throws -> Any)] = []
        for (name, user) in users {
            requests.append(("overview, \(name)", { store in
                try store.continuityOverview(today: today, months: 12, minimumEncounters: 3, as: user) }))
            for scope in ContinuityScope.allCases {
                requests.append(("reform \(scope), \(name)", { store in
                    try store.reformReport(unit: c.unit, today: today, months: 6, scope: scope, as: user) }))
            }
            requests.append(("care requests, \(name)", { store in
                try store.careRequestsForReport(unit: c.unit, from: today.adding(days: -90), to: today, as: user) }))
        }
        requests.append(("overview of two months at least two", { store in
            try store.continuityOverview(today: today, months: 2, minimumEncounters: 1, as: c.owner) }))
        requests.append(("reform of another unit", { store in
            try store.reformReport(unit: c.otherProvidersUnit, today: today, months: 12, scope: .allUnits, as: c.owner) }))
        requests.append(("reform of no unit", { store in
            try store.reformReport(unit: "SE2321000164-finns-ej", today: today, months: 3, scope: .listingUnit,
                                   as: c.owner) }))
        return requests
    }

    @Test func everyReportGivesTheSameFiguresOrRefusalAndLogsNothing() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 200)
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try pg.accessLogHead()?.rowId
        let c = try Cast(sqlite)
        var refusals: Set<String> = []
        var figures = 0
        for request in Self.requests(c) {
            let expected = Outcome { try request.run(sqlite) }
            #expect(Outcome { try request.run(pg) } == expected, "\(request.name)")
            switch expected {
            case .done(let text): figures += text.count
            case .refused(let error): refusals.insert(ConsentAndBlockConformanceTests.kind(error))
            case .failed(let error): Issue.record("\(request.name) failed on SQLite: \(error)")
            }
        }
        #expect(figures > 10_000, "the reports had figures to compare")
        #expect(refusals == ["unknown_staff", "inactive_user", "not_for_role"], "\(refusals.sorted())")
        #expect(try pg.accessLogHead()?.rowId == head)
    }

    /// The passes fetch in batches: one of seven rows at a time gives the figures of one
    /// of ten thousand.
    @Test func thePassesGiveTheSameFiguresWhateverTheBatch() throws {
        let (sqlite, pg, folder) = try RecordConformanceTests.stores(patients: 60)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try Cast(sqlite)
        let today = RecordConformanceTests.today
        func overview(batch: Int) throws -> ContinuityOverview {
            try pg.readingReport(batch: batch) { source in
                var query = ContinuityOverviewQuery(source: source, window: Continuity.window(endingOn: today, months: 12),
                                                    minimumEncounters: 2)
                query.today = today
                return try query.run(months: 12, as: c.owner)
            }
        }
        let whole = try overview(batch: PostgresReportSource.defaultBatch)
        #expect(!whole.staff.isEmpty && !whole.units.isEmpty)
        #expect(try overview(batch: 7) == whole)
        #expect(try sqlite.continuityOverview(today: today, months: 12, minimumEncounters: 2, as: c.owner) == whole)
    }

    /// A report reads in one snapshot, read only: a write inside it is refused by the server.
    @Test func aReportReadsInOneReadOnlySnapshot() throws {
        let pg = try PostgresStore.open(location: try PG.database(), clock: RecordConformanceTests.clock)
        let error = #expect(throws: (any Error).self) {
            try pg.readingReport { source in
                try source.session.query("INSERT INTO nara.care_provider(id, name, principal) VALUES ('SE1', 'Ny', 'region')")
            }
        }
        #expect("\(String(reflecting: error))".contains("read-only"), "\(String(reflecting: error))")
    }
}
