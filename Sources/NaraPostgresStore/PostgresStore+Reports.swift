import Foundation
import NaraDomain
import NaraStore
import PostgresNIO

/// The reports on PostgreSQL: the SQLite store's queries (`ContinuityOverviewQuery`,
/// `ReformReportQuery`, `ReportRules`) over a PostgreSQL `ReportSource`. The figures name
/// no patient; the commands log each report as a whole.
///
/// Statements: BEGIN and the snapshot's settings, one statement of parts (who asks, the
/// directory or the unit's patients), then per pass a cursor declared, fetched in batches
/// of `PostgresReportSource.defaultBatch` rows and closed, then COMMIT. The continuity overview
/// makes three passes (listings, named contacts, encounters), the reform report one
/// (encounters); the guarantee report's care requests are the one statement of parts.
extension PostgresStore: ReportStore {
    public func continuityOverview(today: LocalDate, months: Int, minimumEncounters: Int,
                                   as context: AccessContext) throws -> ContinuityOverview {
        try readingReport { source in
            var query = ContinuityOverviewQuery(source: source, window: Continuity.window(endingOn: today, months: months),
                                                minimumEncounters: minimumEncounters)
            query.today = today
            return try query.run(months: months, as: context)
        }
    }

    public func reformReport(unit: UnitID, today: LocalDate, months: Int, scope: ContinuityScope,
                             as context: AccessContext) throws -> ReformReport {
        try readingReport { source in
            try ReformReportQuery.report(source, unit: unit, today: today, months: months, scope: scope, as: context)
        }
    }

    public func careRequestsForReport(unit: UnitID, from: LocalDate, to: LocalDate,
                                      as context: AccessContext) throws -> [CareRequest] {
        try readingReport { source in
            let rows = try source.parts(
                ReportRules.careRequestParts,
                arguments: ReportRules.careRequestArguments(unit: unit, from: from, to: to, context: context))
            _ = try ReportRules.subject(rows, context: context, needsPatientRights: true)
            return (rows["care_request"] ?? []).map(SQLiteStore.decodeCareRequest)
        }
    }

    /// One read-only transaction in one snapshot, as a SQLite read transaction is: a report's
    /// passes agree with one another while sessions write.
    func readingReport<T>(batch: Int = PostgresReportSource.defaultBatch,
                          _ body: (PostgresReportSource) throws -> T) throws -> T {
        try client.transaction { session in
            try session.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return try body(PostgresReportSource(session: session, batch: batch))
        }
    }
}
