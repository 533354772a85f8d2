import GRDB

/// Access by law (DOMAIN.md, "Access and logging"): care providers, consent, blocks as
/// the national model has them, where each diagnosis was documented, who registered
/// each encounter, and the consent a coordinated plan needs.
enum SchemaAccess {
    static let identifier = "access-by-law"

    /// A unit's provider is the organisation part of its HSA-id: `SE2321000164-vc01`
    /// belongs to `SE2321000164`. The same rule as `ProviderID.derived(from:)`.
    static let derivedProvider = "CASE WHEN instr(%@, '-') > 1 THEN substr(%@, 1, instr(%@, '-') - 1) ELSE %@ END"

    static func derived(_ column: String) -> String {
        derivedProvider.replacingOccurrences(of: "%@", with: column)
    }

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE care_provider (
                id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                principal TEXT NOT NULL CHECK (principal IN ('region', 'municipality', 'private'))
            ) STRICT;
            ALTER TABLE care_unit ADD COLUMN provider_id TEXT REFERENCES care_provider(id);
            INSERT INTO care_provider(id, name, principal)
                SELECT \(derived("id")),
                       CASE min(principal) WHEN 'region' THEN 'Region ' || \(derived("min(id)"))
                                           WHEN 'municipality' THEN 'Kommun ' || \(derived("min(id)"))
                                           ELSE min(name) END,
                       min(principal)
                FROM care_unit GROUP BY \(derived("id"));
            UPDATE care_unit SET provider_id = \(derived("id"));
            CREATE INDEX care_unit_by_provider ON care_unit(provider_id);
            """)
        // Every way a unit comes in (a command, an import, the demo) gets its provider
        // by the same rule when it names none.
        try db.execute(sql: """
            CREATE TRIGGER care_unit_provider AFTER INSERT ON care_unit WHEN new.provider_id IS NULL BEGIN
                INSERT OR IGNORE INTO care_provider(id, name, principal)
                    VALUES (\(derived("new.id")),
                            CASE new.principal WHEN 'private' THEN new.name
                                 WHEN 'region' THEN 'Region ' || \(derived("new.id"))
                                 ELSE 'Kommun ' || \(derived("new.id")) END,
                            new.principal);
                UPDATE care_unit SET provider_id = \(derived("new.id")) WHERE id = new.id;
            END
            """)
        // Where a diagnosis was documented decides who may see it; diagnoses from before
        // are taken to be the listing unit's, where primary care keeps the problem list.
        try db.execute(sql: """
            ALTER TABLE problem ADD COLUMN unit_id TEXT REFERENCES care_unit(id);
            UPDATE problem SET unit_id = (SELECT l.unit_id FROM listing l WHERE l.patient_id = problem.patient_id
                                          ORDER BY l.to_date IS NOT NULL, l.from_date DESC LIMIT 1);
            ALTER TABLE encounter ADD COLUMN author_id TEXT CHECK (author_id IS NULL OR length(author_id) BETWEEN 1 AND 64);
            ALTER TABLE coordinated_plan ADD COLUMN consent_on TEXT
                CHECK (consent_on IS NULL OR length(consent_on) = 10);
            """)
        try db.execute(sql: """
            CREATE TABLE consent (
                id INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                grantee_provider_id TEXT NOT NULL REFERENCES care_provider(id),
                source_provider_id TEXT REFERENCES care_provider(id),
                from_date TEXT NOT NULL CHECK (length(from_date) = 10),
                until_date TEXT CHECK (until_date IS NULL OR (length(until_date) = 10 AND until_date >= from_date)),
                recorded_by TEXT NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 64),
                recorded_at INTEGER NOT NULL,
                revoked_at INTEGER,
                revoked_by TEXT CHECK (revoked_by IS NULL OR length(revoked_by) BETWEEN 1 AND 64),
                CHECK (source_provider_id IS NULL OR source_provider_id <> grantee_provider_id)
            ) STRICT;
            CREATE INDEX consent_by_patient ON consent(patient_id);
            CREATE TABLE information_block (
                id INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patient(id),
                unit_id TEXT REFERENCES care_unit(id),
                provider_id TEXT REFERENCES care_provider(id),
                from_date TEXT NOT NULL CHECK (length(from_date) = 10),
                to_date TEXT CHECK (to_date IS NULL OR (length(to_date) = 10 AND to_date >= from_date)),
                reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
                created_by TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                lifted_by TEXT,
                CHECK ((unit_id IS NULL) <> (provider_id IS NULL))
            ) STRICT;
            CREATE INDEX information_block_by_patient ON information_block(patient_id);
            CREATE UNIQUE INDEX information_block_one_active
                ON information_block(patient_id, coalesce(unit_id, ''), coalesce(provider_id, '')) WHERE to_date IS NULL;
            CREATE TABLE block_opening (
                id INTEGER PRIMARY KEY,
                block_id INTEGER NOT NULL REFERENCES information_block(id),
                for_staff TEXT REFERENCES staff(id),
                for_unit TEXT REFERENCES care_unit(id),
                from_ms INTEGER NOT NULL,
                until_ms INTEGER NOT NULL CHECK (until_ms > from_ms AND until_ms - from_ms <= 7 * 86400000),
                basis TEXT NOT NULL CHECK (basis IN ('consent', 'emergency')),
                reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
                created_by TEXT NOT NULL,
                CHECK ((for_staff IS NULL) <> (for_unit IS NULL))
            ) STRICT;
            CREATE INDEX block_opening_by_block ON block_opening(block_id);
            """)
        // The earlier blocks barred a *viewing* unit, which the national model does not
        // know; they end at the upgrade and `nara check` lists them, so that each
        // patient's wish can be registered again as a block on what a unit documented.
        try db.execute(sql: """
            INSERT OR REPLACE INTO store_meta(key, value)
                SELECT 'legacy_blocks_ended', count(*) || ' ' || date('now') FROM unit_block WHERE to_date IS NULL;
            UPDATE unit_block SET to_date = max(from_date, date('now')) WHERE to_date IS NULL;
            """)
    }
}
