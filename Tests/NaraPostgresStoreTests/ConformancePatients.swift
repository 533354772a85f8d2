import Foundation
import GRDB
import NaraDomain
import NaraPostgresStore
import PostgresNIO
@testable import NaraStore

/// A patient as the conformance suites put one into a store. Neither store has yet a
/// way to register patients that both share (registration is not among PostgreSQL's
/// writes through its door yet), so the rows
/// are written with each backend's SQL, the same columns and values in both, the
/// search text folded in Swift as the SQLite store's registration folds it.
struct TestPatient {
    var identifier: String
    var given: String
    var family: String
    var protected = false
    var listedAt: UnitID?

    /// Day the listing starts, and the care contact's first day.
    static let from = "2020-01-01"
}

extension BackendStore {
    /// Inserts `patients` in order; returns their ids.
    @discardableResult
    func insert(_ patients: [TestPatient]) throws -> [PatientID] {
        try patients.map(insert)
    }

    @discardableResult
    func insert(_ patient: TestPatient) throws -> PatientID {
        let ident = try PersonIdentifier.parse(patient.identifier, today: LocalDate(year: 2026, month: 11, day: 23)!)
        let search = patient.protected ? "" : SearchFolding.fold(patient.given + " " + patient.family)
        let values: [String?] = [ident.value, String(ident.value.suffix(10)), ident.kind.rawValue, patient.given,
                                 patient.family, search, ident.sex.rawValue, ident.birthDate?.iso]
        let columns = "ident, ident_short, ident_kind, given_name, family_name, search_name, sex, birth_date, protected"
        switch (store as? SQLiteStore, store as? PostgresStore) {
        case (let sqlite?, _):
            return try sqlite.write { db in
                try db.execute(sql: "INSERT INTO patient(\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: StatementArguments(values) + [patient.protected])
                let id = db.lastInsertedRowID
                if let unit = patient.listedAt {
                    try db.execute(sql: "INSERT INTO listing(patient_id, unit_id, from_date) VALUES (?, ?, ?)",
                                   arguments: [id, unit.rawValue, TestPatient.from])
                }
                return PatientID(rawValue: id)
            }
        case (_, let postgres?):
            var binds = PostgresBindings()
            for value in values { binds.append(value) }
            binds.append(patient.protected)
            let row = try postgres.client.query(PostgresQuery(unsafeSQL: """
                INSERT INTO nara.patient(\(columns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
                """, binds: binds))
            let id = PatientID(rawValue: try row[0].decode(Int64.self))
            if let unit = patient.listedAt {
                try postgres.client.query("""
                    INSERT INTO nara.listing(patient_id, unit_id, from_date)
                    VALUES (\(id.rawValue), \(unit.rawValue), \(TestPatient.from))
                    """)
            }
            return id
        default:
            fatalError("a store of an unknown kind")
        }
    }

    /// Makes `staff` the patient's care contact at `unit` (what a summary names).
    func insertCareContact(_ patient: PatientID, staff: StaffID, unit: UnitID) throws {
        switch (store as? SQLiteStore, store as? PostgresStore) {
        case (let sqlite?, _):
            try sqlite.write { db in
                try db.execute(sql: """
                    INSERT INTO care_contact(patient_id, role, staff_id, unit_id, reason, from_date)
                    VALUES (?, 'care_contact', ?, ?, 'Samordning', ?)
                    """, arguments: [patient.rawValue, staff.rawValue, unit.rawValue, TestPatient.from])
            }
        case (_, let postgres?):
            try postgres.client.query("""
                INSERT INTO nara.care_contact(patient_id, role, staff_id, unit_id, reason, from_date)
                VALUES (\(patient.rawValue), 'care_contact', \(staff.rawValue), \(unit.rawValue), 'Samordning',
                        \(TestPatient.from))
                """)
        default:
            fatalError("a store of an unknown kind")
        }
    }

    /// How many rows the access log holds.
    func logCount() throws -> Int {
        switch (store as? SQLiteStore, store as? PostgresStore) {
        case (let sqlite?, _):
            return try sqlite.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM access_log") ?? 0 }
        case (_, let postgres?):
            return Int(try postgres.client.query("SELECT count(*) FROM nara.access_log")[0].decode(Int64.self))
        default:
            fatalError("a store of an unknown kind")
        }
    }
}
