import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// Care contacts and named GPs on PostgreSQL, through the door (`PostgresDoor.swift`),
/// with the rules, refusals and log rows of the SQLite store (`ContactRules`).
///
/// Statements, each a round trip (`client.statementsSent`): a contact assigned is five
/// (BEGIN, the patient's lock, the facts with the person, unit, listings and current
/// contacts, the change with its log row, COMMIT); refused on what was read four;
/// refused on the request alone none. A contact ended is six: the patient of the
/// contact first (`patient(of:id:)`), then the door's five; refused on what was read
/// five; a contact that does not exist one.
///
/// Many writers: the door's lock on the patient makes writers to one patient follow one
/// another. The changes are conditional besides: an end updates the contact only at the
/// version the caller read (an update that finds nothing refuses with `.conflict`,
/// rolling back, log row and all), and an assignment ends the contacts that are current
/// when it writes, in the statement that adds the new one.
extension PostgresStore {
    public func assignContact(_ new: NewCareContact, as context: AccessContext) throws -> CareContact {
        let reason = try ContactRules.assignReason(new, today: clock.today)
        let today = clock.today, now = clock.now
        // A named contact gives that person a lasting relationship: it needs one already.
        return try writeThroughDoor(context, patient: new.patientId, named: (new.unitId.rawValue, nil, new.staffId.rawValue),
                                    parts: [Self.contactPart(ContactRules.listingsPart),
                                            Self.contactPart(ContactRules.currentPart(new.role))],
                                    decide: { try Self.writeGrant($0, category: .coordination, grantsRelationship: true,
                                                                  today: today, now: now) }) { read, grant in
            let staff = try ContactRules.checkAssign(new, staff: read.first("named_staff"), unit: read.first("named_unit"),
                                                     listings: { read.rows["listing"] ?? [] }, context: context)
            _ = try ContactRules.replaced(read.rows["current_contact"] ?? [], by: new)
            var b = PostgresWorkBinds()
            let patient = b.int(new.patientId.rawValue), role = b.text(new.role.rawValue), unit = b.text(new.unitId.rawValue)
            let from = b.text(new.from.iso), text = b.text(reason), at = b.int(seconds(now))
            let by = b.text(context.staffId.rawValue), person = b.text(staff.id.rawValue)
            // The current contacts end first: the new one takes their place in the
            // one-active-contact index, so its insert waits for their rows (`work`).
            let end = """
                UPDATE nara.care_contact SET to_date = \(from), end_reason = \(text), replaced_by = \(person),
                       version = version + 1, updated_at = \(at), updated_by = \(by)
                 WHERE patient_id = \(patient) AND role = \(role) AND to_date IS NULL
                   AND (unit_id = \(unit) OR role = 'named_physician')
                RETURNING *
                """
            let insert = """
                INSERT INTO nara.care_contact(patient_id, role, staff_id, unit_id, reason, from_date, version, updated_at,
                                              updated_by)
                SELECT \(patient), \(role), \(person), \(unit), \(text), \(from), 1, \(at), \(by)
                  FROM (SELECT count(*) FROM work) AS ended
                RETURNING *
                """
            return DoorWork(query: b.query(end), logged: SQLiteStore.logged(ContactRules.assignDetail(new), grant),
                            more: [insert], resultOf: "more_0") { rows in
                ContactRules.assigned(rows[0]["id"], new, reason: reason)
            }
        }
    }

    public func endContact(_ id: RecordID, expectedVersion: Int, on day: LocalDate, reason: String,
                           as context: AccessContext) throws -> CareContact {
        let reason = try ContactRules.endReason(reason)
        let now = clock.now
        return try writeContact(id, expectedVersion: expectedVersion, context: context) { contact, grant in
            let day = try ContactRules.endDay(contact, day)
            var b = PostgresWorkBinds()
            let sql = """
                UPDATE nara.care_contact SET to_date = \(b.text(day.iso)), end_reason = \(b.text(reason)),
                       version = version + 1, updated_at = \(b.int(seconds(now))),
                       updated_by = \(b.text(context.staffId.rawValue))
                 WHERE id = \(b.int(id)) AND version = \(b.int(expectedVersion))
                RETURNING *
                """
            return (b.query(sql), SQLiteStore.logged(ContactRules.endDetail(contact), grant))
        }
    }

    /// A change of the contact `id` at the version the caller read: the contact's
    /// patient, then the door, refusing a contact that is not there or not at that
    /// version before anything else, as SQLite does (`Validate.version`). `change` is
    /// the conditional update and its log row; one that finds the contact changed
    /// after all refuses with `.conflict`.
    func writeContact(_ id: RecordID, expectedVersion: Int, context: AccessContext,
                      _ change: (CareContact, AccessGrant) throws -> (PostgresQuery, (String, Bool)))
        throws -> CareContact {
        let today = clock.today, now = clock.now
        guard let patient = try patient(of: "care_contact", id: id) else {
            try Validate.version(nil, table: "care_contact", id: id, expected: expectedVersion)
            throw StoreError.notFound("care contact \(id)")
        }
        return try writeThroughDoor(context, patient: patient, parts: [Self.contactPart(id)], decide: { read in
            try Validate.version(read.first("contact"), table: "care_contact", id: id, expected: expectedVersion)
            return try Self.writeGrant(read, category: .coordination, today: today, now: now)
        }) { read, grant in
            guard let row = read.first("contact") else { throw StoreError.notFound("care contact \(id)") }
            let (query, logged) = try change(ContactRules.contact(row), grant)
            return DoorWork(query: query, logged: logged) { rows in
                guard let changed = rows.first else { throw Validate.conflict(row) }
                return ContactRules.contact(changed)
            }
        }
    }

    /// A contact part over the door's binds: the new contact's unit is the named unit (`$6`).
    static func contactPart(_ part: TaggedRead.Part) -> TaggedRead.Part {
        PostgresRecordSQL.translated(part, arguments: PostgresRecordSQL.argumentNames + ["contact_unit"])
    }

    /// The contact `id`, as `contact`.
    static func contactPart(_ id: RecordID) -> TaggedRead.Part {
        TaggedRead.Part("contact", "SELECT * FROM nara.care_contact WHERE id = \(id)")
    }
}
