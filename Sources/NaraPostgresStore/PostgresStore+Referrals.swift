import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// Writing referrals on PostgreSQL, through the door (`PostgresDoor.swift`), with the
/// rules, refusals and log rows of the SQLite store (`ReferralRules`, the lifecycle
/// `Referral.applying`), and the rows it writes: the referral, its events and its pauses.
///
/// Statements, each a round trip (`client.statementsSent`): a new referral is five
/// (BEGIN, the patient's lock, the facts with both units, the referral with its events
/// and pauses and its log row, COMMIT); refused on what was read four; refused on the
/// request alone none. A step is six: the referral's patient (`patient(of:id:)`), then
/// the door's five (the facts with the referral, its history and pauses and a forward's
/// unit); refused on what was read five; a referral that does not exist one.
///
/// Many writers: the door's lock on the patient makes writers to one patient follow one
/// another, and a step updates the referral only at the version the caller read: an
/// update that finds nothing writes no event or pause and refuses with `.conflict`,
/// rolling back, log row and all.
extension PostgresStore {
    public func createReferral(_ new: NewReferral, at: Date, as context: AccessContext) throws -> Referral {
        let question = try ReferralRules.question(new)
        let today = clock.today, now = clock.now
        let toUnit = TaggedRead.Part("to_unit", """
            SELECT * FROM nara.care_unit WHERE id = \(PostgresWorkBinds.literal(new.toUnitId.rawValue))
            """)
        return try writeThroughDoor(context, patient: new.patientId, named: (new.fromUnitId.rawValue, nil, nil),
                                    parts: [toUnit], decide: {
            try Self.writeGrant($0, category: .clinical, today: today, now: now)
        }) { read, grant in
            var referral = try ReferralRules.draft(new, question: question, unit: { unit in
                try Validate.unit(read.first(unit == new.fromUnitId ? "named_unit" : "to_unit"), unit)
            }, context: context, at: at)
            var b = PostgresWorkBinds()
            let r = referral, updated = ReferralRules.updated(r)
            let insert = """
                INSERT INTO nara.referral(patient_id, from_unit_id, to_unit_id, priority, question, guarantee, self_referral,
                                          state, created_at, created_by, sent_on, booked_on, seen_on, reply, version,
                                          updated_at, updated_by)
                VALUES (\(b.int(r.patientId.rawValue)), \(b.text(r.fromUnitId.rawValue)), \(b.text(r.toUnitId.rawValue)),
                        \(b.text(r.priority.rawValue)), \(b.text(r.question)), \(b.text(r.guarantee.rawValue)),
                        \(b.bool(r.selfReferral)), \(b.text(r.state.rawValue)), \(b.int(seconds(r.createdAt))),
                        \(b.text(r.createdBy.rawValue)), \(b.text(r.sentOn?.iso)), \(b.text(r.bookedOn?.iso)),
                        \(b.text(r.seenOn?.iso)), \(b.text(r.reply)), \(b.int(r.version)), \(b.int(updated.at)),
                        \(b.text(updated.by)))
                RETURNING *
                """
            let events = try Self.insertEvents(r.history[...], &b)
            let pauses = try Self.insertPauses(r.pauses, &b)
            return DoorWork(query: b.query(insert), logged: SQLiteStore.logged(ReferralRules.createDetail, grant),
                            more: [events, pauses]) { rows in
                referral.id = rows[0]["id"]
                return referral
            }
        }
    }

