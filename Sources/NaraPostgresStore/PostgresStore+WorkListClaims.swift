import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// Taking and handling rows of a unit's work lists on PostgreSQL, through the write door
/// as a write of coordination information, with the SQLite store's checks and refusals
/// (`WorkListClaimRules`): the patient must be among the list's candidates at the user's
/// unit, and a row a colleague has taken is refused.
///
/// Statements, each a round trip (`client.statementsSent`): a mark taken, given back or
/// handled is five (BEGIN, the patient's lock, the facts with the candidate check and the
/// mark held, the change with its log row, COMMIT); one refused on what was read four; a
/// note refused alone none. Two colleagues taking one row at once follow each other on
/// the patient's lock, so the second reads the first's mark and is refused.
extension PostgresStore {
    public func toggleWorkListClaim(_ kind: WorkListKind, patient: PatientID,
                                    as context: AccessContext) throws -> WorkListClaim? {
        let today = clock.today, now = clock.now
        return try writeThroughDoor(context, patient: patient, parts: Self.claimParts(kind, today: today, now: now),
                                    decide: { try Self.writeGrant($0, category: .coordination, today: today, now: now) }) {
            read, grant in
            try WorkListClaimRules.requireOnList(read.first("on_list") != nil)
            let logged = SQLiteStore.logged(WorkListClaimRules.takeDetail(kind), grant)
            if try WorkListClaimRules.givesBack(read.first("held").map(WorkListClaimRules.decode), context: context) {
                return DoorWork(query: """
                    DELETE FROM nara.work_list_claim
                     WHERE unit_id = \(context.unitId.rawValue) AND kind = \(kind.rawValue) AND patient_id = \(patient.rawValue)
                    RETURNING *
                    """, logged: logged) { _ in nil }
            }
            return DoorWork(query: Self.upsert(kind, patient: patient, context: context, taker: (context.staffId, now),
                                               handled: nil),
                            logged: logged) { rows in WorkListClaimRules.decode(rows[0]) }
        }
    }

    public func markWorkListHandled(_ kind: WorkListKind, patient: PatientID, note: String,
                                    as context: AccessContext) throws -> WorkListClaim {
        let note = try WorkListClaimRules.note(note)
        let today = clock.today, now = clock.now
        return try writeThroughDoor(context, patient: patient, parts: Self.claimParts(kind, today: today, now: now),
                                    decide: { try Self.writeGrant($0, category: .coordination, today: today, now: now) }) {
            read, grant in
            try WorkListClaimRules.requireOnList(read.first("on_list") != nil)
            let held = read.first("held").map(WorkListClaimRules.decode)
            let taker = WorkListClaimRules.taker(held, context: context, now: now)
            return DoorWork(query: Self.upsert(kind, patient: patient, context: context, taker: taker,
                                               handled: (context.staffId, now, note)),
                            logged: SQLiteStore.logged(WorkListClaimRules.handledDetail(kind), grant)) { rows in
                WorkListClaimRules.decode(rows[0])
            }
        }
    }

    /// The row's mark as SQLite's INSERT OR REPLACE leaves it: the whole row written anew,
    /// returned with the names of who took and handled it.
    private static func upsert(_ kind: WorkListKind, patient: PatientID, context: AccessContext,
                               taker: (StaffID, Date), handled: (StaffID, Date, String)?) -> PostgresQuery {
        """
        INSERT INTO nara.work_list_claim AS c(unit_id, kind, patient_id, claimed_by, claimed_at, handled_by,
                                              handled_at, note)
        VALUES (\(context.unitId.rawValue), \(kind.rawValue), \(patient.rawValue), \(taker.0.rawValue),
                \(seconds(taker.1)), \(handled?.0.rawValue), \(handled.map { seconds($0.1) }), \(handled?.2))
        ON CONFLICT (unit_id, kind, patient_id) DO UPDATE
           SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, handled_by = excluded.handled_by,
               handled_at = excluded.handled_at, note = excluded.note
        RETURNING c.*, (SELECT name FROM nara.staff WHERE id = c.claimed_by) AS claimed_name,
                  (SELECT name FROM nara.staff WHERE id = c.handled_by) AS handled_name
        """
    }

    /// The door's own parts over `$1` (the patient) and `$2` (the user's unit): whether the
    /// patient is among the list's candidates at the unit (`WorkListCandidates.part`, its
    /// values written in as literals, for the door binds only its own), and the unit's
    /// mark on the patient's row that still counts.
    static func claimParts(_ kind: WorkListKind, today: LocalDate, now: Date) -> [TaggedRead.Part] {
        var candidates = WorkListCandidates.part(kind).sql.replacing(":list_unit", with: "$2::text")
        for (name, value) in WorkListCandidates.values(unit: "", settings: .default, today: today)
            where name != "list_unit" {
            candidates = candidates.replacing(try! Regex(":\(name)\\b"), with: literal(value))
        }
        let held = WorkListClaimRules.select + " WHERE c.unit_id = :unit AND c.kind = '\(kind.rawValue)'"
            + " AND c.patient_id = :patient AND (c.handled_at IS NULL OR c.handled_at >= \(WorkListClaimRules.oldest(now)))"
        return [
            PostgresWorkListSQL.translated(TaggedRead.Part("on_list", """
                SELECT patient_id FROM (\(candidates)) AS candidate WHERE patient_id = $1 LIMIT 1
                """), local: []),
            PostgresRecordSQL.translated(TaggedRead.Part("held", held)),
        ]
    }

    /// A candidate query's value as an SQL literal: a number, or text in quotes.
    private static func literal(_ value: (any DatabaseValueConvertible)?) -> String {
        switch value?.databaseValue.storage {
        case .int64(let n): return String(n)
        case .string(let s): return "'" + s.replacing("'", with: "''") + "'"
        case .double(let d): return String(d)
        case .blob, .null, nil: preconditionFailure("a candidate value is no number or text")
        }
    }
}
