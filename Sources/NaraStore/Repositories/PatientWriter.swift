import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    public func registerPatient(_ new: NewPatient, listedAt unit: UnitID?, on day: LocalDate,
                                as context: AccessContext) throws -> Patient {
        let new = try PatientWriteRules.cleaned(new)
        return try write { db in
            try PatientWriteRules.checkRegistrar(try AccessFacts.subject(db, context))
            let ident = new.identifier
            guard try !exists(db, "SELECT 1 FROM patient WHERE ident = ?", [ident.value]) else {
                throw PatientWriteRules.duplicate(ident)
            }
            try db.execute(sql: """
                INSERT INTO patient(ident, ident_short, ident_kind, given_name, family_name, search_name, sex,
                                    birth_date, street, postal_code, city, phone, protected)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [ident.value, String(ident.value.suffix(10)), ident.kind.rawValue, new.givenName,
                                 new.familyName, PatientWriteRules.searchName(new), ident.sex.rawValue,
                                 ident.birthDate?.iso, new.address?.street, new.address?.postalCode, new.address?.city,
                                 new.phone, new.protectedIdentity])
            let id = PatientID(rawValue: db.lastInsertedRowID)
            if let unit { try insertListing(db, patient: id, unit: unit, from: day) }
            try appendLog(db, context: context, patient: id, action: .write, detail: PatientWriteRules.registerDetail)
            return PatientWriteRules.registered(new, id: id.rawValue)
        }
    }

    /// Listing at one's own unit is the patient's choice and needs no earlier
    /// relationship; moving a patient elsewhere does (`PatientWriteRules.listingDecision`).
    public func setListing(_ patient: PatientID, unit: UnitID, from day: LocalDate, as context: AccessContext) throws {
        try write { db in
            let logged = try PatientWriteRules.listingDecision(
                unit, context: context, subject: { try AccessFacts.subject(db, context) },
                patientExists: { try Validate.patientExists(db, patient) },
                elsewhere: { try checkWrite(db, context, patient: patient, category: .identity) })
            try appendLog(db, context: context, entries: [(patient, logged)], action: .write)
            if let active = try Row.fetchOne(db, sql: PatientWriteRules.activeListingPart.sql,
                                             arguments: ["patient": patient.rawValue]) {
                if PatientWriteRules.listedAlready(active, at: unit) { return }
                try PatientWriteRules.checkListingDay(active, day: day)
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
        try PatientWriteRules.checkListingUnit(try Validate.unit(db, unit))
        try db.execute(sql: "INSERT INTO listing(patient_id, unit_id, from_date) VALUES (?, ?, ?)",
                       arguments: [patient.rawValue, unit.rawValue, day.iso])
    }

    public func addProblem(_ patient: PatientID, code: String, text: String, chronic: Bool, since: LocalDate?,
                           as context: AccessContext) throws -> Problem {
        let code = try PatientWriteRules.problemCode(code)
        let text = try PatientWriteRules.problemText(text)
        return try writeThroughDoor(context, patient: patient, category: .clinical,
                                    detail: PatientWriteRules.problemDetail(code)) { db, _ in
            try db.execute(sql: """
                INSERT INTO problem(patient_id, code, text, chronic, since, unit_id) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, code, text, chronic, since?.iso, context.unitId.rawValue])
            return Problem(id: db.lastInsertedRowID, patientId: patient, code: code, text: text, chronic: chronic,
                           since: since, unitId: context.unitId)
        }
    }

    public func recordEncounter(_ new: NewEncounter, as context: AccessContext) throws -> Encounter {
        let reason = try PatientWriteRules.encounterReason(new, context: context, now: clock.now)
        return try writeThroughDoor(context, patient: new.patientId, category: .clinical,
                                    detail: PatientWriteRules.encounterDetail(new, context: context)) { db, _ in
            try PatientWriteRules.checkClinician(try Validate.staff(db, new.staffId, mustBeActive: false),
                                                 context: context)
            try db.execute(sql: """
                INSERT INTO encounter(patient_id, at, mode, planned, staff_id, unit_id, reason, author_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [new.patientId.rawValue, seconds(new.at), new.mode.rawValue, new.planned,
                                 new.staffId.rawValue, new.unitId.rawValue, reason, context.staffId.rawValue])
            return PatientWriteRules.encounter(new, id: db.lastInsertedRowID, reason: reason, author: context.staffId)
        }
    }

    public func recordDischarge(_ patient: PatientID, unit: UnitID, admittedOn: LocalDate, dischargedOn: LocalDate,
                                as context: AccessContext) throws -> HospitalDischarge {
        try PatientWriteRules.checkDischarge(admittedOn: admittedOn, dischargedOn: dischargedOn)
        return try writeThroughDoor(context, patient: patient, category: .clinical,
                                    detail: PatientWriteRules.dischargeDetail) { db, _ in
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
