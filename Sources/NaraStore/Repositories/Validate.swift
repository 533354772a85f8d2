import Foundation
import GRDB
import NaraDomain

/// Checks shared by the writers. Text is cleaned of control and bidi characters on the
/// way in (TERMINAL.md); limits match the schema's CHECK constraints, so a user gets a
/// sentence instead of "CHECK constraint failed".
enum Validate {
    static func text(_ value: String, field: Refusal.Field, max: Int, required: Bool = true,
                     multiline: Bool = false) throws -> String {
        let cleaned = multiline
            ? CleanText.clean(value, allowNewlines: true).trimmingCharacters(in: .whitespacesAndNewlines)
            : CleanText.line(value)
        if required && cleaned.isEmpty { throw StoreError.refused(.required(field)) }
        if cleaned.count > max { throw StoreError.refused(.tooLong(field, max: max)) }
        return cleaned
    }

    static func unit(_ db: Database, _ id: UnitID) throws -> CareUnit {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM care_unit WHERE id = ?", arguments: [id.rawValue]) else {
            throw StoreError.notFound("unit \(id)")
        }
        return Decode.unit(row)
    }

    static func staff(_ db: Database, _ id: StaffID, mustBeActive: Bool = true) throws -> Staff {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [id.rawValue]) else {
            throw StoreError.unknownStaff(id)
        }
        let staff = Decode.staff(row)
        if mustBeActive && !staff.active { throw StoreError.inactiveStaff(id) }
        return staff
    }

    static func patientExists(_ db: Database, _ id: PatientID) throws {
        guard try exists(db, "SELECT 1 FROM patient WHERE id = ?", [id.rawValue]) else {
            throw StoreError.notFound("patient \(id)")
        }
    }

    /// Refuses a save based on an old read, naming who changed the row and when.
    static func version(_ db: Database, table: String, id: RecordID, expected: Int) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT version, updated_at, updated_by FROM \(table) WHERE id = ?",
                                         arguments: [id]) else {
            throw StoreError.notFound("\(table.replacingOccurrences(of: "_", with: " ")) \(id)")
        }
        if (row["version"] as Int) != expected {
            throw StoreError.conflict(changedBy: StaffID(rawValue: (row["updated_by"] as String?) ?? "?"),
                                      at: Date(timeIntervalSince1970: TimeInterval(row["updated_at"] as Int64)))
        }
    }
}
