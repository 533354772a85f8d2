extension RegionSchema {
    /// Units, providers, staff and their SSH keys; the store's own key/value settings.
    static let directory: [String] = [
        """
        CREATE TABLE store_meta (
            key text COLLATE "C" PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
            value text COLLATE "C" NOT NULL CHECK (length(value) <= 1000)
        )
        """,
        """
        CREATE TABLE care_provider (
            id text COLLATE "C" PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
            name text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            principal text COLLATE "C" NOT NULL CHECK (principal IN ('region', 'municipality', 'private'))
        )
        """,
        """
        CREATE TABLE care_unit (
            id text COLLATE "C" PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
            name text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            principal text COLLATE "C" NOT NULL CHECK (principal IN ('region', 'municipality', 'private')),
            kind text COLLATE "C" NOT NULL CHECK (kind IN ('primary_care', 'specialist', 'hospital', 'home_care',
                                                           'social_services', 'other')),
            provider_id text COLLATE "C" REFERENCES care_provider(id)
        )
        """,
        "CREATE INDEX care_unit_by_provider ON care_unit(provider_id)",
        // A unit added without a provider gets the one its HSA-id names (the part
        // before the first dash), made on first use: as SQLite's trigger does, before
        // the row is written rather than after, which PostgreSQL allows.
        """
        CREATE FUNCTION care_unit_provider() RETURNS trigger LANGUAGE plpgsql
            SET search_path = nara, pg_catalog, pg_temp AS $$
        DECLARE
            provider text COLLATE "C" := CASE WHEN strpos(NEW.id, '-') > 1
                THEN substr(NEW.id, 1, strpos(NEW.id, '-') - 1) ELSE NEW.id END;
        BEGIN
            INSERT INTO care_provider(id, name, principal)
                VALUES (provider,
                        CASE NEW.principal WHEN 'private' THEN NEW.name
                             WHEN 'region' THEN 'Region ' || provider ELSE 'Kommun ' || provider END,
                        NEW.principal)
                ON CONFLICT (id) DO NOTHING;
            NEW.provider_id := provider;
            RETURN NEW;
        END $$
        """,
        """
        CREATE TRIGGER care_unit_provider BEFORE INSERT ON care_unit
            FOR EACH ROW WHEN (NEW.provider_id IS NULL) EXECUTE FUNCTION care_unit_provider()
        """,
        """
        CREATE TABLE staff (
            id text COLLATE "C" PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
            name text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            profession text COLLATE "C" NOT NULL CHECK (profession IN ('physician', 'nurse', 'district_nurse',
                'assistant_nurse', 'physiotherapist', 'occupational_therapist', 'psychologist',
                'counsellor', 'dietitian', 'coordinator', 'secretary', 'other')),
            unit_id text COLLATE "C" NOT NULL REFERENCES care_unit(id),
            roles text COLLATE "C" NOT NULL DEFAULT '' CHECK (length(roles) <= 200),
            hsa_id text COLLATE "C" CHECK (hsa_id IS NULL OR length(hsa_id) BETWEEN 1 AND 64),
            active boolean NOT NULL DEFAULT true
        )
        """,
        "CREATE INDEX staff_by_unit ON staff(unit_id)",
        """
        CREATE TABLE staff_key (
            staff_id text COLLATE "C" NOT NULL REFERENCES staff(id),
            key_type text COLLATE "C" NOT NULL CHECK (key_type IN ('ssh-ed25519', 'ssh-rsa', 'ecdsa-sha2-nistp256',
                'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'sk-ssh-ed25519@openssh.com',
                'sk-ecdsa-sha2-nistp256@openssh.com')),
            key_data text COLLATE "C" NOT NULL CHECK (length(key_data) BETWEEN 16 AND 8192
                AND key_data !~ '[^A-Za-z0-9+/=]'),
            comment text COLLATE "C" CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 200),
            added_at bigint NOT NULL CHECK (added_at >= 0),
            PRIMARY KEY (staff_id, key_data)
        )
        """,
        "CREATE UNIQUE INDEX staff_key_by_data ON staff_key(key_data)",
    ]
}
