import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    public func registerPatient(_ new: NewPatient, listedAt unit: UnitID?, on day: LocalDate,
                                as context: AccessContext) throws -> Patient {
        let given = try Validate.text(new.givenName, field: "given name", max: 200)
        let family = try Validate.text(new.familyName, field: "family name", max: 200)
        let address = try new.address.map {
            Address(street: try Validate.text($0.street, field: "street", max: 200, required: false),
                    postalCode: try Validate.text($0.postalCode, field: "postal code", max: 10, required: false),
                    city: try Validate.text($0.city, field: "city", max: 100, required: false))
        }
        let phone = try new.phone.map { try Validate.text($0, field: "phone", max: 40, required: false) }
        return try write { db in
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
            try appendLog(db, context: context, patient: id, action: .write, detail: "register patient")
            return Patient(id: id, identifier: ident, givenName: given, familyName: family, sex: ident.sex,
                           birthDate: ident.birthDate, address: address, phone: phone,
                           protectedIdentity: new.protectedIdentity)
        }
    }

    public func setListing(_ patient: PatientID, unit: UnitID, from day: LocalDate, as context: AccessContext) throws {
        try throughDoor(context, patient: patient, action: .write, detail: "listing \(unit)") { db in
            try Validate.patientExists(db, patient)
            if let active = try Row.fetchOne(db, sql: """
                SELECT id, unit_id, from_date FROM listing WHERE patient_id = ? AND to_date IS NULL
                """, arguments: [patient.rawValue]) {
                if (active["unit_id"] as String) == unit.rawValue { return }
                guard let from = Decode.day(active, "from_date"), from <= day else {
                    throw StoreError.invalid("the new listing cannot start before the current one")
                }
                try db.execute(sql: "UPDATE listing SET to_date = ? WHERE id = ?",
                               arguments: [day.iso, active["id"] as Int64])
            }
            try insertListing(db, patient: patient, unit: unit, from: day)
        }
    }

    private func insertListing(_ db: Database, patient: PatientID, unit: UnitID, from day: LocalDate) throws {
        guard try Validate.unit(db, unit).kind == .primaryCare else {
            throw StoreError.invalid("a patient can only be listed at a vårdcentral (primary care unit)")
        }
        try db.execute(sql: "INSERT INTO listing(patient_id, unit_id, from_date) VALUES (?, ?, ?)",
                       arguments: [patient.rawValue, unit.rawValue, day.iso])
    }

    public func addProblem(_ patient: PatientID, code: String, text: String, chronic: Bool, since: LocalDate?,
                           as context: AccessContext) throws -> Problem {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard Problem.isValidCode(code) else {
            throw StoreError.invalid("'\(code)' is not an ICD-10 code (a letter, two digits, e.g. E11.9)")
        }
        let text = try Validate.text(text, field: "diagnosis text", max: 200)
        return try throughDoor(context, patient: patient, action: .write, detail: "problem \(code)") { db in
            try Validate.patientExists(db, patient)
            try db.execute(sql: "INSERT INTO problem(patient_id, code, text, chronic, since) VALUES (?, ?, ?, ?, ?)",
                           arguments: [patient.rawValue, code, text, chronic, since?.iso])
            return Problem(id: db.lastInsertedRowID, patientId: patient, code: code, text: text, chronic: chronic,
                           since: since)
        }
    }

    public func recordEncounter(_ new: NewEncounter, as context: AccessContext) throws -> Encounter {
        let reason = try Validate.text(new.reason, field: "reason", max: 500)
        guard new.at <= clock.now.addingTimeInterval(3600) else {
            throw StoreError.invalid("an encounter cannot be registered in the future")
        }
        return try throughDoor(context, patient: new.patientId, action: .write, detail: "encounter") { db in
            try Validate.patientExists(db, new.patientId)
            _ = try Validate.staff(db, new.staffId, mustBeActive: false)
            _ = try Validate.unit(db, new.unitId)
            try db.execute(sql: """
                INSERT INTO encounter(patient_id, at, mode, planned, staff_id, unit_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [new.patientId.rawValue, seconds(new.at), new.mode.rawValue, new.planned,
                                 new.staffId.rawValue, new.unitId.rawValue, reason])
            return Encounter(id: db.lastInsertedRowID, patientId: new.patientId,
                             at: Date(timeIntervalSince1970: TimeInterval(seconds(new.at))), mode: new.mode,
                             planned: new.planned, staffId: new.staffId, unitId: new.unitId, reason: reason)
        }
    }

    public func recordDischarge(_ patient: PatientID, unit: UnitID, admittedOn: LocalDate, dischargedOn: LocalDate,
                                as context: AccessContext) throws -> HospitalDischarge {
        guard admittedOn <= dischargedOn else { throw StoreError.invalid("discharge before admission") }
        return try throughDoor(context, patient: patient, action: .write, detail: "discharge") { db in
            try Validate.patientExists(db, patient)
            _ = try Validate.unit(db, unit)
            try db.execute(sql: """
                INSERT INTO discharge(patient_id, unit_id, admitted_on, discharged_on) VALUES (?, ?, ?, ?)
                """, arguments: [patient.rawValue, unit.rawValue, admittedOn.iso, dischargedOn.iso])
            return HospitalDischarge(id: db.lastInsertedRowID, patientId: patient, unitId: unit,
                                     admittedOn: admittedOn, dischargedOn: dischargedOn)
        }
    }

    public func logAccess(_ patient: PatientID?, action: AccessAction, detail: String, as context: AccessContext) throws {
        try write { db in try appendLog(db, context: context, patient: patient, action: action, detail: detail) }
    }
}
