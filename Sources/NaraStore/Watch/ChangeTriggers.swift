import GRDB

/// Which change counters a write to each table bumps. In triggers, not in the writing
/// code, so that no write path (a repository, an import, a command, a later table's
/// code) can forget one: a session that missed a bump would show a stale record.
///
/// A change about a patient bumps the patient's counter, the units the row itself names
/// (a referral's sender and receiver, a task's writer and addressee) and the units whose
/// lists show the patient (`shownAt`), so their work lists, queues and Min dag learn of
/// it. A directory change bumps the unit it is about.
///
/// A table's trigger only names the patient and units into `change_touch`; the one
/// trigger on that table finds the units that show the patient and bumps everything in
/// one UPSERT, then deletes the row, so `change_touch` is empty between statements.
/// Every connection parses every trigger when it opens: with the whole rule in each of
/// the 90 triggers, that was 0.95 MB of parsed schema per connection and 3.8 MB per
/// session; said once, it is a tenth of that.
enum ChangeTriggers {
    /// A table whose rows a screen shows. `patient` is the SQL naming the row's patient,
    /// `units` the units the row itself names, each the rest of a `SELECT 'unit/' || …`;
    /// `ROW.` stands for the trigger's `new.` or `old.`.
    struct Watched {
        let table: String
        let patient: String?
        let units: [String]

        init(_ table: String, patient: String? = "ROW.patient_id", units: [String] = ["ROW.unit_id"]) {
            self.table = table
            self.patient = patient
            self.units = units
        }
    }

    private static func staffUnit(_ column: String) -> String { "unit_id FROM staff WHERE id = ROW.\(column)" }
    private static let referralPatient = "(SELECT patient_id FROM referral WHERE id = ROW.referral_id)"
    private static let planPatient = "(SELECT patient_id FROM coordinated_plan WHERE id = ROW.plan_id)"
    private static let planUnit = "responsible_unit_id FROM coordinated_plan WHERE id = ROW.plan_id"

    static let watched: [Watched] = [
        Watched("patient", patient: "ROW.id", units: []),
        Watched("listing"),
        Watched("care_contact", units: ["ROW.unit_id", staffUnit("staff_id")]),
        Watched("problem"),
        Watched("encounter"),
        Watched("discharge"),
        Watched("referral", units: ["ROW.from_unit_id", "ROW.to_unit_id"]),
        Watched("referral_event", patient: referralPatient, units: ["ROW.unit_id", "ROW.forwarded_to"]),
        Watched("referral_pause", patient: referralPatient,
                units: ["from_unit_id FROM referral WHERE id = ROW.referral_id",
                        "to_unit_id FROM referral WHERE id = ROW.referral_id"]),
        Watched("coordinated_plan", units: ["ROW.responsible_unit_id",
                                            "unit_id FROM plan_participant WHERE plan_id = ROW.id"]),
        Watched("plan_participant", patient: planPatient, units: ["ROW.unit_id", planUnit]),
        Watched("plan_person", patient: planPatient, units: ["ROW.unit_id", planUnit]),
        Watched("plan_service", patient: planPatient, units: [planUnit]),
        Watched("unit_block"),
        Watched("consent", units: []),
        Watched("information_block"),
        Watched("block_opening", patient: "(SELECT patient_id FROM information_block WHERE id = ROW.block_id)",
                units: ["ROW.for_unit", staffUnit("for_staff"),
                        "unit_id FROM information_block WHERE id = ROW.block_id"]),
        Watched("care_request"),
        Watched("discharge_notice", units: ["ROW.unit_id", "ROW.ward_unit_id"]),
        Watched("patient_identifier", units: []),
        Watched("observation"),
        Watched("patient_task", units: ["ROW.unit_id", "ROW.to_unit_id", staffUnit("to_staff_id")]),
        Watched("planned_contact", units: ["ROW.unit_id", staffUnit("staff_id")]),
        Watched("work_list_claim"),
        Watched("check_done"),
        // The directory: a unit's name, its staff and their roles show on its screens.
        Watched("care_unit", patient: nil, units: ["ROW.id"]),
        Watched("staff", patient: nil),
        Watched("care_provider", patient: nil, units: ["id FROM care_unit WHERE provider_id = ROW.id"]),
    ]

