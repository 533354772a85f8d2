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
                                    detail: WorkListClaimRules.takeDetail(kind)) { db, _ in
            try requireOnList(db, kind, patient: patient, context: context)
            let held = try Self.claim(db, unit: unit, kind: kind, patient: patient, now: now)
            if try WorkListClaimRules.givesBack(held, context: context) {
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
        let note = try WorkListClaimRules.note(note)
        let unit = context.unitId, now = clock.now
        return try writeThroughDoor(context, patient: patient, category: .coordination,
                                    detail: WorkListClaimRules.handledDetail(kind)) { db, _ in
            try requireOnList(db, kind, patient: patient, context: context)
            let held = try Self.claim(db, unit: unit, kind: kind, patient: patient, now: now)
            let (claimedBy, claimedAt) = WorkListClaimRules.taker(held, context: context, now: now)
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
        try WorkListClaimRules.requireOnList(candidates.contains(patient.rawValue))
    }

    /// The unit's marks on one list that still count (a handled mark grows old), by patient.
    static func claims(_ db: Database, unit: UnitID, kind: WorkListKind, now: Date) throws -> [PatientID: WorkListClaim] {
        let rows = try Row.fetchAll(db, sql: claimSelect + " WHERE c.unit_id = ? AND c.kind = ?" + fresh,
                                    arguments: [unit.rawValue, kind.rawValue, oldest(now)])
        return WorkListClaimRules.byPatient(rows)
    }

    private static func claim(_ db: Database, unit: UnitID, kind: WorkListKind, patient: PatientID,
                              now: Date) throws -> WorkListClaim? {
        try Row.fetchOne(db, sql: claimSelect + " WHERE c.unit_id = ? AND c.kind = ? AND c.patient_id = ?" + fresh,
                         arguments: [unit.rawValue, kind.rawValue, patient.rawValue, oldest(now)])
            .map(decodeClaim)
    }

    private static let claimSelect = WorkListClaimRules.select
    private static let fresh = WorkListClaimRules.fresh

    static func oldest(_ now: Date) -> Int64 { WorkListClaimRules.oldest(now) }

    private static func epoch(_ date: Date) -> Int64 { seconds(date) }

    private static func decodeClaim(_ row: Row) -> WorkListClaim { WorkListClaimRules.decode(row) }
}
