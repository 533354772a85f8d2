import Foundation
import GRDB
import NaraDomain

/// Loading and saving whole referrals: the row, its history and its pauses.
enum ReferralRows {
    /// Referrals matching `condition` (an SQL expression over `referral`), each with its
    /// history and pauses, loaded in three queries whatever their number.
    static func load(_ db: Database, where condition: String, arguments: StatementArguments = [],
                     orderBy: String = "id", limit: Int? = nil) throws -> [Referral] {
        let limitSQL = limit.map { " LIMIT \($0)" } ?? ""
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM referral WHERE \(condition) ORDER BY \(orderBy)\(limitSQL)",
                                    arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let list = rows.map { String($0["id"] as Int64) }.joined(separator: ",")
        return assemble(rows, events: try Row.fetchAll(db, sql: "SELECT * FROM referral_event WHERE referral_id IN (\(list)) ORDER BY id"),
                        pauses: try Row.fetchAll(db, sql: "SELECT * FROM referral_pause WHERE referral_id IN (\(list)) ORDER BY id"))
    }

    /// The parts of the referrals `condition` selects (over `referral`), for a `TaggedRead`;
    /// `assemble(_:)` makes them referrals.
    static func parts(where condition: String, order: String = "id") -> [TaggedRead.Part] {
        let ids = "SELECT id FROM referral WHERE \(condition)"
        return [TaggedRead.Part("referral", "SELECT * FROM referral WHERE \(condition)", order: order),
                TaggedRead.Part("referral_event", "SELECT * FROM referral_event WHERE referral_id IN (\(ids))", order: "id"),
                TaggedRead.Part("referral_pause", "SELECT * FROM referral_pause WHERE referral_id IN (\(ids))", order: "id")]
    }

    static func assemble(_ rows: [String: [Row]]) -> [Referral] {
        assemble(rows["referral"] ?? [], events: rows["referral_event"] ?? [], pauses: rows["referral_pause"] ?? [])
    }

    /// Referrals from their rows, with the rows of their events and pauses (each in id order).
    static func assemble(_ rows: [Row], events eventRows: [Row], pauses pauseRows: [Row]) -> [Referral] {
        var events: [RecordID: [ReferralEvent]] = [:]
        for row in eventRows { events[row["referral_id"], default: []].append(Decode.referralEvent(row)) }
        var pauses: [RecordID: [GuaranteePause]] = [:]
        for row in pauseRows { pauses[row["referral_id"], default: []].append(Decode.pause(row)) }
        return rows.map { row in
            var referral = Decode.referral(row)
            referral.history = events[referral.id] ?? []
            referral.pauses = pauses[referral.id] ?? []
            return referral
        }
    }

    static func one(_ db: Database, id: RecordID) throws -> Referral? {
        try load(db, where: "id = ?", arguments: [id]).first
    }

    /// Inserts a new referral (id 0) with all its events and pauses; returns its id.
    static func insert(_ db: Database, _ r: Referral) throws -> RecordID {
        let updated = ReferralRules.updated(r)
        try db.execute(sql: """
            INSERT INTO referral(patient_id, from_unit_id, to_unit_id, priority, question, guarantee, self_referral,
                                 state, created_at, created_by, sent_on, booked_on, seen_on, reply, version,
                                 updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.patientId.rawValue, r.fromUnitId.rawValue, r.toUnitId.rawValue, r.priority.rawValue,
                             r.question, r.guarantee.rawValue, r.selfReferral, r.state.rawValue,
                             seconds(r.createdAt), r.createdBy.rawValue, r.sentOn?.iso, r.bookedOn?.iso,
                             r.seenOn?.iso, r.reply, r.version, updated.at, updated.by])
        let id = db.lastInsertedRowID
        for event in r.history { try insertEvent(db, referral: id, event) }
        try replacePauses(db, referral: id, r.pauses)
        return id
    }

    /// Saves a step: the new row values, the events not yet stored, the pauses.
    static func update(_ db: Database, _ r: Referral, newEvents: ArraySlice<ReferralEvent>) throws {
        let updated = ReferralRules.updated(r)
        try db.execute(sql: """
            UPDATE referral SET to_unit_id = ?, state = ?, sent_on = ?, booked_on = ?, seen_on = ?, reply = ?,
                                version = ?, updated_at = ?, updated_by = ?
            WHERE id = ?
            """, arguments: [r.toUnitId.rawValue, r.state.rawValue, r.sentOn?.iso, r.bookedOn?.iso, r.seenOn?.iso,
                             r.reply, r.version, updated.at, updated.by, r.id])
        for event in newEvents { try insertEvent(db, referral: r.id, event) }
        try replacePauses(db, referral: r.id, r.pauses)
    }

    private static func insertEvent(_ db: Database, referral: RecordID, _ e: ReferralEvent) throws {
        try db.execute(sql: """
            INSERT INTO referral_event(referral_id, at, staff_id, unit_id, action, from_state, to_state, comment,
                                       forwarded_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [referral, seconds(e.at), e.staffId.rawValue, e.unitId.rawValue, e.action.rawValue,
                             e.from.rawValue, e.to.rawValue, ReferralRules.storedComment(e),
                             e.forwardedTo?.rawValue])
    }

    private static func replacePauses(_ db: Database, referral: RecordID, _ pauses: [GuaranteePause]) throws {
        try db.execute(sql: "DELETE FROM referral_pause WHERE referral_id = ?", arguments: [referral])
        for p in pauses {
            try db.execute(sql: """
                INSERT INTO referral_pause(referral_id, kind, from_date, to_date, comment, offered_on, patient_informed)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [referral, p.kind.rawValue, p.from.iso, p.to?.iso, ReferralRules.storedComment(p),
                                 p.offeredOn?.iso, p.patientInformed])
        }
    }
}

package func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
