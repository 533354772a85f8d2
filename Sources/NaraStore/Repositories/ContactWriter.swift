import GRDB
import NaraDomain

extension SQLiteStore {
    public func assignContact(_ new: NewCareContact, as context: AccessContext) throws -> CareContact {
        let reason = try Validate.text(new.reason, field: .reason, max: 500)
        guard new.from <= clock.today.adding(days: CareContact.maximumDaysAhead) else {
            throw StoreError.refused(.contactTooFarAhead(days: CareContact.maximumDaysAhead))
        }
        let now = seconds(clock.now)
        // A named contact gives that person a lasting relationship: it needs one already.
        return try writeThroughDoor(context, patient: new.patientId, category: .coordination, grantsRelationship: true,
                                    detail: "\(new.role.rawValue) \(new.staffId)") { db, _ in
            let staff = try Validate.staff(db, new.staffId)
            _ = try Validate.unit(db, new.unitId)
            guard staff.isClinician else {
                throw StoreError.refused(.doesNotMeetPatients(name: staff.name))
            }
            guard staff.unitId == new.unitId, new.unitId == context.unitId else {
                throw StoreError.refused(.contactFromOwnUnit)
            }
            if new.role == .namedPhysician {
                guard staff.profession == .physician else {
                    throw StoreError.refused(.namedGPMustBePhysician(name: staff.name))
                }
                guard try listed(db, new.patientId, at: new.unitId, on: new.from) else {
                    throw StoreError.refused(.namedGPAtListingUnit)
                }
            }
            // A care contact is one per unit; a named GP is one at a time, wherever the
            // one before was: the new one replaces it.
            let current = try Row.fetchAll(db, sql: """
                SELECT * FROM care_contact WHERE patient_id = ? AND role = ? AND to_date IS NULL
                  AND (unit_id = ? OR role = 'named_physician')
                """, arguments: [new.patientId.rawValue, new.role.rawValue, new.unitId.rawValue]).map(Decode.contact)
            if let later = current.first(where: { $0.from > new.from }) {
                throw StoreError.refused(.contactBeforeCurrent(since: later.from))
            }
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
            return CareContact(id: db.lastInsertedRowID, patientId: new.patientId, role: new.role,
                               staffId: new.staffId, unitId: new.unitId, reason: reason, from: new.from)
        }
    }

    /// Whether the patient's listing at `unit` is the one in force on `day`.
    private func listed(_ db: Database, _ patient: PatientID, at unit: UnitID, on day: LocalDate) throws -> Bool {
        try Row.fetchAll(db, sql: "SELECT * FROM listing WHERE patient_id = ? AND unit_id = ?",
                         arguments: [patient.rawValue, unit.rawValue]).map(Decode.listing)
            .contains { $0.isActive(on: day) }
    }

    public func endContact(_ id: RecordID, expectedVersion: Int, on day: LocalDate, reason: String,
                           as context: AccessContext) throws -> CareContact {
        let reason = try Validate.text(reason, field: .reason, max: 500)
        return try write { db in
            try Validate.version(db, table: "care_contact", id: id, expected: expectedVersion)
            guard var contact = try Row.fetchOne(db, sql: "SELECT * FROM care_contact WHERE id = ?", arguments: [id])
                .map(Decode.contact) else { throw StoreError.notFound("care contact \(id)") }
            let grant = try checkWrite(db, context, patient: contact.patientId, category: .coordination)
            guard contact.to == nil else { throw StoreError.refused(.contactAlreadyEnded) }
            // A contact that has not started yet is ended before it begins: on its first day.
            let day = max(day, contact.from)
            try db.execute(sql: """
                UPDATE care_contact SET to_date = ?, end_reason = ?, version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ?
                """, arguments: [day.iso, reason, seconds(clock.now), context.staffId.rawValue, id])
            contact.to = day
            contact.endReason = reason
            contact.version += 1
            try appendLog(db, context: context, entries: [(contact.patientId, Self.logged(
                "end \(contact.role.rawValue) \(contact.staffId)", grant))], action: .write)
            return contact
        }
    }
}
