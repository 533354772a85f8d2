import Foundation
import GRDB
import NaraDomain

extension SQLiteStore: QueueStore {
    /// A unit's inbox (referrals it must act on; drafts of other units are not its
    /// business) or outbox (everything it created), oldest decision first. Only the
    /// patients and facts the user may see are in it, and each patient shown gets a log
    /// row naming them. Two statements besides BEGIN and COMMIT for a queue of up to
    /// `Door.logRowsPerInsert` patients: the user, the queue, its patients' policy facts and
    /// summaries and the log's head in one; the log rows in the other.
    public func referrals(box: ReferralBox, unit: UnitID, includeClosed: Bool, limit: Int,
                          as context: AccessContext) throws -> [ReferralListItem] {
        try ReferralQueueQuery.check(unit: unit, context: context)
        let read = TaggedRead(ReferralQueueQuery.parts + [TaggedRead.Part("log_head", LogHead.sql)],
                              with: ReferralQueueQuery.with(ReferralQueueQuery.condition(box, includeClosed: includeClosed)))
        return try write { db in
            let today = clock.today, now = clock.now
            var arguments = AccessFacts.arguments(unit: context.unitId, staff: context.staffId, today: today, now: now)
            _ = arguments.append(contentsOf: ["limit": limit])
            let rows = try read.fetch(db, arguments: arguments)
            let (items, grants) = try ReferralQueueQuery.items(rows, context: context, today: today, now: now)
            try logShown(db, context, view: ReferralQueueQuery.view(box),
                         patients: items.map(\.patient.id), grants: grants, head: LogHead.decode(rows["log_head"]?.first))
            return items
        }
    }
}

/// The referral queue's read and decision, shared by both stores: the queue chosen once
/// (`with`), then who asks, its referrals, their patients' policy facts and summaries.
package enum ReferralQueueQuery {
    /// The condition over `referral` that picks a box's referrals, with `:unit`.
    package static func condition(_ box: ReferralBox, includeClosed: Bool) -> String {
        let column = box == .inbox ? "to_unit_id" : "from_unit_id"
        var condition = "\(column) = :unit"
        if box == .inbox { condition += " AND state <> 'draft'" }
        if !includeClosed { condition += " AND state NOT IN ('rejected', 'acknowledged', 'cancelled')" }
        return condition
    }

    /// The queue is chosen once, for every part that reads about it, as `queued`.
    package static func with(_ condition: String) -> String {
        """
        WITH queued AS MATERIALIZED (SELECT id, patient_id FROM referral WHERE \(condition)
                                     ORDER BY sent_on IS NULL, sent_on, id LIMIT :limit)
        """
    }

    /// The parts over `queued`, with `AccessFacts.arguments(…)` and `:limit`.
    package static let parts: [TaggedRead.Part] = {
        let patients = "IN (SELECT patient_id FROM queued)"
        return [AccessFacts.subjectPart]
            + ReferralRows.parts(where: "id IN (SELECT id FROM queued)", order: "sent_on IS NULL, sent_on, id")
            + AccessFacts.manyPatients(patients) + SummaryQuery.parts(patients)
    }()

    /// The log rows' view, which is their detail before the basis.
    package static func view(_ box: ReferralBox) -> String { "referral queue \(box.rawValue)" }

    /// A queue is read only by its own unit.
    package static func check(unit: UnitID, context: AccessContext) throws {
        guard unit == context.unitId else { throw StoreError.refused(.queueOfOwnUnit) }
    }

    /// The items the user may see, in the queue's order, and the grants they were shown on;
    /// the refusal thrown for an inactive user or a role without coordination.
    package static func items(_ rows: [String: [Row]], context: AccessContext, today: LocalDate,
                              now: Date) throws -> (items: [ReferralListItem], grants: [Int64: AccessGrant]) {
        let subject = try AccessFacts.subject(rows, context: context)
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        guard subject.rights.contains(.readCoordination) else { throw StoreError.accessDenied(.notForRole) }
        let referrals = ReferralRows.assemble(rows)
        var facts = Dictionary(uniqueKeysWithValues: Set(referrals.map(\.patientId.rawValue))
            .map { ($0, PatientAccessFacts()) })
        AccessFacts.assemble(rows, into: &facts)
        let grants = SQLiteStore.grants(subject, facts: facts, today: today, now: now)
        let byId = Dictionary(SummaryQuery.assemble(rows).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = referrals.compactMap { r -> ReferralListItem? in
            guard let grant = grants[r.patientId.rawValue], let seen = grant.seen(r),
                  let patient = byId[r.patientId] else { return nil }
            return ReferralListItem(referral: seen, patient: patient)
        }
        return (items, grants)
    }
}
