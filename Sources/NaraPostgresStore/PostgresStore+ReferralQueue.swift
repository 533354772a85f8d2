import GRDB
import NaraDomain
import NaraLogChain
import NaraStore
import PostgresNIO

/// A unit's referral queue on PostgreSQL, as the SQLite store reads it: the same parts
/// (`ReferralQueueQuery`, through `nara.referral_queue`), the same decision and items
/// (`ReferralQueueQuery.items`), and the same log rows, one per patient shown, appended
/// through `nara.append_access_log` before the queue is returned.
extension PostgresStore: QueueStore {
    /// Two statements whatever the queue holds, each a round trip, on one connection:
    ///
    /// 1. who asks, the queue with its referrals' histories and pauses, its patients'
    ///    policy facts and summaries, in one snapshot, through `nara.referral_queue`;
    /// 2. the log rows of every patient shown, through `nara.append_access_log` (none
    ///    when the session has logged them all lately: one statement then).
    ///
    /// A refusal of the queue of another unit sends nothing; one of the user, only the first.
    /// The staff names in the histories are the caller's to look up (`staff(ids:)`), as
    /// with the SQLite store.
    public func referrals(box: ReferralBox, unit: UnitID, includeClosed: Bool, limit: Int,
                          as context: AccessContext) throws -> [ReferralListItem] {
        try ReferralQueueQuery.check(unit: unit, context: context)
        let today = clock.today, now = clock.now
        var values = AccessFacts.values(unit: context.unitId, staff: context.staffId, today: today, now: now)
        values["limit"] = Int64(limit)
        var binds = PostgresRecordSQL.binds(values, names: RegionSchemaReferralQueue.argumentNames)
        binds.append(box.rawValue)
        binds.append(includeClosed)
        return try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(PostgresQuery(unsafeSQL: RegionSchemaReferralQueue.call,
                                                                      binds: binds)))
            let (items, grants) = try ReferralQueueQuery.items(rows, context: context, today: today, now: now)
            let entries = shownMemory.entries(context, view: ReferralQueueQuery.view(box),
                                              patients: items.map(\.patient.id), grants: grants, now: now)
            try Self.appendAccessLog(entries.map { patient, logged in (patient, logged) }, context: context,
                                     action: .read, at: now, in: session)
            return items
        }
    }
}
