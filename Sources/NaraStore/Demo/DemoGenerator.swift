import Foundation
import GRDB
import NaraDomain

public struct DemoOptions: Sendable {
    public var patients: Int = 10_000
    public var seed: UInt64 = 1
    /// Years of encounter, referral and discharge history up to `today`.
    public var years: Int = 3
    /// The day the history ends; a parameter so that tests get the same store every day.
    public var today: LocalDate

    public init(patients: Int = 10_000, seed: UInt64 = 1, years: Int = 3, today: LocalDate) {
        self.patients = patients
        self.seed = seed
        self.years = years
        self.today = today
    }
}

public struct DemoProgress: Sendable {
    /// `units`, `patients`, `search index`, `analyze`.
    public var phase: String
    public var done: Int
    public var total: Int
}

public struct DemoSummary: Sendable {
    public var units: Int
    public var staff: Int
    public var patients: Int
    public var encounters: Int
    public var referrals: Int
    public var plans: Int
    public var seconds: Double
}

/// Builds a demo store: a fictional region in Örebro län whose people, histories and
/// work lists look real, so the program can be shown and load-tested without patient data.
public enum DemoGenerator {
    /// Builds a complete demo store at `path`. Refuses (`StoreError.duplicate`) when a
    /// file exists unless `force`.
    ///
    /// The store is written to `path + ".building"` without journal or syncs and renamed
    /// into place only when complete, so a crash or an error never leaves a half-built
    /// store where the program would open it.
    public static func build(at path: String, options: DemoOptions, force: Bool,
                             progress: @Sendable (DemoProgress) -> Void = { _ in }) throws -> DemoSummary {
        let started = Date()
        guard options.patients >= 1, options.patients <= 20_000_000 else {
            throw StoreError.invalid("the number of demo patients must be between 1 and 20000000")
        }
        guard (1...30).contains(options.years) else {
            throw StoreError.invalid("the demo history must be 1–30 years")
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: path) && !force { throw StoreError.duplicate(path) }
        let folder = (path as NSString).deletingLastPathComponent
        try StoreFiles.makeFolder(folder)
        let temp = path + ".building"
        removeDatabase(temp)
        do {
            try StoreFiles.createEmpty(temp)
            var summary = try load(temp, options: options, progress: progress)
            if force {
                for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            }
            guard rename(temp, path) == 0 else {
                throw StoreError.other("cannot move the demo store into place at \(path): "
                                       + String(cString: strerror(errno)))
            }
            summary.seconds = Date().timeIntervalSince(started)
            return summary
        } catch {
            removeDatabase(temp)
            throw StoreError.from(error, path: path)
        }
    }

