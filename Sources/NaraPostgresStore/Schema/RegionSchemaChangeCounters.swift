import NaraDomain

/// The triggers that bump `change_counter` (made in `region-v1`), as the SQLite store's
/// do: the same tables, the same counters, from the same rules (`ChangeCounterRules`).
/// Each watched table gets one PL/pgSQL function and one row trigger `change_counters`
/// after INSERT, UPDATE and DELETE; the function runs one upsert for the row.
///
/// Concurrent writers lose no bump: `INSERT … ON CONFLICT DO UPDATE` either inserts the
/// scope's row or, when another transaction has it, waits for that one's row lock and
/// adds one to the committed count. The scopes of one row are bumped in sorted order, so
/// two writers that touch the same units take their row locks in the same order and do
/// not deadlock within one statement. A unit's counter row is held from the bump to the
/// commit: writes about one unit's patients commit one after another, as they do in the
/// file store, where one writer writes at a time.
enum RegionSchemaChangeCounters {
    static let identifier = "region-v2-change-counters"

    /// The name of every table's trigger (names are per table in PostgreSQL).
    static let triggerName = "change_counters"

    static var statements: [String] {
        ChangeCounterRules.watched.flatMap { [function($0), trigger($0)] }
    }

    static func functionName(_ table: ChangeCounterRules.Watched) -> String { "change_\(table.table)" }

    private static func function(_ table: ChangeCounterRules.Watched) -> String {
        """
        CREATE FUNCTION \(functionName(table))() RETURNS trigger LANGUAGE plpgsql
            SET search_path = nara, pg_catalog, pg_temp AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                \(bump(table, row: "NEW"));
            ELSIF TG_OP = 'UPDATE' THEN
                \(bump(table, row: "NEW", oldRow: "OLD"));
            ELSE
                \(bump(table, row: "OLD"));
            END IF;
            RETURN NULL;
        END $$
        """
    }

    private static func trigger(_ table: ChangeCounterRules.Watched) -> String {
        """
        CREATE TRIGGER \(triggerName) AFTER INSERT OR UPDATE OR DELETE ON \(table.table)
            FOR EACH ROW EXECUTE FUNCTION \(functionName(table))()
        """
    }

    /// Every scope the row touches, bumped once (the `UNION` leaves each scope once, as
    /// one upsert may not change a row twice).
    private static func bump(_ table: ChangeCounterRules.Watched, row: String, oldRow: String? = nil) -> String {
        """
        INSERT INTO change_counter AS c (scope, version)
                SELECT scope, 1 FROM (\(ChangeCounterRules.scopes(table, row: row, oldRow: oldRow))) AS s
                 WHERE scope IS NOT NULL ORDER BY scope
                ON CONFLICT (scope) DO UPDATE SET version = c.version + 1
        """
    }

    /// Turns the triggers off (or on again) for the rest of the transaction's work: a bulk
    /// load into an empty store (`nara copy`) that nobody watches yet, where every row
    /// would otherwise bump the same few counters again and again. Needs the tables' owner.
    static func setEnabled(_ enabled: Bool) -> [String] {
        ChangeCounterRules.watched.map {
            "ALTER TABLE nara.\($0.table) \(enabled ? "ENABLE" : "DISABLE") TRIGGER \(triggerName)"
        }
    }
}
