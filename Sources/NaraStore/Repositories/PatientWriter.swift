import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    public func registerPatient(_ new: NewPatient, listedAt unit: UnitID?, on day: LocalDate,
                                as context: AccessContext) throws -> Patient {
        let given = try Validate.text(new.givenName, field: .givenName, max: 200)
        let family = try Validate.text(new.familyName, field: .familyName, max: 200)
        let address = try new.address.map {
            Address(street: try Validate.text($0.street, field: .street, max: 200, required: false),
                    postalCode: try Validate.text($0.postalCode, field: .postalCode, max: 10, required: false),
                    city: try Validate.text($0.city, field: .city, max: 100, required: false))
        }
        let phone = try new.phone.map { try Validate.text($0, field: .phone, max: 40, required: false) }
        return try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            guard subject.rights.contains(.writeIdentity) else { throw StoreError.accessDenied(.notForRole) }
            let ident = new.identifier
            guard try !exists(db, "SELECT 1 FROM patient WHERE ident = ?", [ident.value]) else {
                throw StoreError.duplicate("a patient with \(ident.display)")
            }
            try db.execute(sql: """
                INSERT INTO patient(ident, ident_short, ident_kind, given_name, family_name, search_name, sex,
                                    birth_date, street, postal_code, city, phone, protected)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [ident.value, String(ident.value.suffix(10)), ident.kind.rawValue, given, family,
                                 new.protectedIdentity ? "" : SearchFolding.fold(given + " " + family),
                                 ident.sex.rawValue, ident.birthDate?.iso, address?.street, address?.postalCode,
                                 address?.city, phone, new.protectedIdentity])
            let id = PatientID(rawValue: db.lastInsertedRowID)
            if let unit { try insertListing(db, patient: id, unit: unit, from: day) }
            try appendLog(db, context: context, patient: id, action: .write, detail: "register patient [new]")
            return Patient(id: id, identifier: ident, givenName: given, familyName: family, sex: ident.sex,
                           birthDate: ident.birthDate, address: address, phone: phone,
                           protectedIdentity: new.protectedIdentity)
        }
    }

    /// Listing at one's own unit is the patient's choice and needs no earlier
    /// relationship; moving a patient elsewhere does.
    public func setListing(_ patient: PatientID, unit: UnitID, from day: LocalDate, as context: AccessContext) throws {
        try write { db in
            let detail = "listing \(unit)"
            if unit == context.unitId {
                let subject = try AccessFacts.subject(db, context)
                guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
                guard subject.rights.contains(.writeIdentity) else { throw StoreError.accessDenied(.notForRole) }
                try Validate.patientExists(db, patient)
                try appendLog(db, context: context, patient: patient, action: .write, detail: detail + " [own unit]")
            } else {
                let grant = try checkWrite(db, context, patient: patient, category: .identity)
                try appendLog(db, context: context, entries: [(patient, Self.logged(detail, grant))], action: .write)
            }
            if let active = try Row.fetchOne(db, sql: """
                SELECT id, unit_id, from_date FROM listing WHERE patient_id = ? AND to_date IS NULL
                """, arguments: [patient.rawValue]) {
                if (active["unit_id"] as String) == unit.rawValue { return }
                guard let from = Decode.day(active, "from_date"), from <= day else {
                    throw StoreError.refused(.listingBeforeCurrent)
                }
                try db.execute(sql: "UPDATE listing SET to_date = ? WHERE id = ?",
                               arguments: [day.iso, active["id"] as Int64])
            }
            try insertListing(db, patient: patient, unit: unit, from: day)
            // The patient chooses the named GP by listing (HSL 7 kap 3 §): the one at the
            // unit left behind ends the day the new listing starts, saying where to.
            try db.execute(sql: """
                UPDATE care_contact SET to_date = max(from_date, ?), ended_by_listing = ?, version = version + 1,
                                        updated_at = ?, updated_by = ?
                WHERE patient_id = ? AND role = 'named_physician' AND to_date IS NULL AND unit_id <> ?
                """, arguments: [day.iso, unit.rawValue, seconds(clock.now), context.staffId.rawValue,
                                 patient.rawValue, unit.rawValue])
        }
    }

    private func insertListing(_ db: Database, patient: PatientID, unit: UnitID, from day: LocalDate) throws {
        guard try Validate.unit(db, unit).kind == .primaryCare else {
            throw StoreError.refused(.listingOnlyAtPrimaryCare)
        }
        try db.execute(sql: "INSERT INTO listing(patient_id, unit_id, from_date) VALUES (?, ?, ?)",
                       arguments: [patient.rawValue, unit.rawValue, day.iso])
    }

    public func addProblem(_ patient: PatientID, code: String, text: String, chronic: Bool, since: LocalDate?,
                           as context: AccessContext) throws -> Problem {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard Problem.isValidCode(code) else {
            throw StoreError.refused(.notICD10(code: code))
        }
        let text = try Validate.text(text, field: .diagnosisText, max: 200)
        return try writeThroughDoor(context, patient: patient, category: .clinical, detail: "problem \(code)") { db, _ in
            try db.execute(sql: """
                INSERT INTO problem(patient_id, code, text, chronic, since, unit_id) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, code, text, chronic, since?.iso, context.unitId.rawValue])
            return Problem(id: db.lastInsertedRowID, patientId: patient, code: code, text: text, chronic: chronic,
                           since: since, unitId: context.unitId)
        }
    }

    public func recordEncounter(_ new: NewEncounter, as context: AccessContext) throws -> Encounter {
        let reason = try Validate.text(new.reason, field: .reason, max: 500)
        guard Reason.isMeaningful(reason) else {
            throw StoreError.refused(.reasonSaysNothing(minimumLetters: Reason.minimumLetters))
        }
        guard new.at <= clock.now.addingTimeInterval(3600) else {
            throw StoreError.refused(.encounterInFuture)
        }
        guard new.unitId == context.unitId else {
            throw StoreError.refused(.encounterAtOwnUnit(context.unitId))
        }
        let onBehalf = new.staffId != context.staffId ? " for \(new.staffId)" : ""
        return try writeThroughDoor(context, patient: new.patientId, category: .clinical,
                                    detail: "encounter" + onBehalf) { db, _ in
            // The clinician who met the patient works at the unit and meets patients (a
            // visit of one who has since left may still be written down); the signed-in
            // user is the author, in a column of its own.
            let clinician = try Validate.staff(db, new.staffId, mustBeActive: false)
            guard clinician.unitId == context.unitId, clinician.isClinician else {
                throw StoreError.refused(.notClinicianAtUnit(name: clinician.name))
            }
            try db.execute(sql: """
                INSERT INTO encounter(patient_id, at, mode, planned, staff_id, unit_id, reason, author_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [new.patientId.rawValue, seconds(new.at), new.mode.rawValue, new.planned,
                                 new.staffId.rawValue, new.unitId.rawValue, reason, context.staffId.rawValue])
            return Encounter(id: db.lastInsertedRowID, patientId: new.patientId,
                             at: Date(timeIntervalSince1970: TimeInterval(seconds(new.at))), mode: new.mode,
                             planned: new.planned, staffId: new.staffId, unitId: new.unitId, reason: reason,
                             authorId: context.staffId)
        }
    }

    public func recordDischarge(_ patient: PatientID, unit: UnitID, admittedOn: LocalDate, dischargedOn: LocalDate,
                                as context: AccessContext) throws -> HospitalDischarge {
        guard admittedOn <= dischargedOn else { throw StoreError.refused(.dischargeBeforeAdmission) }
        return try writeThroughDoor(context, patient: patient, category: .clinical, detail: "discharge") { db, _ in
            _ = try Validate.unit(db, unit)
            try db.execute(sql: """
                INSERT INTO discharge(patient_id, unit_id, admitted_on, discharged_on) VALUES (?, ?, ?, ?)
                """, arguments: [patient.rawValue, unit.rawValue, admittedOn.iso, dischargedOn.iso])
            return HospitalDischarge(id: db.lastInsertedRowID, patientId: patient, unitId: unit,
                                     admittedOn: admittedOn, dischargedOn: dischargedOn)
        }
    }

    /// A log row naming no patient, for something that showed no patient information
    /// (an ignored remote command, a report without identities).
    public func logEvent(_ detail: String, action: AccessAction, as context: AccessContext) throws {
        try write { db in try appendLog(db, context: context, patient: nil, action: action, detail: detail) }
    }
}
