import Foundation
import NaraDomain
import PostgresNIO

/// The SSH keys that say who a session is, as the SQLite store keeps them
/// (`SQLiteStore`'s StaffKeyRepository): the same refusals, in the same order, and
/// the same orderings of the lists.
extension PostgresStore: StaffKeyStore {
    static let keyColumns = "staff_id, key_type, key_data, comment, added_at"

    /// In one transaction: the staff member must exist, and no one may hold the key in
    /// any encoding (compared by the decoded key, see `staffKeyOwner`). The unique index
    /// on the key's text stops the same text added twice at the same moment.
    public func addStaffKey(_ key: SSHPublicKey, for staff: StaffID) throws {
        try client.transaction { session in
            let known = try session.query("SELECT 1 FROM nara.staff WHERE id = \(staff.rawValue)")
            guard !known.isEmpty else { throw StoreError.notFound("staff member \(staff)") }
            if let owner = try Self.owner(of: key, in: session) { throw StoreError.refused(.keyBelongsToOther(owner)) }
            try session.query("""
                INSERT INTO nara.staff_key(staff_id, key_type, key_data, comment, added_at)
                VALUES (\(staff.rawValue), \(key.type), \(key.data), \(key.comment),
                        \(Int64(Date().timeIntervalSince1970)))
                """)
        }
    }

    public func staffKeyOwner(_ key: SSHPublicKey) throws -> StaffID? {
        try client.withConnection { try Self.owner(of: key, in: $0) }
    }

    /// Compared by the decoded key, not the text: the same key re-encoded or with
    /// another comment is still the same key to sshd.
    static func owner(of key: SSHPublicKey, in session: PostgresClient.Session) throws -> StaffID? {
        let identity = key.identity
        for row in try session.query("SELECT staff_id, key_type, key_data FROM nara.staff_key ORDER BY staff_id") {
            let (staff, type, data) = try row.decode((String, String, String).self)
            if SSHPublicKey(trustedType: type, data: data, comment: nil).identity == identity { return StaffID(staff) }
        }
        return nil
    }

    public func staffKeys(staff: StaffID) throws -> [StaffKey] {
        try client.query("""
            SELECT \(unescaped: Self.keyColumns) FROM nara.staff_key WHERE staff_id = \(staff.rawValue)
             ORDER BY added_at, key_data
            """).map(Self.staffKey)
    }

    /// Keys of active staff only: a deactivated person must drop out of the keys file.
    public func allStaffKeys() throws -> [StaffKey] {
        try client.query("""
            SELECT k.staff_id, k.key_type, k.key_data, k.comment, k.added_at
              FROM nara.staff_key k JOIN nara.staff s ON s.id = k.staff_id
             WHERE s.active ORDER BY k.staff_id, k.added_at, k.key_data
            """).map(Self.staffKey)
    }

    public func staffKeyCounts() throws -> [StaffID: Int] {
        var counts: [StaffID: Int] = [:]
        for row in try client.query("SELECT staff_id, count(*) FROM nara.staff_key GROUP BY staff_id") {
            let (staff, count) = try row.decode((String, Int64).self)
            counts[StaffID(staff)] = Int(count)
        }
        return counts
    }

    static func staffKey(_ row: PostgresRow) throws -> StaffKey {
        let (staff, type, data, comment, addedAt) = try row.decode((String, String, String, String?, Int64).self)
        return StaffKey(staffId: StaffID(staff), key: SSHPublicKey(trustedType: type, data: data, comment: comment),
                        addedAt: Date(timeIntervalSince1970: TimeInterval(addedAt)))
    }
}
