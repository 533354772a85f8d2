import NaraDomain
import NaraStore
import PostgresNIO

/// The region's store on PostgreSQL, behind the same protocols as the SQLite store.
/// Every query names the schema `nara`, so it works whatever the role's search_path,
/// also through PgBouncer in transaction mode, where a session's SET does not stick.
///
/// It is a `CareStore`: sessions and every command run on it as on a clinic's file, each
/// protocol in a file of its own (`PostgresStore+….swift`), patient data through the door
/// (`PostgresDoor.swift`).
public final class PostgresStore: Sendable {
    /// Where the database is and how to log in; `location` is its text without the password.
    public let address: PostgresLocation
    /// The connection, for this package's tools and tests (an administrator's SQL).
    package let client: PostgresClient
    /// Where "today" and "now" come from for the policy and the log's rows, as the
    /// SQLite store's clock: the client's time, not the server's.
    public let clock: any Clock
    /// Which patients each list of a session has logged lately, as the SQLite store's.
    let shownMemory = ShownMemory()
    /// What the database says it holds (`store_meta`): a demo's synthetic people, or real
    /// ones; a database that says nothing is taken as production, which demands a user.
    public let kind: StoreKind
    /// The staff member a demo database's sessions run as when no user is given.
    public let demoUser: StaffID?

    init(location: PostgresLocation, client: PostgresClient, clock: any Clock, kind: StoreKind = .production,
         demoUser: StaffID? = nil) {
        self.address = location
        self.client = client
        self.clock = clock
        self.kind = kind
        self.demoUser = demoUser
    }

    /// Connects and brings the schema up to date (`PostgresMigrations`). The database
    /// must exist; its schema is made on first open. `readOnly` changes nothing: a
    /// database behind this version's schema is refused (`.olderSchema`, or `.notAStore`
    /// when it has none), as a SQLite file opened read-only is.
    public static func open(location: PostgresLocation, clock: any Clock = SystemClock(),
                            readOnly: Bool = false) throws -> PostgresStore {
        let client = PostgresClient(location: location)
        if readOnly {
            try PostgresMigrations.requireCurrent(client)
        } else {
            try PostgresMigrations.migrate(client)
        }
        var meta: [String: String] = [:]
        for row in try client.query("SELECT key, value FROM nara.store_meta WHERE key IN ('kind', 'demo_user')") {
            let (key, value) = try row.decode((String, String).self)
            meta[key] = value
        }
        let kind = meta["kind"].flatMap(StoreKind.init(rawValue:)) ?? .production
        return PostgresStore(location: location, client: client, clock: clock, kind: kind,
                             demoUser: kind == .demo ? meta["demo_user"].map(StaffID.init(rawValue:)) : nil)
    }

    /// `store` is a `postgresql://` URL or the path of a connection file
    /// (`PostgresConnectionFile`).
    public static func open(_ store: String) throws -> PostgresStore {
        try open(location: PostgresLocation.isURL(store) ? .parse(url: store) : PostgresConnectionFile.read(store))
    }

    /// The migrations the database has, in the order applied.
    public func appliedMigrations() throws -> [String] {
        try PostgresMigrations.applied(client)
    }

    /// How many times the store has connected: 1 until a lost connection was replaced.
    public var connectionsOpened: Int { client.connectionsOpened }
}

extension PostgresStore: DirectoryStore {
    static let unitColumns = "id, name, principal, kind, provider_id"
    static let staffColumns = "id, name, profession, unit_id, roles, hsa_id, active"

    public func units() throws -> [CareUnit] {
        try client.query("SELECT \(unescaped: Self.unitColumns) FROM nara.care_unit ORDER BY name").map(Self.unit)
    }

    public func unit(_ id: UnitID) throws -> CareUnit? {
        try client.query("SELECT \(unescaped: Self.unitColumns) FROM nara.care_unit WHERE id = \(id.rawValue)")
            .first.map(Self.unit)
    }

    public func staff(_ id: StaffID) throws -> Staff? {
        try client.query("SELECT \(unescaped: Self.staffColumns) FROM nara.staff WHERE id = \(id.rawValue)")
            .first.map(Self.staff)
    }

