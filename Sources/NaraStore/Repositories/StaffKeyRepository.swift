import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    public func addStaffKey(_ key: SSHPublicKey, for staff: StaffID) throws {
        try write { db in
            guard try exists(db, "SELECT 1 FROM staff WHERE id = ?", [staff.rawValue]) else {
                throw StoreError.notFound("staff member \(staff)")
            }
            if let owner = try String.fetchOne(db, sql: "SELECT staff_id FROM staff_key WHERE key_data = ?",
                                               arguments: [key.data]) {
                throw StoreError.invalid("this key is already on file for \(owner)")
            }
            try db.execute(sql: """
                INSERT INTO staff_key(staff_id, key_type, key_data, comment, added_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [staff.rawValue, key.type, key.data, key.comment, seconds(clock.now)])
        }
    }

    /// Who holds the key already, if anyone: checked before a new person is added with it.
    public func staffKeyOwner(_ key: SSHPublicKey) throws -> StaffID? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT staff_id FROM staff_key WHERE key_data = ?", arguments: [key.data])
                .map { StaffID(rawValue: $0) }
        }
    }

    public func staffKeys(staff: StaffID) throws -> [StaffKey] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM staff_key WHERE staff_id = ? ORDER BY added_at, key_data",
                             arguments: [staff.rawValue]).map(decodeKey)
        }
    }

    /// Keys of active staff only: a deactivated person must drop out of the keys file.
    public func allStaffKeys() throws -> [StaffKey] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.* FROM staff_key k JOIN staff s ON s.id = k.staff_id
                WHERE s.active = 1 ORDER BY k.staff_id, k.added_at, k.key_data
                """).map(decodeKey)
        }
    }

    /// Number of keys per staff member, for listings.
    public func staffKeyCounts() throws -> [StaffID: Int] {
        try read { db in
            var counts: [StaffID: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT staff_id, count(*) AS n FROM staff_key GROUP BY staff_id") {
                counts[StaffID(rawValue: row["staff_id"])] = row["n"]
            }
            return counts
        }
    }

    private func decodeKey(_ row: Row) -> StaffKey {
        StaffKey(staffId: StaffID(rawValue: row["staff_id"]),
                 key: SSHPublicKey(trustedType: row["key_type"], data: row["key_data"], comment: row["comment"]),
                 addedAt: Date(timeIntervalSince1970: TimeInterval(row["added_at"] as Int64)))
    }
}