    /// Tables with a patient's rows that bump nothing, and why. Reading a record writes a
    /// log row: were the log to bump the patient, every open would make every session with
    /// the record open read it again, and that read would log again. A draft is one user's
    /// unsaved input, read only by that user's next session.
    static let unwatched: Set<String> = ["access_log", "form_draft"]

    /// The tables of the mechanism itself, which hold no patient's information.
    static let own: Set<String> = ["change_counter", "change_touch"]

    /// The units whose lists show the patient `p`: the listing unit, the units of the
    /// patient's active named contacts, of open referrals, of open tasks (the addressed
    /// unit, or the addressed person's) and of open care requests.
    private static func shownAt(_ p: String) -> [String] {
        ["unit_id FROM listing WHERE patient_id = \(p) AND to_date IS NULL",
         "unit_id FROM care_contact WHERE patient_id = \(p) AND to_date IS NULL",
         "from_unit_id FROM referral WHERE patient_id = \(p) AND state NOT IN ('acknowledged', 'cancelled')",
         "to_unit_id FROM referral WHERE patient_id = \(p) AND state NOT IN ('acknowledged', 'cancelled')",
         """
         coalesce(t.to_unit_id, s.unit_id) FROM patient_task t LEFT JOIN staff s ON s.id = t.to_staff_id
             WHERE t.patient_id = \(p) AND t.done_at IS NULL
         """,
         "unit_id FROM care_request WHERE patient_id = \(p) AND assessed_at IS NULL"]
    }

    /// The one statement a table's trigger runs: the row's patient, and each unit the row
    /// names, as rows of `change_touch`.
    static func touch(_ table: Watched, row: String, oldRow: String? = nil) -> String {
        func on(_ sql: String, _ alias: String) -> String { sql.replacingOccurrences(of: "ROW.", with: "\(alias).") }
        var arms: [String] = []
        if let patient = table.patient { arms.append("SELECT \(on(patient, row)), NULL") }
        // An update may move a row to other units (a referral forwarded, a listing moved):
        // the units it leaves learn of it too. A row never moves to another patient.
        for alias in [row] + (oldRow.map { [$0] } ?? []) {
            arms += table.units.map { "SELECT NULL, \(on($0, alias))" }
        }
        return "INSERT INTO change_touch(patient, unit) \(arms.joined(separator: "\n    UNION "))"
    }

    /// The one trigger that bumps: the touched patient and the units that show them, or
    /// the touched unit, each once; then the touch is gone.
    static let bump = """
        CREATE TRIGGER change_touch_bump AFTER INSERT ON change_touch
        BEGIN INSERT INTO change_counter(scope, version)
        SELECT scope, 1 FROM (SELECT NULL AS scope
            UNION SELECT 'patient/' || new.patient
            UNION \(shownAt("new.patient").map { "SELECT 'unit/' || \($0)" }.joined(separator: "\n    UNION "))
            UNION SELECT 'unit/' || new.unit) WHERE scope IS NOT NULL
        ON CONFLICT(scope) DO UPDATE SET version = version + 1;
        DELETE FROM change_touch WHERE rowid = new.rowid; END
        """

    /// The touch table, its trigger, and each watched table's three triggers.
    static func createAll(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE change_touch (patient INTEGER, unit TEXT) STRICT")
        try db.execute(sql: bump)
        try create(db, for: watched)
    }

    static func create(_ db: Database, for tables: [Watched]) throws {
        for table in tables {
            for (event, row, old) in [("INSERT", "new", nil), ("UPDATE", "new", "old"), ("DELETE", "old", nil)] {
                try db.execute(sql: """
                    CREATE TRIGGER change_\(table.table)_\(event.lowercased()) AFTER \(event) ON \(table.table)
                    BEGIN \(touch(table, row: row, oldRow: old)); END
                    """)
            }
        }
    }

    /// Drops the triggers and gives back their SQL, for a bulk load that nobody watches
    /// (the demo generator) to put back when it is done.
    static func drop(_ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'change_*'
            """)
        for row in rows { try db.execute(sql: "DROP TRIGGER \(row["name"] as String)") }
        return rows.map { $0["sql"] }
    }

    static func restore(_ db: Database, _ triggers: [String]) throws {
        for sql in triggers { try db.execute(sql: sql) }
    }
}
