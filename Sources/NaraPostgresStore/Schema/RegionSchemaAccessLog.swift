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
        // The one way into the log. Takes the rows of one step as a JSON array of
        // objects (at_ms, staff_id, unit_id, patient_id, action, detail, client_address,
        // session_id, emergency, reason), so that a list's rows are one statement, and
        // under the transaction's advisory lock numbers them after the last row and
        // chains them: hex(sha256(prev_hash || E'\n' || canonical)), the canonical text
        // being `AccessLogChain.canonical` of the row as stored. The lock is held until
        // the transaction ends, so the append belongs last in a transaction. SECURITY
        // DEFINER: a role that may only execute this function can still append.
        """
        CREATE FUNCTION append_access_log(entries jsonb)
            RETURNS TABLE (log_id bigint, log_hash text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = nara, pg_catalog, pg_temp AS $$
        DECLARE
            entry jsonb;
            r access_log%ROWTYPE;
            previous text;
            last_id bigint;
        BEGIN
            IF jsonb_typeof(entries) IS DISTINCT FROM 'array' THEN
                RAISE EXCEPTION 'append_access_log takes a JSON array of rows' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            PERFORM pg_advisory_xact_lock(\(logChainLockKey));
            SELECT l.id, l.hash INTO last_id, previous FROM access_log l ORDER BY l.id DESC LIMIT 1;
            last_id := coalesce(last_id, 0);
            previous := coalesce(previous, repeat('0', 64));
            FOR entry IN SELECT e.value FROM jsonb_array_elements(entries) WITH ORDINALITY AS e(value, n) ORDER BY e.n
            LOOP
                last_id := last_id + 1;
                r.id := last_id;
                r.at_ms := (entry->>'at_ms')::bigint;
                r.staff_id := entry->>'staff_id';
                r.unit_id := entry->>'unit_id';
                r.patient_id := (entry->>'patient_id')::bigint;
                r.action := entry->>'action';
                r.detail := entry->>'detail';
                r.client_address := entry->>'client_address';
                r.session_id := entry->>'session_id';
                r.emergency := coalesce((entry->>'emergency')::boolean, false);
                r.reason := entry->>'reason';
                r.prev_hash := previous;
                r.hash := encode(sha256(convert_to(previous || E'\\n' || concat_ws(',',
                    log_field(r.id::text), log_field(r.at_ms::text), log_field(r.staff_id), log_field(r.unit_id),
                    log_field(r.patient_id::text), log_field(r.action), log_field(r.detail),
                    log_field(r.client_address), log_field(r.session_id),
                    log_field(CASE WHEN r.emergency THEN '1' ELSE '0' END), log_field(r.reason)), 'UTF8')), 'hex');
                INSERT INTO access_log VALUES (r.*);
                previous := r.hash;
                log_id := r.id;
                log_hash := r.hash;
                RETURN NEXT;
            END LOOP;
        END $$
        """,
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
