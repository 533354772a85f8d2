import Foundation
import GRDB
import NaraDomain

extension ImportRun {
    /// A referral with its history and pauses, as the file says they were: the steps
    /// happened elsewhere, so they are recorded, not replayed through the state machine.
    func insertReferral(_ item: Exchanged<Referral>, patient: Int64) throws -> Int64 {
        let r = item.value
        let o = item.origin
        let created = Int64(r.createdAt.timeIntervalSince1970.rounded(.down))
        let updated = r.history.last.map { Int64($0.at.timeIntervalSince1970.rounded(.down)) } ?? created
        guard (1...32).contains(r.priority.rawValue.count) else {
            throw ImportError(origin: o, problem: "priority: \"\(r.priority.rawValue)\" is not a priority code")
        }
        let id = try db.insert("""
            INSERT INTO referral(patient_id, from_unit_id, to_unit_id, priority, question, guarantee, self_referral,
                state, created_at, created_by, sent_on, booked_on, seen_on, reply, version, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """, [patient, try unitId(r.fromUnitId, o), try unitId(r.toUnitId, o), r.priority.rawValue,
                             try text(r.question, o, "note", 4000, min: 1), r.guarantee.rawValue, r.selfReferral,
                             r.state.rawValue, created, try staffId(r.createdBy, o), r.sentOn?.iso, r.bookedOn?.iso,
                             r.seenOn?.iso, try r.reply.map { try text($0, o, "output", 8000) }, updated,
                             try staffId(r.history.last?.staffId ?? r.createdBy, o)])
        for e in r.history {
            try db.run("""
                INSERT INTO referral_event(referral_id, at, staff_id, unit_id, action, from_state, to_state, comment,
                                           forwarded_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [id, Int64(e.at.timeIntervalSince1970.rounded(.down)), try staffId(e.staffId, o),
                                 try unitId(e.unitId, o), e.action.rawValue, e.from.rawValue, e.to.rawValue,
                                 try text(e.comment, o, "comment", 8000), try e.forwardedTo.map { try unitId($0, o) }])
        }
        for p in r.pauses {
            if let to = p.to, to < p.from { throw ImportError(origin: o, problem: "a pause ends before it starts") }
            try db.run("""
                INSERT INTO referral_pause(referral_id, kind, from_date, to_date, comment, offered_on, patient_informed)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [id, p.kind.rawValue, p.from.iso, p.to?.iso, try text(p.comment, o, "comment", 1000),
                                 p.offeredOn?.iso, p.patientInformed])
        }
        return id
    }
}
