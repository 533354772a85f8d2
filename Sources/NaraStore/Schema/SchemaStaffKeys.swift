import GRDB

/// SSH public keys of staff, from which the service account's keys file is generated.
/// A key belongs to one person only: `sshd` takes the first line that matches, so the
/// same key under two people would log one of them in as the other.
enum SchemaStaffKeys {
    static let identifier = "staff-keys"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE staff_key (
                staff_id TEXT NOT NULL REFERENCES staff(id),
                key_type TEXT NOT NULL CHECK (key_type IN ('ssh-ed25519', 'ssh-rsa', 'ecdsa-sha2-nistp256',
                    'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'sk-ssh-ed25519@openssh.com',
                    'sk-ecdsa-sha2-nistp256@openssh.com')),
                key_data TEXT NOT NULL CHECK (length(key_data) BETWEEN 16 AND 8192
                    AND key_data NOT GLOB '*[^A-Za-z0-9+/=]*'),
                comment TEXT CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 200),
                added_at INTEGER NOT NULL CHECK (added_at >= 0),
                PRIMARY KEY (staff_id, key_data)
            ) STRICT
            """)
        try db.execute(sql: "CREATE UNIQUE INDEX staff_key_by_data ON staff_key(key_data)")
    }
}