    private static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    private static func load(_ path: String, options: DemoOptions,
                             progress: @Sendable (DemoProgress) -> Void) throws -> DemoSummary {
        var config = Configuration()
        config.foreignKeysEnabled = false
        config.label = "nara-demo"
        config.prepareDatabase { db in
            // Nobody else sees this file until it is renamed: durability buys nothing here.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY")
        }
        let queue = try DatabaseQueue(path: path, configuration: config)
        try Migrations.migrator.migrate(queue)
        let clinics = max(1, Int((Double(options.patients) / 10_000).rounded()))
        var rng = DemoRandom(seed: options.seed, stream: UInt64.max)
        let region = DemoRegion(clinicCount: clinics, rng: &rng)
        let days = DemoDays(today: options.today, years: options.years)
        progress(DemoProgress(phase: "units", done: 0, total: region.units.count))

        let summary: DemoSummary = try queue.writeWithoutTransaction { db in
            try SchemaV1.dropSearchTriggers(db)
            // Nobody watches a store being built: its counters start at zero when it opens.
            let changeTriggers = try ChangeTriggers.drop(db)
            try db.inTransaction {
                try writeDirectory(region, db: db)
                return .commit
            }
            var builder = try DemoBuilder(options: options, region: region, days: days, db: db)
            let chunk = 2_000
            var start = 0
            while start < options.patients {
                let end = min(options.patients, start + chunk)
                try db.inTransaction {
                    for i in start..<end { try builder.writePatient(index: i) }
                    return .commit
                }
                start = end
                progress(DemoProgress(phase: "patients", done: end, total: options.patients))
            }
            progress(DemoProgress(phase: "search index", done: 0, total: 1))
            try db.inTransaction {
                try SchemaV1.rebuildSearchIndex(db)
                try SchemaV1.createSearchTriggers(db)
                try DemoResidentialCare.mark(db, today: options.today)
                try DemoYearlyChecks.write(db, today: options.today)
                try DemoPlanContent.write(db)
                try ChangeTriggers.restore(db, changeTriggers)
                let meta: [(StoreMeta.Key, String)] = [
                    (.kind, StoreKind.demo.rawValue),
                    (.createdAt, ISO8601DateFormatter().string(from: Date())),
                    (.demoUser, region.staff[region.demoUser].id),
                    (.demoSeed, String(options.seed)),
                    (.demoPatients, String(options.patients)),
                    (.demoYears, String(options.years)),
                    (.demoToday, options.today.iso),
                ]
                for (key, value) in meta { try StoreMeta.write(db, key: key, value: value) }
                return .commit
            }
            progress(DemoProgress(phase: "analyze", done: 0, total: 1))
            try db.execute(sql: "ANALYZE")
            return DemoSummary(units: region.units.count, staff: region.staff.count, patients: options.patients,
                               encounters: builder.writer.encounters, referrals: builder.writer.referrals,
                               plans: builder.writer.plans, seconds: 0)
        }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try queue.close()
        return summary
    }