    public func staff(ids: Set<StaffID>) throws -> [StaffID: Staff] {
        guard !ids.isEmpty else { return [:] }
        let staff = try client.query("""
            SELECT \(unescaped: Self.staffColumns) FROM nara.staff WHERE id = ANY(\(ids.map(\.rawValue).sorted()))
            """).map(Self.staff)
        return Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func staffList(unit: UnitID?) throws -> [Staff] {
        try client.query("""
            SELECT \(unescaped: Self.staffColumns) FROM nara.staff
             WHERE \(unit?.rawValue)::text IS NULL OR unit_id = \(unit?.rawValue) ORDER BY name
            """).map(Self.staff)
    }

    /// One statement: a unit that is already there inserts nothing, which is the
    /// duplicate, even with another server adding the same unit at the same moment.
    public func addUnit(_ unit: CareUnit) throws {
        let name = CleanText.line(unit.name)
        guard !unit.id.rawValue.isEmpty, !name.isEmpty else { throw StoreError.invalid("a unit needs an id and a name") }
        let added = try client.query("""
            INSERT INTO nara.care_unit(id, name, principal, kind)
            VALUES (\(unit.id.rawValue), \(name), \(unit.principal.rawValue), \(unit.kind.rawValue))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """)
        if added.isEmpty { throw StoreError.duplicate("unit \(unit.id)") }
    }

    public func addStaff(_ staff: Staff) throws {
        let name = CleanText.line(staff.name)
        guard staff.id.isWellFormedLogin else {
            throw StoreError.invalid("staff id '\(staff.id)' must be 1–64 of a–z, 0–9, '.', '_' or '-'")
        }
        guard !name.isEmpty else { throw StoreError.invalid("a staff member needs a name") }
        let roles = staff.roles.map(\.rawValue).sorted().joined(separator: ",")
        let added = try client.query("""
            INSERT INTO nara.staff(id, name, profession, unit_id, roles, hsa_id, active)
            SELECT \(staff.id.rawValue), \(name), \(staff.profession.rawValue), u.id, \(roles), \(staff.hsaId),
                   \(staff.active)
              FROM nara.care_unit u WHERE u.id = \(staff.unitId.rawValue)
            ON CONFLICT (id) DO NOTHING RETURNING id
            """)
        guard added.isEmpty else { return }
        // Nothing inserted: say why, in the SQLite store's order (the unit first).
        guard try unit(staff.unitId) != nil else { throw StoreError.notFound("unit \(staff.unitId)") }
        throw StoreError.duplicate("staff member \(staff.id)")
    }

    public func setStaffActive(_ id: StaffID, active: Bool) throws {
        let changed = try client.query("UPDATE nara.staff SET active = \(active) WHERE id = \(id.rawValue) RETURNING id")
        if changed.isEmpty { throw StoreError.notFound("staff member \(id)") }
    }

    /// Values the schema's CHECKs allow but this version does not know read as the
    /// SQLite store reads them: the safe default.
    static func unit(_ row: PostgresRow) throws -> CareUnit {
        let (id, name, principal, kind, provider) = try row.decode((String, String, String, String, String?).self)
        return CareUnit(id: UnitID(id), name: name, principal: Principal(rawValue: principal) ?? .region,
                        kind: UnitKind(rawValue: kind) ?? .other, providerId: provider.map { ProviderID(rawValue: $0) })
    }

    static func staff(_ row: PostgresRow) throws -> Staff {
        let (id, name, profession, unit, roles, hsa, active) =
            try row.decode((String, String, String, String, String, String?, Bool).self)
        return Staff(id: StaffID(id), name: name, profession: Profession(rawValue: profession) ?? .other,
                     unitId: UnitID(unit), roles: Set(roles.split(separator: ",").compactMap { StaffRole(rawValue: String($0)) }),
                     hsaId: hsa, active: active)
    }
}

extension PostgresStore: ChangeWatching {
    /// Both counters in one statement; a scope without a row stands at zero. No LISTEN:
    /// the poll passes PgBouncer's transaction pooling and runs on a hot standby.
    public func changeStamp(_ scope: ChangeScope) throws -> ChangeStamp {
        let patient = scope.patient.map { "patient/\($0.rawValue)" }
        let unit = "unit/\(scope.unit.rawValue)"
        let rows = try client.query("""
            SELECT coalesce((SELECT version FROM nara.change_counter WHERE scope = \(patient)), 0),
                   coalesce((SELECT version FROM nara.change_counter WHERE scope = \(unit)), 0)
            """)
        guard let (patientVersion, unitVersion) = try rows.first?.decode((Int64, Int64).self) else { return ChangeStamp() }
        return ChangeStamp(patient: patientVersion, unit: unitVersion)
    }
}