    public func applyReferral(_ id: RecordID, _ action: ReferralAction, expectedVersion: Int, at: Date,
                              comment: String, as context: AccessContext) throws -> Referral {
        let comment = try ReferralRules.comment(comment)
        let today = clock.today, now = clock.now
        guard let patient = try patient(of: "referral", id: id) else {
            try Validate.version(nil, table: "referral", id: id, expected: expectedVersion)
            throw StoreError.notFound("referral \(id)")
        }
        let forward = ReferralRules.forwardedTo(action)
        return try writeThroughDoor(context, patient: patient, named: (forward?.rawValue, nil, nil),
                                    parts: ReferralRules.parts(id).map { PostgresRecordSQL.translated($0) },
                                    decide: { read in
            try Validate.version(read.first("referral"), table: "referral", id: id, expected: expectedVersion)
            return try Self.writeGrant(read, category: action.kind.category, today: today, now: now)
        }) { read, grant in
            guard let current = ReferralRules.referral(read.rows), let row = read.first("referral") else {
                throw StoreError.notFound("referral \(id)")
            }
            if let forward { _ = try Validate.unit(read.first("named_unit"), forward) }
            let next = try ReferralRules.next(current, action, comment: comment, at: at, context: context)
            var b = PostgresWorkBinds()
            let updated = ReferralRules.updated(next)
            let update = """
                UPDATE nara.referral SET to_unit_id = \(b.text(next.toUnitId.rawValue)), state = \(b.text(next.state.rawValue)),
                       sent_on = \(b.text(next.sentOn?.iso)), booked_on = \(b.text(next.bookedOn?.iso)),
                       seen_on = \(b.text(next.seenOn?.iso)), reply = \(b.text(next.reply)), version = \(b.int(next.version)),
                       updated_at = \(b.int(updated.at)), updated_by = \(b.text(updated.by))
                 WHERE id = \(b.int(id)) AND version = \(b.int(expectedVersion))
                RETURNING *
                """
            let events = try Self.insertEvents(next.history[current.history.count...], &b)
            let pauses = try Self.insertPauses(next.pauses, &b)
            let more = [events, "DELETE FROM nara.referral_pause WHERE referral_id IN (SELECT id FROM work)", pauses]
            return DoorWork(query: b.query(update), logged: SQLiteStore.logged(ReferralRules.applyDetail(id, action), grant),
                            more: more) { rows in
                guard !rows.isEmpty else { throw Validate.conflict(row) }
                return next
            }
        }
    }

    /// The events' insert, for the referral `work` wrote, in their order.
    static func insertEvents(_ events: ArraySlice<ReferralEvent>, _ b: inout PostgresWorkBinds) throws -> String {
        let rows: [[String: Any?]] = events.enumerated().map { i, e in
            ["ord": i, "at": seconds(e.at), "staff_id": e.staffId.rawValue, "unit_id": e.unitId.rawValue,
             "action": e.action.rawValue, "from_state": e.from.rawValue, "to_state": e.to.rawValue,
             "comment": ReferralRules.storedComment(e), "forwarded_to": e.forwardedTo?.rawValue]
        }
        return """
            INSERT INTO nara.referral_event(referral_id, at, staff_id, unit_id, action, from_state, to_state, comment,
                                            forwarded_to)
            SELECT w.id, e.at, e.staff_id, e.unit_id, e.action, e.from_state, e.to_state, e.comment, e.forwarded_to
              FROM work w, jsonb_to_recordset(\(try b.json(rows))) AS e(ord bigint, at bigint, staff_id text, unit_id text,
                   action text, from_state text, to_state text, comment text, forwarded_to text)
             ORDER BY e.ord
            """
    }

    /// The pauses' insert, for the referral `work` wrote, in their order. Beside the
    /// delete of the pauses before, it needs no order: nothing unique is shared, and
    /// the delete sees only the rows there before the statement.
    static func insertPauses(_ pauses: [GuaranteePause], _ b: inout PostgresWorkBinds) throws -> String {
        let rows: [[String: Any?]] = pauses.enumerated().map { i, p in
            ["ord": i, "kind": p.kind.rawValue, "from_date": p.from.iso, "to_date": p.to?.iso,
             "comment": ReferralRules.storedComment(p), "offered_on": p.offeredOn?.iso,
             "patient_informed": p.patientInformed]
        }
        return """
            INSERT INTO nara.referral_pause(referral_id, kind, from_date, to_date, comment, offered_on, patient_informed)
            SELECT w.id, p.kind, p.from_date, p.to_date, p.comment, p.offered_on, p.patient_informed
              FROM work w, jsonb_to_recordset(\(try b.json(rows))) AS p(ord bigint, kind text, from_date text, to_date text,
                   comment text, offered_on text, patient_informed boolean)
             ORDER BY p.ord
            """
    }
}
