import GRDB
import NaraDomain

extension SQLiteStore: DirectoryStore {
    public func units() throws -> [CareUnit] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM care_unit ORDER BY name").map(Decode.unit) }
    }

    public func unit(_ id: UnitID) throws -> CareUnit? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM care_unit WHERE id = ?", arguments: [id.rawValue]).map(Decode.unit)
        }
    }

    public func staff(_ id: StaffID) throws -> Staff? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [id.rawValue]).map(Decode.staff)
        }
    }

    public func staff(ids: Set<StaffID>) throws -> [StaffID: Staff] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let staff = try RecordQuery.fetchByIds(db, table: "staff", ids: ids.map(\.rawValue)).map(Decode.staff)
            return Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    public func staffList(unit: UnitID?) throws -> [Staff] {
        try read { db in
            if let unit {
                return try Row.fetchAll(db, sql: "SELECT * FROM staff WHERE unit_id = ? ORDER BY name",
                                        arguments: [unit.rawValue]).map(Decode.staff)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY name").map(Decode.staff)
        }
    }

    public func addUnit(_ unit: CareUnit) throws {
        let name = CleanText.line(unit.name)
        guard !unit.id.rawValue.isEmpty, !name.isEmpty else { throw StoreError.invalid("a unit needs an id and a name") }
        try write { db in
            guard try !exists(db, "SELECT 1 FROM care_unit WHERE id = ?", [unit.id.rawValue]) else {
                throw StoreError.duplicate("unit \(unit.id)")
            }
            try db.execute(sql: "INSERT INTO care_unit(id, name, principal, kind) VALUES (?, ?, ?, ?)",
                           arguments: [unit.id.rawValue, name, unit.principal.rawValue, unit.kind.rawValue])
        }
    }

    public func addStaff(_ staff: Staff) throws {
        let name = CleanText.line(staff.name)
        guard StaffIDRules.isValid(staff.id) else {
            throw StoreError.invalid("staff id '\(staff.id)' must be 1–64 of a–z, 0–9, '.', '_' or '-'")
        }
        guard !name.isEmpty else { throw StoreError.invalid("a staff member needs a name") }
        try write { db in
            guard try exists(db, "SELECT 1 FROM care_unit WHERE id = ?", [staff.unitId.rawValue]) else {
                throw StoreError.notFound("unit \(staff.unitId)")
            }
            guard try !exists(db, "SELECT 1 FROM staff WHERE id = ?", [staff.id.rawValue]) else {
                throw StoreError.duplicate("staff member \(staff.id)")
            }
            try db.execute(sql: """
                INSERT INTO staff(id, name, profession, unit_id, roles, hsa_id, active) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [staff.id.rawValue, name, staff.profession.rawValue, staff.unitId.rawValue,
                                 staff.roles.map(\.rawValue).sorted().joined(separator: ","), staff.hsaId,
                                 staff.active])
        }
    }

    public func setStaffActive(_ id: StaffID, active: Bool) throws {
        try write { db in
            try db.execute(sql: "UPDATE staff SET active = ? WHERE id = ?", arguments: [active, id.rawValue])
            if db.changesCount == 0 { throw StoreError.notFound("staff member \(id)") }
        }
    }
}

func exists(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> Bool {
    try Row.fetchOne(db, sql: sql, arguments: arguments) != nil
}

/// Login names go into SSH forced commands and log rows: keep them to a safe alphabet.
public enum StaffIDRules {
    public static func isValid(_ id: StaffID) -> Bool {
        let s = id.rawValue
        return (1...64).contains(s.count) && s.allSatisfy { c in
            c.isASCII && (c.isLowercase || c.isASCIIDigitCharacter || c == "." || c == "_" || c == "-")
        }
    }
}
