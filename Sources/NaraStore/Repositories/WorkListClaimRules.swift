import Foundation
import GRDB
import NaraDomain

/// The marks on a unit's work lists (taken, handled), read and decided alike by both
/// stores: the SQL that reads them, their decoding, the refusals and the log texts.
package enum WorkListClaimRules {
    /// The log row's detail of taking (or giving back) a row, before the basis.
    package static func takeDetail(_ kind: WorkListKind) -> String { "work list \(kind.rawValue) take" }
    /// The log row's detail of marking a row handled, before the basis.
    package static func handledDetail(_ kind: WorkListKind) -> String { "work list \(kind.rawValue) handled" }

    /// The note of a handled row, trimmed; refused when too long.
    package static func note(_ note: String) throws -> String {
        try Validate.text(note, field: .comment, max: WorkListClaim.noteLimit)
    }

    /// Refused unless the patient is among the list's candidates at the user's unit.
    package static func requireOnList(_ onList: Bool) throws {
        guard onList else { throw StoreError.refused(.notOnWorkList) }
    }

    /// What taking the row does given the mark `held` (one that still counts): true when
    /// the user gives back her own row, false when she takes it; refused when a colleague
    /// has it and has not handled it.
    package static func givesBack(_ held: WorkListClaim?, context: AccessContext) throws -> Bool {
        guard let held, !held.isHandled else { return false }
        guard held.claimedBy == context.staffId else {
            throw StoreError.refused(.rowTakenBy(name: held.claimedByName, at: held.claimedAt))
        }
        return true
    }

    /// Who a handled row stays taken by, and since when: the one who had taken it, or the
    /// user now when nobody had.
    package static func taker(_ held: WorkListClaim?, context: AccessContext, now: Date) -> (StaffID, Date) {
        let open = held.flatMap { $0.isHandled ? nil : $0 }
        return (open?.claimedBy ?? context.staffId, open?.claimedAt ?? now)
    }

    /// The marks with the names of who took and handled them, for a `WHERE` over `c`.
    package static let select = """
        SELECT c.*, cs.name AS claimed_name, hs.name AS handled_name FROM work_list_claim c
        JOIN staff cs ON cs.id = c.claimed_by LEFT JOIN staff hs ON hs.id = c.handled_by
        """

    /// A mark still counts unless handled before `oldest(now)` (the one argument).
    package static let fresh = " AND (c.handled_at IS NULL OR c.handled_at >= ?)"

    /// The marks of the unit's list that still count: a part over `:list_unit`, `:kind`
    /// and `:handled_since` (`oldest(now)`), read by `byPatient(_:)`.
    package static let listPart = TaggedRead.Part("claim", select + """
         WHERE c.unit_id = :list_unit AND c.kind = :kind AND (c.handled_at IS NULL OR c.handled_at >= :handled_since)
        """)

    package static func byPatient(_ rows: [Row]) -> [PatientID: WorkListClaim] {
        Dictionary(rows.map { (PatientID($0["patient_id"] as Int64), decode($0)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Patients handled on each of the unit's lists, for counts that leave them out: a
    /// part over `:list_unit` and `:handled_since` (`oldest(now)`), read by `handled(_:)`.
    package static let handledPart = TaggedRead.Part("handled", """
        SELECT kind, patient_id FROM work_list_claim WHERE unit_id = :list_unit AND handled_at >= :handled_since
        """)

    package static func handled(_ rows: [String: [Row]]) -> [WorkListKind: Set<Int64>] {
        var result: [WorkListKind: Set<Int64>] = [:]
        for row in rows["handled"] ?? [] {
            if let kind = WorkListKind(rawValue: row["kind"]) { result[kind, default: []].insert(row["patient_id"]) }
        }
        return result
    }

    /// Handled marks older than this (epoch seconds) no longer count.
    package static func oldest(_ now: Date) -> Int64 {
        seconds(now) - Int64(WorkListClaim.handledKeptDays) * 86_400
    }

    package static func decode(_ row: Row) -> WorkListClaim {
        WorkListClaim(kind: WorkListKind(rawValue: row["kind"]) ?? .withoutNamedGP,
                      patientId: PatientID(row["patient_id"] as Int64), unitId: UnitID(row["unit_id"] as String),
                      claimedBy: StaffID(row["claimed_by"] as String), claimedByName: row["claimed_name"],
                      claimedAt: Decode.time(row, "claimed_at"),
                      handledBy: (row["handled_by"] as String?).map { StaffID($0) }, handledByName: row["handled_name"],
                      handledAt: (row["handled_at"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) },
                      note: row["note"])
    }
}
