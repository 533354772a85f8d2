import GRDB

/// What an exchange (FHIR import and export) needs to find records again: the resource
/// id and business identifier each record had in the file it came from, and the
/// identifiers of other systems a patient carries.
enum SchemaExchange {
    static let identifier = "exchange"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE exchange_link (
                kind TEXT NOT NULL CHECK (kind IN ('patient', 'contact', 'problem', 'encounter', 'discharge',
                                                   'referral', 'plan')),
                match_key TEXT NOT NULL CHECK (length(match_key) BETWEEN 1 AND 600),
                local_id INTEGER NOT NULL,
                resource_id TEXT NOT NULL CHECK (length(resource_id) BETWEEN 1 AND 64),
                identifier_system TEXT CHECK (identifier_system IS NULL OR length(identifier_system) <= 300),
                identifier_value TEXT CHECK (identifier_value IS NULL OR length(identifier_value) <= 300),
                PRIMARY KEY (kind, match_key)
            ) STRICT;
            CREATE INDEX exchange_link_by_local ON exchange_link(kind, local_id);
            CREATE INDEX exchange_link_by_resource ON exchange_link(kind, resource_id);
            CREATE TABLE patient_identifier (
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                system TEXT NOT NULL CHECK (length(system) BETWEEN 0 AND 300),
                value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 300),
                PRIMARY KEY (patient_id, system, value)
            ) STRICT;
            """)
    }
}