    private static func writeDirectory(_ region: DemoRegion, db: Database) throws {
        let unit = try db.makeStatement(sql: "INSERT INTO care_unit(id, name, principal, kind) VALUES (?, ?, ?, ?)")
        for u in region.units {
            try unit.execute(arguments: [u.id, u.name, u.principal.rawValue, u.kind.rawValue])
        }
        // Units got their providers by the HSA rule; the demo's have real-looking names.
        for (id, name) in DemoRegion.providerNames {
            try db.execute(sql: "UPDATE care_provider SET name = ? WHERE id = ?", arguments: [name, id])
        }
        let staff = try db.makeStatement(sql: """
            INSERT INTO staff(id, name, profession, unit_id, roles, hsa_id, active) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, s) in region.staff.enumerated() {
            // A person's HSA-id starts with the employer's prefix, like the unit's.
            let unitID = region.units[s.unit].id
            let hsa = String(unitID.prefix { $0 != "-" }) + "-p" + DemoRegion.pad(i + 1, 5)
            try staff.execute(arguments: [s.id, s.name, s.profession.rawValue, unitID, s.roles, hsa,
                                          s.active ? 1 : 0])
        }
    }
}

/// Writes one patient at a time with everything that belongs to the patient, so memory
/// stays flat however large the store.
struct DemoBuilder {
    let options: DemoOptions
    let region: DemoRegion
    let days: DemoDays
    var population: DemoPopulation
    var writer: DemoWriter
    let perClinic: Int
    var referralID: Int64 = 0
    var planID: Int64 = 0
    var showcaseNext = 0
    var referralEvents: [DemoReferralEvent] = []
    private var person = DemoPerson()

    init(options: DemoOptions, region: DemoRegion, days: DemoDays, db: Database) throws {
        self.options = options
        self.region = region
        self.days = days
        population = DemoPopulation(days: days, expected: options.patients)
        writer = try DemoWriter(db)
        perClinic = (options.patients + region.clinics.count - 1) / region.clinics.count
    }

    func unitID(_ index: Int) -> String { region.units[index].id }
    func staffID(_ index: Int) -> String { region.staff[index].id }

    /// A few fixed patients are protected even in small stores, so the masking shows.
    static let protectedExamples: Set<Int> = [11, 222, 733]

    mutating func writePatient(index i: Int) throws {
        var rng = DemoRandom(seed: options.seed, stream: UInt64(i))
        var p = person
        p.id = Int64(i + 1)
        population.drawAge(&p, rng: &rng)
        p.clinic = min(i / perClinic, region.clinics.count - 1)
        p.firstDay = max(days.historyStart, p.birthDay)
        let team = region.teams[region.clinics[p.clinic]]
        p.usualPhysician = rng.below(team.physicians.count)
        p.usualNurse = rng.below(team.nurses.count)
        switch rng.weighted([0.3, 0.4, 0.3]) {
        case 0: p.continuity = 0.85 + 0.1 * rng.unit()
        case 1: p.continuity = 0.5 + 0.2 * rng.unit()
        default: p.continuity = 0.15 + 0.15 * rng.unit()
        }
        try writeIdentity(p, index: i, rng: &rng)
        try writeListings(&p, rng: &rng)
        try writeProblems(&p, rng: &rng)
        try writeContacts(p, rng: &rng)
        try writeEncounters(p, rng: &rng)
        try writeObservations(p, index: i)
        try writeDischargeNotices(p, index: i)
        try writeCareRequests(p, index: i)
        try writeDayItems(p, index: i)
        try writeDischarges(p, rng: &rng)
        try writeReferrals(p, rng: &rng)
        try writePlan(p, rng: &rng)
        person = p
    }

    private mutating func writeIdentity(_ p: DemoPerson, index i: Int, rng: inout DemoRandom) throws {
        let kind: IdentifierKind = i % 5_000 == 1_500 ? .nationalReserve
            : rng.chance(0.005) ? .samordningsnummer : .personnummer
        let ident = population.identifier(for: p, kind: kind, rng: &rng)
        let g = rng.below(p.male ? DemoNames.male.count : DemoNames.female.count)
        let given = p.male ? DemoNames.male[g] : DemoNames.female[g]
        let givenFolded = p.male ? DemoNames.foldedMale[g] : DemoNames.foldedFemale[g]
        let f = rng.below(DemoNames.family.count)
        var family = DemoNames.family[f], familyFolded = DemoNames.foldedFamily[f]
        if rng.chance(0.03) {
            let f2 = rng.below(DemoNames.family.count)
            family += "-" + DemoNames.family[f2]
            familyFolded += " " + DemoNames.foldedFamily[f2]
        }
        let protected = rng.chance(0.001) || (options.patients >= 1_000 && Self.protectedExamples.contains(i))
        let city = rng.chance(0.85) ? region.cityOf[p.clinic] : rng.below(DemoNames.cities.count)
        let postal = String(DemoNames.cities[city].postal + (city == 0 ? rng.below(2) : 0)) + " "
            + DemoPopulation.pad2(rng.below(100))
        let extra = DemoNextOfKin.make(for: p, family: family, seed: options.seed)
        var phone: String?
        if rng.chance(0.95) {
            phone = "07" + String(rng.pick([0, 0, 2, 3, 6])) + "-" + String(rng.int(100, 999)) + " "
                + DemoPopulation.pad2(rng.below(100)) + " " + DemoPopulation.pad2(rng.below(100))
        }
        try writer.insertPatient(id: p.id, ident: ident, kind: kind.rawValue, given: given, family: family,
                                 search: protected ? "" : givenFolded + " " + familyFolded,
                                 sex: p.male ? "male" : "female", birth: days.iso(p.birthDay),
                                 street: rng.pick(DemoNames.streets) + " " + String(rng.int(1, 120)),
                                 postal: postal, city: DemoNames.cities[city].name, phone: phone,
                                 protected: protected, nextOfKin: extra.kin, interpreter: extra.interpreter)
    }
}
