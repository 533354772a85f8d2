import GRDB
import NaraDomain

/// Care contacts and named GPs, with the rules of `ContactRules`.
extension SQLiteStore {
    public func assignContact(_ new: NewCareContact, as context: AccessContext) throws -> CareContact {
        let reason = try ContactRules.assignReason(new, today: clock.today)
        let now = seconds(clock.now)
        // A named contact gives that person a lasting relationship: it needs one already.
        return try writeThroughDoor(context, patient: new.patientId, category: .coordination, grantsRelationship: true,
                                    detail: ContactRules.assignDetail(new)) { db, _ in
            let named: StatementArguments = ["patient": new.patientId.rawValue, "contact_unit": new.unitId.rawValue]
            let staff = try ContactRules.checkAssign(
                new, staff: Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [new.staffId.rawValue]),
                unit: Row.fetchOne(db, sql: "SELECT * FROM care_unit WHERE id = ?", arguments: [new.unitId.rawValue]),
                listings: { try Row.fetchAll(db, sql: ContactRules.listingsPart.sql, arguments: named) },
                context: context)
            let current = try ContactRules.replaced(Row.fetchAll(db, sql: ContactRules.currentPart(new.role).sql,
                                                                 arguments: named), by: new)
            for active in current {
                try db.execute(sql: """
                    UPDATE care_contact SET to_date = ?, end_reason = ?, replaced_by = ?, version = version + 1,
                                            updated_at = ?, updated_by = ?
                    WHERE id = ?
                    """, arguments: [new.from.iso, reason, staff.id.rawValue, now, context.staffId.rawValue, active.id])
            }
            try db.execute(sql: """
                INSERT INTO care_contact(patient_id, role, staff_id, unit_id, reason, from_date, version, updated_at,
                                         updated_by)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
                """, arguments: [new.patientId.rawValue, new.role.rawValue, new.staffId.rawValue, new.unitId.rawValue,
                                 reason, new.from.iso, now, context.staffId.rawValue])
            return ContactRules.assigned(db.lastInsertedRowID, new, reason: reason)
        }
    }

    public func endContact(_ id: RecordID, expectedVersion: Int, on day: LocalDate, reason: String,
                           as context: AccessContext) throws -> CareContact {
        let reason = try ContactRules.endReason(reason)
        return try write { db in
            try Validate.version(db, table: "care_contact", id: id, expected: expectedVersion)
            guard var contact = try Row.fetchOne(db, sql: "SELECT * FROM care_contact WHERE id = ?", arguments: [id])
                .map(Decode.contact) else { throw StoreError.notFound("care contact \(id)") }
            let grant = try checkWrite(db, context, patient: contact.patientId, category: .coordination)
            let day = try ContactRules.endDay(contact, day)
            try db.execute(sql: """
                UPDATE care_contact SET to_date = ?, end_reason = ?, version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ?
                """, arguments: [day.iso, reason, seconds(clock.now), context.staffId.rawValue, id])
            contact.to = day
            contact.endReason = reason
            contact.version += 1
            try appendLog(db, context: context, entries: [(contact.patientId, Self.logged(
                ContactRules.endDetail(contact), grant))], action: .write)
            return contact
        }
    }
}
