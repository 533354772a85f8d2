import Foundation
import GRDB
import NaraDomain

/// Taking and handling rows of a unit's work lists. A claim is about a patient, so it
/// passes the door as a write of coordination information and is logged naming the
/// patient; the patient must be on the list for the user at the time (a row cannot be
/// taken for a patient the list would not show her).
extension SQLiteStore {
    public func toggleWorkListClaim(_ kind: WorkListKind, patient: PatientID,
                                    as context: AccessContext) throws -> WorkListClaim? {
        let unit = context.unitId, now = clock.now
        return try writeThroughDoor(context, patient: patient, category: .coordination,
                                    detail: "work list \(kind.rawValue) take") { db, _ in
            try requireOnList(db, kind, patient: patient, context: context)
            if let held = try Self.claim(db, unit: unit, kind: kind, patient: patient, now: now), !held.isHandled {
                guard held.claimedBy == context.staffId else {
                    throw StoreError.refused(.rowTakenBy(name: held.claimedByName, at: held.claimedAt))
                }
                try db.execute(sql: "DELETE FROM work_list_claim WHERE unit_id = ? AND kind = ? AND patient_id = ?",
                               arguments: [unit.rawValue, kind.rawValue, patient.rawValue])
                return nil
            }
            try db.execute(sql: """
                INSERT OR REPLACE INTO work_list_claim(unit_id, kind, patient_id, claimed_by, claimed_at)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [unit.rawValue, kind.rawValue, patient.rawValue, context.staffId.rawValue,
                                 Self.epoch(now)])
            return try Self.claim(db, unit: unit, kind: kind, patient: patient, now: now)
        }
    }

    public func markWorkListHandled(_ kind: WorkListKind, patient: PatientID, note: String,
                                    as context: AccessContext) throws -> WorkListClaim {
        let note = try Validate.text(note, field: .comment, max: WorkListClaim.noteLimit)
        let unit = context.unitId, now = clock.now
        return try writeThroughDoor(context, patient: patient, category: .coordination,
                                    detail: "work list \(kind.rawValue) handled") { db, _ in
            try requireOnList(db, kind, patient: patient, context: context)
            let held = try Self.claim(db, unit: unit, kind: kind, patient: patient, now: now)
            let claimedBy = held.flatMap { $0.isHandled ? nil : $0 }?.claimedBy ?? context.staffId
            let claimedAt = held.flatMap { $0.isHandled ? nil : $0 }?.claimedAt ?? now
            try db.execute(sql: """
                INSERT OR REPLACE INTO work_list_claim(unit_id, kind, patient_id, claimed_by, claimed_at,
                                                       handled_by, handled_at, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [unit.rawValue, kind.rawValue, patient.rawValue, claimedBy.rawValue,
                                 Self.epoch(claimedAt), context.staffId.rawValue, Self.epoch(now), note])
            return try Self.claim(db, unit: unit, kind: kind, patient: patient, now: now)!
        }
    }

    /// The patient is among the list's candidates at the user's unit (the rows a list
    /// shows are judged from these): no row can be taken or handled for a patient the unit's
    /// list could not hold. The door has already judged the patient for the user.
    private func requireOnList(_ db: Database, _ kind: WorkListKind, patient: PatientID,
                               context: AccessContext) throws {
        let today = clock.today
        let candidates = try WorkListCandidates.ids(db, kind: kind, unit: context.unitId,
                                                    settings: .default, today: today)
        guard candidates.contains(patient.rawValue) else { throw StoreError.refused(.notOnWorkList) }
    }

    /// The unit's marks on one list that still count (a handled mark grows old), by patient.
    static func claims(_ db: Database, unit: UnitID, kind: WorkListKind, now: Date) throws -> [PatientID: WorkListClaim] {
        let rows = try Row.fetchAll(db, sql: claimSelect + " WHERE c.unit_id = ? AND c.kind = ?" + fresh,
                                    arguments: [unit.rawValue, kind.rawValue, oldest(now)])
        return Dictionary(rows.map { (PatientID($0["patient_id"] as Int64), decodeClaim($0)) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// Patients handled on each of the unit's lists, for counts that leave them out: a
    /// part over `:list_unit` and `:handled_since` (`oldest(now)`), read by `handled(_:)`.
    static let handledPart = TaggedRead.Part("handled", """
        SELECT kind, patient_id FROM work_list_claim WHERE unit_id = :list_unit AND handled_at >= :handled_since
        """)

    static func handled(_ rows: [String: [Row]]) -> [WorkListKind: Set<Int64>] {
        var result: [WorkListKind: Set<Int64>] = [:]
        for row in rows["handled"] ?? [] {
            if let kind = WorkListKind(rawValue: row["kind"]) { result[kind, default: []].insert(row["patient_id"]) }
        }
        return result
    }

    private static func claim(_ db: Database, unit: UnitID, kind: WorkListKind, patient: PatientID,
                              now: Date) throws -> WorkListClaim? {
        try Row.fetchOne(db, sql: claimSelect + " WHERE c.unit_id = ? AND c.kind = ? AND c.patient_id = ?" + fresh,
                         arguments: [unit.rawValue, kind.rawValue, patient.rawValue, oldest(now)])
            .map(decodeClaim)
    }

    private static let claimSelect = """
        SELECT c.*, cs.name AS claimed_name, hs.name AS handled_name FROM work_list_claim c
        JOIN staff cs ON cs.id = c.claimed_by LEFT JOIN staff hs ON hs.id = c.handled_by
        """
    private static let fresh = " AND (c.handled_at IS NULL OR c.handled_at >= ?)"

    static func oldest(_ now: Date) -> Int64 {
        epoch(now) - Int64(WorkListClaim.handledKeptDays) * 86_400
    }

    private static func epoch(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    private static func decodeClaim(_ row: Row) -> WorkListClaim {
        WorkListClaim(kind: WorkListKind(rawValue: row["kind"]) ?? .withoutNamedGP,
                      patientId: PatientID(row["patient_id"] as Int64), unitId: UnitID(row["unit_id"] as String),
                      claimedBy: StaffID(row["claimed_by"] as String), claimedByName: row["claimed_name"],
                      claimedAt: Decode.time(row, "claimed_at"),
                      handledBy: (row["handled_by"] as String?).map { StaffID($0) }, handledByName: row["handled_name"],
                      handledAt: (row["handled_at"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) },
                      note: row["note"])
    }
}
