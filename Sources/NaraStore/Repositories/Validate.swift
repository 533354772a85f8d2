import Foundation
import GRDB
import NaraDomain

/// Checks shared by the writers. Text is cleaned of control and bidi characters on the
/// way in (TERMINAL.md); limits match the schema's CHECK constraints, so a user gets a
/// sentence instead of "CHECK constraint failed".
package enum Validate {
    package static func text(_ value: String, field: Refusal.Field, max: Int, required: Bool = true,
                     multiline: Bool = false) throws -> String {
        let cleaned = multiline
            ? CleanText.clean(value, allowNewlines: true).trimmingCharacters(in: .whitespacesAndNewlines)
            : CleanText.line(value)
        if required && cleaned.isEmpty { throw StoreError.refused(.required(field)) }
        if cleaned.count > max { throw StoreError.refused(.tooLong(field, max: max)) }
        return cleaned
    }

    static func unit(_ db: Database, _ id: UnitID) throws -> CareUnit {
        try unit(Row.fetchOne(db, sql: "SELECT * FROM care_unit WHERE id = ?", arguments: [id.rawValue]), id)
    }

    /// The unit `id` from its row, read by the caller; refused when there is none.
    package static func unit(_ row: Row?, _ id: UnitID) throws -> CareUnit {
        guard let row else { throw StoreError.notFound("unit \(id)") }
        return Decode.unit(row)
    }

    static func staff(_ db: Database, _ id: StaffID, mustBeActive: Bool = true) throws -> Staff {
        try staff(Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [id.rawValue]), id,
                  mustBeActive: mustBeActive)
    }

    /// The user `id` from their row, read by the caller; refused when there is none or,
    /// unless `mustBeActive` is false, when they have left.
    package static func staff(_ row: Row?, _ id: StaffID, mustBeActive: Bool = true) throws -> Staff {
        guard let row else { throw StoreError.unknownStaff(id) }
        let staff = Decode.staff(row)
        if mustBeActive && !staff.active { throw StoreError.inactiveStaff(id) }
        return staff
    }

    static func patientExists(_ db: Database, _ id: PatientID) throws {
        try patientExists(exists(db, "SELECT 1 FROM patient WHERE id = ?", [id.rawValue]), id)
    }

    /// Refuses a patient the caller found no row of.
    package static func patientExists(_ found: Bool, _ id: PatientID) throws {
        guard found else { throw StoreError.notFound("patient \(id)") }
    }

    /// Refuses a save based on an old read, naming who changed the row and when.
    static func version(_ db: Database, table: String, id: RecordID, expected: Int) throws {
        try version(Row.fetchOne(db, sql: "SELECT version, updated_at, updated_by FROM \(table) WHERE id = ?",
                                 arguments: [id]), table: table, id: id, expected: expected)
    }

    /// `version(_:table:id:expected:)` on the row (with `version`, `updated_at` and
    /// `updated_by`) the caller read; refused as not found when there is none.
    package static func version(_ row: Row?, table: String, id: RecordID, expected: Int) throws {
        guard let row else { throw StoreError.notFound("\(table.replacingOccurrences(of: "_", with: " ")) \(id)") }
        if (row["version"] as Int) != expected { throw conflict(row) }
    }

    /// The refusal of a save based on an old read, from the row as it is now.
    package static func conflict(_ row: Row) -> StoreError {
        StoreError.conflict(changedBy: StaffID(rawValue: (row["updated_by"] as String?) ?? "?"),
                            at: Date(timeIntervalSince1970: TimeInterval(row["updated_at"] as Int64)))
    }
}
