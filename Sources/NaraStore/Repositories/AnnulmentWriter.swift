import Foundation
import GRDB
import NaraDomain

/// Annulment (makulering): a record registered in error keeps its row, gains when, by
/// whom and why, and drops out of every count. The reason says something (`Reason`),
/// only the registering unit annuls, and the log row names the patient like any write.
extension SQLiteStore {
    public func annulEncounter(_ id: RecordID, reason: String, as context: AccessContext) throws -> Encounter {
        let reason = try ContactRules.annulReason(reason)
        return try write { db in
            guard var encounter = try Row.fetchOne(db, sql: "SELECT * FROM encounter WHERE id = ?", arguments: [id])
                .map(Decode.encounter) else { throw StoreError.notFound("encounter \(id)") }
            let grant = try checkWrite(db, context, patient: encounter.patientId, category: .clinical)
            try ContactRules.mayAnnul(encounter.unitId, encounter.annulment, context)
            let now = seconds(clock.now)
            try db.execute(sql: """
                UPDATE encounter SET annulled_at = ?, annulled_by = ?, annul_reason = ? WHERE id = ?
                """, arguments: [now, context.staffId.rawValue, reason, id])
            encounter.annulment = Annulment(at: Date(timeIntervalSince1970: TimeInterval(now)), by: context.staffId,
                                            reason: reason)
            try appendLog(db, context: context, entries: [(encounter.patientId, Self.logged(
                ContactRules.annulEncounterDetail(id), grant))], action: .write)
            return encounter
        }
    }

    public func annulContact(_ id: RecordID, expectedVersion: Int, reason: String,
                             as context: AccessContext) throws -> CareContact {
        let reason = try ContactRules.annulReason(reason)
        return try write { db in
            try Validate.version(db, table: "care_contact", id: id, expected: expectedVersion)
            guard var contact = try Row.fetchOne(db, sql: "SELECT * FROM care_contact WHERE id = ?", arguments: [id])
                .map(Decode.contact) else { throw StoreError.notFound("care contact \(id)") }
            let grant = try checkWrite(db, context, patient: contact.patientId, category: .coordination)
            try ContactRules.mayAnnul(contact.unitId, contact.annulment, context)
            let to = ContactRules.annulledEnd(contact)
            let now = seconds(clock.now)
            try db.execute(sql: """
                UPDATE care_contact SET annulled_at = ?, annulled_by = ?, annul_reason = ?, to_date = ?,
                       version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ?
                """, arguments: [now, context.staffId.rawValue, reason, to.iso, now, context.staffId.rawValue, id])
            contact.to = to
            contact.version += 1
            contact.annulment = Annulment(at: Date(timeIntervalSince1970: TimeInterval(now)), by: context.staffId,
                                          reason: reason)
            try appendLog(db, context: context, entries: [(contact.patientId, Self.logged(
                ContactRules.annulContactDetail(contact), grant))], action: .write)
            return contact
        }
    }
}
