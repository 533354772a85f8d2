import GRDB
import NaraDomain

extension SQLiteStore: QueueStore {
    /// A unit's inbox (referrals it must act on; drafts of other units are not its
    /// business) or outbox (everything it created), oldest decision first. Only the
    /// patients and facts the user may see are in it, and each patient shown gets a log
    /// row naming them.
    public func referrals(box: ReferralBox, unit: UnitID, includeClosed: Bool, limit: Int,
                          as context: AccessContext) throws -> [ReferralListItem] {
        try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            guard subject.rights.contains(.readCoordination) else { throw StoreError.accessDenied(.notForRole) }
            guard unit == context.unitId else { throw StoreError.refused(.queueOfOwnUnit) }
            let column = box == .inbox ? "to_unit_id" : "from_unit_id"
            var condition = "\(column) = ?"
            if box == .inbox { condition += " AND state <> 'draft'" }
            if !includeClosed { condition += " AND state NOT IN ('rejected', 'acknowledged', 'cancelled')" }
            let referrals = try ReferralRows.load(db, where: condition, arguments: [unit.rawValue],
                                                  orderBy: "sent_on IS NULL, sent_on, id", limit: limit)
            let patients = Array(Set(referrals.map(\.patientId.rawValue)))
            let grants = try grants(db, subject, patients: patients)
            let summaries = try SummaryQuery.fetch(db, ids: Array(grants.keys))
            let byId = Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let items = referrals.compactMap { r -> ReferralListItem? in
                guard let grant = grants[r.patientId.rawValue], let seen = grant.seen(r),
                      let patient = byId[r.patientId] else { return nil }
                return ReferralListItem(referral: seen, patient: patient)
            }
            try logShown(db, context, view: "referral queue \(box.rawValue)",
                         patients: items.map(\.patient.id), grants: grants)
            return items
        }
    }
}
