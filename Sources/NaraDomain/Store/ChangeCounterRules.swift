/// Which change counters a write to each table moves, one owner for both stores: each
/// store's triggers run the scopes said here (SQLite's `ChangeTriggers`, PostgreSQL's
/// `RegionSchemaChangeCounters`), so the two cannot drift apart.
///
/// A change about a patient bumps the patient's counter, the units the row itself names
/// (a referral's sender and receiver, a task's writer and addressee) and the units whose
/// lists show the patient (`shownAt`), so their work lists, queues and Min dag learn of
/// it. A directory change bumps the unit it is about. The SQL here is what both
/// databases read alike: subqueries, `||` and `coalesce`, with the tables unqualified.
public enum ChangeCounterRules {
    /// A table whose rows a screen shows. `patient` is the SQL naming the row's patient,
    /// `units` the units the row itself names, each the rest of a `SELECT 'unit/' || …`;
    /// `ROW.` stands for the trigger's `new.` or `old.`.
    public struct Watched: Sendable {
        public let table: String
        public let patient: String?
        public let units: [String]

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

    public static let watched: [Watched] = [
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
    public static let unwatched: Set<String> = ["access_log", "form_draft"]

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

    /// Every scope a write of `row` (and, for an update, of `oldRow`) touches, as one
    /// `UNION` whose column `scope` is NULL where a row names no unit: the trigger inserts
    /// the ones that are not NULL into `change_counter`.
    public static func scopes(_ table: Watched, row: String, oldRow: String? = nil) -> String {
        // The first arm names the column for the rest, whatever SQL they end with.
        var arms = ["SELECT NULL AS scope"]
        if let patient = table.patient.map({ on($0, row) }) {
            arms.append("SELECT 'patient/' || \(patient)")
            arms += shownAt(patient).map { "SELECT 'unit/' || \($0)" }
        }
        arms += rowUnits(table, row: row, oldRow: oldRow).map { "SELECT 'unit/' || \($0)" }
        return arms.joined(separator: "\n    UNION ")
    }

    /// The same write said in two parts, for a store whose triggers pass it on: the row's
    /// patient and each unit it names, as `SELECT patient, unit` arms of one `UNION`
    /// (NULL where there is none). `touchScopes` then reaches what `scopes` does.
    public static func touches(_ table: Watched, row: String, oldRow: String? = nil) -> String {
        var arms: [String] = []
        if let patient = table.patient { arms.append("SELECT \(on(patient, row)), NULL") }
        arms += rowUnits(table, row: row, oldRow: oldRow).map { "SELECT NULL, \($0)" }
        return arms.joined(separator: "\n    UNION ")
    }

    /// The scopes of one touch: the patient `patient` and the units that show them, and
    /// the unit `unit`; as in `scopes`, a column `scope` with NULL where there is none.
    public static func touchScopes(patient: String, unit: String) -> String {
        (["SELECT NULL AS scope", "SELECT 'patient/' || \(patient)"]
            + shownAt(patient).map { "SELECT 'unit/' || \($0)" }
            + ["SELECT 'unit/' || \(unit)"]).joined(separator: "\n    UNION ")
    }

    private static func on(_ sql: String, _ alias: String) -> String {
        sql.replacingOccurrences(of: "ROW.", with: "\(alias).")
    }

    /// The units the row names. An update may move a row to other units (a referral
    /// forwarded, a listing moved): the units it leaves learn of it too. A row never
    /// moves to another patient.
    private static func rowUnits(_ table: Watched, row: String, oldRow: String?) -> [String] {
        ([row] + (oldRow.map { [$0] } ?? [])).flatMap { alias in table.units.map { on($0, alias) } }
    }
}
