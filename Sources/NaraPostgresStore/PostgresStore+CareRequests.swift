import Foundation
import NaraDomain
import NaraStore
import PostgresNIO

/// Care requests on PostgreSQL, with the reads and decisions of the SQLite store
/// (`CareRequestList`).
extension PostgresStore {
    /// Two statements whatever the list holds, each a round trip, on one connection:
    ///
    /// 1. who asks, the unit's open requests, their patients' policy facts and summaries,
    ///    in one snapshot (`CareRequestList.parts`);
    /// 2. the log rows of every patient shown, through `nara.append_access_log` (none
    ///    when the session has logged them all lately: one statement then).
    ///
    /// A refusal of the user is the first alone.
    public func openCareRequests(callbacks: Bool = false, limit: Int = 500,
                                 as context: AccessContext) throws -> [CareRequestRow] {
        let today = clock.today, now = clock.now
        let values = AccessFacts.values(unit: context.unitId, staff: context.staffId, today: today, now: now)
        let function = callbacks ? Self.callbackListFunction : Self.careRequestsFunction
        return try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(function.query(values)))
            let (shown, grants) = try CareRequestList.rows(rows, context: context, limit: limit, today: today, now: now)
            let entries = shownMemory.entries(context, view: CareRequestList.view(callbacks: callbacks),
                                              patients: shown.map(\.patient.id), grants: grants, now: now)
            try Self.appendAccessLog(entries.map { patient, logged in (patient, logged) }, context: context,
                                     action: .read, at: now, in: session)
            return shown
        }
    }

    static let careRequestsFunction = PostgresListSQL.function("care_requests", CareRequestList.parts(callbacks: false))
    static let callbackListFunction = PostgresListSQL.function("callbacks", CareRequestList.parts(callbacks: true))
}
