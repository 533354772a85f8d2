import GRDB
import NaraDomain

extension SQLiteStore: QueueStore {
    /// A unit's inbox (referrals it must act on; drafts of other units are not its
    /// business) or outbox (everything it created), oldest decision first.
    public func referrals(box: ReferralBox, unit: UnitID, includeClosed: Bool, limit: Int) throws -> [ReferralListItem] {
        try read { db in
            let column = box == .inbox ? "to_unit_id" : "from_unit_id"
            var condition = "\(column) = ?"
            if box == .inbox { condition += " AND state <> 'draft'" }
            if !includeClosed { condition += " AND state NOT IN ('rejected', 'acknowledged', 'cancelled')" }
            let referrals = try ReferralRows.load(db, where: condition, arguments: [unit.rawValue],
                                                  orderBy: "sent_on IS NULL, sent_on, id", limit: limit)
            let summaries = try SummaryQuery.fetch(db, ids: Array(Set(referrals.map(\.patientId.rawValue))))
            let byId = Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return referrals.compactMap { r in byId[r.patientId].map { ReferralListItem(referral: r, patient: $0) } }
        }
    }
}
