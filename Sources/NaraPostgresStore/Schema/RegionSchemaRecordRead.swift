/// Opening a record as one server-side function, `nara.record_read`, whose body is the
/// statement `PostgresRecordSQL.read` makes of the SQLite store's parts. Sent as a
/// statement of its own, that read was planned again at every open (2.5 ms of its
/// 3.4 ms on the server); inside a function, PL/pgSQL keeps the plan for the
/// connection's life, and PgBouncer's transaction pooling keeps server connections
/// alive, so it is planned once per connection.
///
/// The body is the read as this version makes it. When the parts change, the function
/// must be replaced by a migration of its own; `PostgresRecordTests` fails until it is.
enum RegionSchemaRecordRead {
    static let identifier = "region-v3-record-read"

    static var statements: [String] { [function] }

    /// `$1` the patient, `$2` the unit worked at, `$3` the staff member, `$4` today
    /// (ISO), `$5` now in milliseconds: `PostgresRecordSQL.argumentNames`' order.
    static var function: String {
        """
        CREATE OR REPLACE FUNCTION nara.record_read(bigint, text, text, text, bigint)
            RETURNS TABLE (part text, rows text) LANGUAGE plpgsql STABLE
            SET search_path = nara, pg_catalog, pg_temp AS $body$
        #variable_conflict use_column
        BEGIN
        RETURN QUERY
        \(PostgresRecordSQL.read);
        END $body$
        """
    }

    /// What a caller sends: one statement, with the arguments in the same order.
    static let call = "SELECT part, rows FROM nara.record_read($1, $2, $3, $4, $5)"
}
