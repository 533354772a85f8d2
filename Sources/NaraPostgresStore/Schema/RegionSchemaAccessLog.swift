extension RegionSchema {
    /// `pg_advisory_xact_lock` key of the log's chain: every append takes it, so appends
    /// follow one another and each row chains to the one before it.
    static let logChainLockKey: Int64 = 7_436_175_001

    /// The access log and its reviews: append-only, chained as `AccessLogChain` does.
    static let accessLog: [String] = [
        // Ids come from the append function, not a sequence: a sequence is not
        // transactional, and a rolled-back append would leave a gap the verifier
        // reports as a removed row. The id is part of the hash besides.
        """
        CREATE TABLE access_log (
            id bigint PRIMARY KEY CHECK (id >= 1),
            at_ms bigint NOT NULL,
            staff_id text COLLATE "C" NOT NULL CHECK (length(staff_id) BETWEEN 1 AND 64),
            unit_id text COLLATE "C" NOT NULL CHECK (length(unit_id) BETWEEN 1 AND 64),
            patient_id bigint,
            action text COLLATE "C" NOT NULL CHECK (action IN ('read', 'write', 'export', 'print')),
            detail text COLLATE "C" NOT NULL CHECK (length(detail) <= 500),
            client_address text COLLATE "C" CHECK (client_address IS NULL OR length(client_address) <= 100),
            session_id text COLLATE "C" NOT NULL CHECK (length(session_id) BETWEEN 1 AND 64),
            emergency boolean NOT NULL DEFAULT false,
            reason text COLLATE "C" CHECK (reason IS NULL OR length(reason) <= 1000),
            prev_hash text COLLATE "C" NOT NULL CHECK (length(prev_hash) = 64),
            hash text COLLATE "C" NOT NULL CHECK (length(hash) = 64)
        )
        """,
        "CREATE INDEX access_log_by_patient ON access_log(patient_id, at_ms)",
        "CREATE INDEX access_log_by_staff ON access_log(staff_id, at_ms)",
        "CREATE INDEX access_log_by_hash ON access_log(hash)",
        """
        CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'insufficient_privilege';
        END $$
        """,
        // Even the owner, and a superuser, is stopped by the triggers; the privileges
        // stop everyone else. Not even the owner keeps DELETE or TRUNCATE on the log (it
        // could grant them back, which is then a visible act); it keeps UPDATE only
        // because the foreign-key check of a review locks the log row it names, and
        // that lock needs it. The trigger refuses every UPDATE all the same.
        """
        CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
            FOR EACH ROW EXECUTE FUNCTION refuse_change('the access log is append-only')
        """,
        """
        CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the access log is append-only')
        """,
        "REVOKE ALL ON access_log FROM PUBLIC",
        "REVOKE DELETE, TRUNCATE ON access_log FROM CURRENT_USER",
        // One field of the canonical text: `<UTF-8 octets>:<text>`, NULL as `-`.
        """
        CREATE FUNCTION log_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE WHEN value IS NULL THEN '-'
                        ELSE octet_length(convert_to(value, 'UTF8'))::text || ':' || value END
        $$
        """,
        // The one way into the log (`appendFunction`).
        appendFunction,
        "REVOKE ALL ON FUNCTION append_access_log(jsonb) FROM PUBLIC",
        """
        CREATE TABLE access_review (
            log_id bigint PRIMARY KEY REFERENCES access_log(id),
            reviewed_at_ms bigint NOT NULL,
            reviewer text COLLATE "C" NOT NULL REFERENCES staff(id),
            comment text COLLATE "C" NOT NULL CHECK (length(comment) BETWEEN 1 AND 1000),
            verdict text COLLATE "C" NOT NULL CHECK (verdict IN ('ok', 'follow_up'))
        )
        """,
        """
        CREATE TRIGGER access_review_no_change BEFORE UPDATE OR DELETE ON access_review
            FOR EACH ROW EXECUTE FUNCTION refuse_change('a log review, once written, stands')
        """,
        """
        CREATE TRIGGER access_review_no_truncate BEFORE TRUNCATE ON access_review
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('a log review, once written, stands')
        """,
        "REVOKE ALL ON access_review FROM PUBLIC",
        "REVOKE UPDATE, DELETE, TRUNCATE ON access_review FROM CURRENT_USER",
    ]
}
