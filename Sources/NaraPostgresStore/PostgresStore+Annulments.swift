import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// Annulment (makulering) on PostgreSQL, with the rules, refusals and log rows of the
/// SQLite store (`ContactRules`): the row stays, gains when, by whom and why.
///
/// Statements, each a round trip (`client.statementsSent`): six (the patient of the
/// encounter or contact, then the door's five: BEGIN, the patient's lock, the facts
/// with the row, the change with its log row, COMMIT); refused on what was read five;
/// a row that does not exist one; a reason that says nothing none.
///
/// Many writers: besides the door's lock, an encounter is annulled only while it stands
/// (an update that finds it annulled refuses as the read would have), and a contact only
/// at the version the caller read (`writeContact`).
extension PostgresStore {
    public func annulEncounter(_ id: RecordID, reason: String, as context: AccessContext) throws -> Encounter {
        let reason = try ContactRules.annulReason(reason)
        let today = clock.today, now = clock.now
        guard let patient = try patient(of: "encounter", id: id) else { throw StoreError.notFound("encounter \(id)") }
        return try writeThroughDoor(context, patient: patient, parts: [TaggedRead.Part("encounter", """
            SELECT * FROM nara.encounter WHERE id = \(id)
            """)], decide: { try Self.writeGrant($0, category: .clinical, today: today, now: now) }) { read, grant in
            guard let row = read.first("encounter") else { throw StoreError.notFound("encounter \(id)") }
            let encounter = ContactRules.encounter(row)
            try ContactRules.mayAnnul(encounter.unitId, encounter.annulment, context)
            var b = PostgresWorkBinds()
            let sql = """
                UPDATE nara.encounter SET annulled_at = \(b.int(seconds(now))), annulled_by = \(b.text(context.staffId.rawValue)),
                       annul_reason = \(b.text(reason))
                 WHERE id = \(b.int(id)) AND annulled_at IS NULL
                RETURNING *
                """
            return DoorWork(query: b.query(sql), logged: SQLiteStore.logged(ContactRules.annulEncounterDetail(id), grant)) {
                rows in
                guard let annulled = rows.first else { throw StoreError.refused(.alreadyAnnulled) }
                return ContactRules.encounter(annulled)
            }
        }
    }

    public func annulContact(_ id: RecordID, expectedVersion: Int, reason: String,
                             as context: AccessContext) throws -> CareContact {
        let reason = try ContactRules.annulReason(reason)
        let now = seconds(clock.now)
        return try writeContact(id, expectedVersion: expectedVersion, context: context) { contact, grant in
            try ContactRules.mayAnnul(contact.unitId, contact.annulment, context)
            var b = PostgresWorkBinds()
            let at = b.int(now), by = b.text(context.staffId.rawValue)
            let sql = """
                UPDATE nara.care_contact SET annulled_at = \(at), annulled_by = \(by), annul_reason = \(b.text(reason)),
                       to_date = \(b.text(ContactRules.annulledEnd(contact).iso)), version = version + 1,
                       updated_at = \(at), updated_by = \(by)
                 WHERE id = \(b.int(id)) AND version = \(b.int(expectedVersion))
                RETURNING *
                """
            return (b.query(sql), SQLiteStore.logged(ContactRules.annulContactDetail(contact), grant))
        }
    }
}
