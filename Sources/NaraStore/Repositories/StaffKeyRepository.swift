import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    public func addStaffKey(_ key: SSHPublicKey, for staff: StaffID) throws {
        try write { db in
            guard try exists(db, "SELECT 1 FROM staff WHERE id = ?", [staff.rawValue]) else {
                throw StoreError.notFound("staff member \(staff)")
            }
            if let owner = try owner(of: key, in: db) {
                throw StoreError.refused(.keyBelongsToOther(owner))
            }
            try db.execute(sql: """
                INSERT INTO staff_key(staff_id, key_type, key_data, comment, added_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [staff.rawValue, key.type, key.data, key.comment, seconds(clock.now)])
        }
    }

    /// Who holds the key already, if anyone: checked before a new person is added with it.
    public func staffKeyOwner(_ key: SSHPublicKey) throws -> StaffID? {
        try read { db in try owner(of: key, in: db) }
    }

    /// Compared by the decoded key, not the text: the same key re-encoded (an RSA
    /// exponent with a leading zero byte) or with another comment is still the same
    /// key to sshd, and would log one person in as another.
    private func owner(of key: SSHPublicKey, in db: Database) throws -> StaffID? {
        let identity = key.identity
        return try Row.fetchAll(db, sql: "SELECT staff_id, key_type, key_data FROM staff_key ORDER BY staff_id")
            .first { row in
                SSHPublicKey(trustedType: row["key_type"], data: row["key_data"], comment: nil).identity == identity
            }
            .map { StaffID(rawValue: $0["staff_id"]) }
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
