extension RegionSchema {
    /// The one way into the log, `nara.append_access_log(jsonb)`. Takes the rows of one
    /// step as a JSON array of objects (at_ms, staff_id, unit_id, patient_id, action,
    /// detail, client_address, session_id, emergency, reason), so that a list's rows are
    /// one statement, and under the transaction's advisory lock numbers them after the
    /// last row and chains them: hex(sha256(prev_hash || E'\n' || canonical)), the
    /// canonical text being `AccessLogChain.canonical` of the row as stored. The lock is
    /// held until the transaction ends, so the append belongs last in a transaction.
    /// SECURITY DEFINER: a role that may only execute this function can still append.
    ///
    /// Set-based but for the chain itself: the canonical texts in one query (where
    /// `log_field` is inlined), a loop of one hash per row, then one INSERT of every row.
    /// A loop that called `log_field` eleven times and inserted once per row cost about
    /// 95 µs a row, 16 ms for a queue of 168 patients; this costs about a third of that.
    static let appendFunction = """
        CREATE OR REPLACE FUNCTION append_access_log(entries jsonb)
            RETURNS TABLE (log_id bigint, log_hash text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = nara, pg_catalog, pg_temp AS $$
        DECLARE
            last_id bigint;
            first_previous text;
            previous text;
            canonical text[];
            hashes text[] := '{}';
        BEGIN
            IF jsonb_typeof(entries) IS DISTINCT FROM 'array' THEN
                RAISE EXCEPTION 'append_access_log takes a JSON array of rows' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            PERFORM pg_advisory_xact_lock(\(logChainLockKey));
            SELECT l.id, l.hash INTO last_id, previous FROM access_log l ORDER BY l.id DESC LIMIT 1;
            last_id := coalesce(last_id, 0);
            previous := coalesce(previous, repeat('0', 64));
            first_previous := previous;
            SELECT array_agg(concat_ws(',',
                       log_field((last_id + e.n)::text), log_field(e.at_ms::text), log_field(e.staff_id),
                       log_field(e.unit_id), log_field(e.patient_id::text), log_field(e.action), log_field(e.detail),
                       log_field(e.client_address), log_field(e.session_id),
                       log_field(CASE WHEN coalesce(e.emergency, false) THEN '1' ELSE '0' END), log_field(e.reason))
                   ORDER BY e.n)
              INTO canonical
              FROM \(appendEntries);
            FOR i IN 1..coalesce(array_length(canonical, 1), 0) LOOP
                previous := encode(sha256(convert_to(previous || E'\\n' || canonical[i], 'UTF8')), 'hex');
                hashes[i] := previous;
            END LOOP;
            RETURN QUERY
            WITH added AS (
                INSERT INTO access_log
                SELECT last_id + e.n, e.at_ms, e.staff_id, e.unit_id, e.patient_id, e.action, e.detail,
                       e.client_address, e.session_id, coalesce(e.emergency, false), e.reason,
                       CASE WHEN e.n = 1 THEN first_previous ELSE hashes[e.n - 1] END, hashes[e.n]
                  FROM \(appendEntries)
                 ORDER BY e.n
                RETURNING id, hash)
            SELECT a.id, a.hash FROM added a ORDER BY a.id;
        END $$
        """

    /// The entries as typed rows numbered from 1 in the array's order, as `e`.
    private static let appendEntries = """
        ROWS FROM (jsonb_to_recordset(entries) AS (at_ms bigint, staff_id text, unit_id text, patient_id bigint,
                       action text, detail text, client_address text, session_id text, emergency boolean,
                       reason text))
                   WITH ORDINALITY AS e(at_ms, staff_id, unit_id, patient_id, action, detail, client_address,
                                        session_id, emergency, reason, n)
        """
}

/// The set-based append (`RegionSchema.appendFunction`) over a database made before it.
enum RegionSchemaAccessLogAppend {
    static let identifier = "region-v10-access-log-append-set-based"
    static var statements: [String] { [RegionSchema.appendFunction] }
}
