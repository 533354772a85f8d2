import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// One build shared by the tests: building is the slow part, checking is cheap.
private enum Fixture {
    static let today = LocalDate(year: 2026, month: 3, day: 16)!
    static let options = DemoOptions(patients: 2_000, seed: 42, years: 3, today: today)

    static let folder: String = {
        let dir = NSTemporaryDirectory() + "nara-demo-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    static let built: (path: String, summary: DemoSummary)? = {
        let path = folder + "/demo.nara"
        guard let summary = try? DemoGenerator.build(at: path, options: options, force: false) else { return nil }
        return (path, summary)
    }()

    static func queue() throws -> DatabaseQueue {
        let built = try #require(built)
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: built.path, configuration: config)
    }

    /// Identity columns and encounter times: changes when anything random changes.
    static func digest(_ db: Database) throws -> String {
        let idents = try String.fetchOne(db, sql: "SELECT group_concat(ident, ',') FROM (SELECT ident FROM patient ORDER BY id)") ?? ""
        let names = try String.fetchOne(db, sql: "SELECT group_concat(search_name, ',') FROM (SELECT search_name FROM patient ORDER BY id)") ?? ""
        let encounters = try Row.fetchOne(db, sql: "SELECT count(*), sum(at), group_concat(staff_id) FROM encounter")!
        let referrals = try Row.fetchOne(db, sql: "SELECT count(*), group_concat(state) FROM referral")!
        return "\(idents.hashValue) \(names.hashValue) \(encounters) \(referrals)"
    }
}

@Suite(.serialized) struct DemoGeneratorTests {
    @Test func buildsASoundFile() throws {
        let summary = try #require(Fixture.built).summary
        #expect(summary.patients == 2_000)
        let (integrity, foreignKeys, journal) = try Fixture.queue().read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"),
             try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(integrity == ["ok"])
        #expect(foreignKeys == 0)
        #expect(journal == "wal")
    }

    @Test func countsArePlausible() throws {
        try Fixture.queue().read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            #expect(try count("SELECT count(*) FROM patient") == 2_000)
            #expect(try count("SELECT count(*) FROM listing WHERE to_date IS NULL") == 2_000)
            let encounters = try count("SELECT count(*) FROM encounter")
            #expect(encounters > 2_000 * 3 * 2 && encounters < 2_000 * 3 * 6)
            let referrals = try count("SELECT count(*) FROM referral")
            #expect(referrals > 2_000 * 3 / 20 && referrals < 2_000 * 3 / 3)
            // The region's vårdcentral, where everyone is listed, and a private one (a provider of its own).
            #expect(try count("SELECT count(*) FROM care_unit WHERE kind = 'primary_care'") == 2)
            #expect(try count("SELECT count(DISTINCT listing.unit_id) FROM listing") == 1)
            #expect(try count("SELECT count(*) FROM care_provider") == 3)
            let roles = Set(try String.fetchAll(db, sql: "SELECT roles FROM staff").flatMap { $0.split(separator: ",") }
                .map(String.init))
            #expect(roles == Set(StaffRole.allCases.map(\.rawValue)), "every role has someone in the demo")
            #expect(try count("SELECT count(*) FROM care_unit WHERE kind = 'home_care' AND principal = 'municipality'") >= 1)
            #expect(try count("SELECT count(*) FROM staff WHERE active = 0") >= 2)
            #expect(try count("SELECT count(*) FROM patient WHERE protected = 1") >= 3)
            #expect(try count("SELECT count(*) FROM patient WHERE protected = 1 AND search_name <> ''") == 0)
            #expect(try count("SELECT count(*) FROM coordinated_plan") >= 1)
            #expect(try count("SELECT count(*) FROM discharge") >= 1)
            // Old people with three or more chronic diagnoses exist.
            #expect(try count("""
                SELECT count(*) FROM (SELECT patient_id FROM problem JOIN patient ON patient.id = patient_id
                WHERE chronic = 1 AND birth_date <= '1951-03-16' GROUP BY patient_id HAVING count(*) >= 3)
                """) >= 10)
            // Some named contacts have left the unit.
            #expect(try count("""
                SELECT count(*) FROM care_contact JOIN staff ON staff.id = staff_id
                WHERE to_date IS NULL AND staff.active = 0
                """) >= 1)
            // A discharge in the last week without a primary-care encounter since.
            #expect(try count("SELECT count(*) FROM discharge WHERE discharged_on >= '2026-03-09'") >= 1)
        }
    }

    @Test func identifiersHaveValidCheckDigits() throws {
        let rows = try Fixture.queue().read { db in
            try Row.fetchAll(db, sql: "SELECT ident, ident_short, ident_kind, sex FROM patient")
        }
        var kinds: [String: Int] = [:]
        for row in rows {
            let ident: String = row["ident"], short: String = row["ident_short"], kind: String = row["ident_kind"]
            kinds[kind, default: 0] += 1
            #expect(ident.count == 12 && ident.hasSuffix(short) && short.count == 10)
            guard kind == "personnummer" || kind == "samordningsnummer" else { continue }
            let digits = ident.compactMap { $0.wholeNumberValue }
            #expect(digits.count == 12)
            var sum = 0
            for (i, d) in digits[2..<11].enumerated() {
                let product = d * (i % 2 == 0 ? 2 : 1)
                sum += product / 10 + product % 10
            }
            #expect((10 - sum % 10) % 10 == digits[11], "bad check digit in \(ident)")
            let day = digits[6] * 10 + digits[7]
            #expect(kind == "samordningsnummer" ? day > 60 : day <= 31)
            let male = (row["sex"] as String) == "male"
            #expect((digits[10] % 2 == 1) == male)
        }
        #expect(Set(rows.map { $0["ident"] as String }).count == rows.count)
        #expect(kinds["samordningsnummer", default: 0] >= 1)
        #expect(kinds["national_reserve", default: 0] >= 1)
    }

    @Test func sameSeedSameStoreOtherSeedOtherStore() throws {
        let first = try Fixture.queue().read(Fixture.digest)
        let again = Fixture.folder + "/again.nara", other = Fixture.folder + "/other.nara"
        _ = try DemoGenerator.build(at: again, options: Fixture.options, force: false)
        var options = Fixture.options
        options.seed = 43
        _ = try DemoGenerator.build(at: other, options: options, force: false)
        #expect(try DatabaseQueue(path: again).read(Fixture.digest) == first)
        #expect(try DatabaseQueue(path: other).read(Fixture.digest) != first)
    }

    @Test func refusesAnExistingFileUnlessForced() throws {
        let path = Fixture.folder + "/existing.nara"
        try Data("not a store".utf8).write(to: URL(fileURLWithPath: path))
        let small = DemoOptions(patients: 50, seed: 1, years: 1, today: Fixture.today)
        #expect(throws: StoreError.duplicate(path)) {
            _ = try DemoGenerator.build(at: path, options: small, force: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a store")
        #expect(!FileManager.default.fileExists(atPath: path + ".building"))
        let summary = try DemoGenerator.build(at: path, options: small, force: true)
        #expect(summary.patients == 50)
        #expect(try SQLiteStore.open(at: path).kind == .demo)
        #expect(!FileManager.default.fileExists(atPath: path + ".building"))
    }

    @Test func nameSearchFindsFoldedPrefixes() throws {
        try Fixture.queue().read { db in
            let oberg = try Int64.fetchOne(db, sql: "SELECT id FROM patient WHERE family_name LIKE 'Öberg%' AND protected = 0")
            let id = try #require(oberg)
            let hits = try Int64.fetchAll(db, sql: "SELECT rowid FROM patient_name_search WHERE patient_name_search MATCH '\"öb\"*'")
            #expect(hits.contains(id))
            let protectedHits = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM patient_name_search JOIN patient ON patient.id = patient_name_search.rowid
                WHERE patient_name_search MATCH '\"a\"*' AND patient.protected = 1
                """)
            #expect(protectedHits == 0)
        }
    }

    @Test func referralsCoverTheLifecycle() throws {
        try Fixture.queue().read { db in
            let states = Set(try String.fetchAll(db, sql: "SELECT DISTINCT state FROM referral"))
            #expect(states == Set(ReferralState.allCases.map(\.rawValue)))
            // Overdue: sent more than 90 days ago and still waiting for the first visit.
            let overdue = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM referral WHERE sent_on < '2025-12-16'
                AND state IN ('sent', 'received', 'accepted', 'forwarded', 'booked')
                """) ?? 0
            #expect(overdue >= 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM referral_pause") ?? 0 >= 1)
            // The history agrees with the row: version, last state and last step.
            let mismatched = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM referral r WHERE r.version <> (SELECT count(*) FROM referral_event e WHERE e.referral_id = r.id)
                OR r.state <> (SELECT to_state FROM referral_event e WHERE e.referral_id = r.id ORDER BY at DESC, id DESC LIMIT 1)
                OR r.updated_at <> (SELECT max(at) FROM referral_event e WHERE e.referral_id = r.id)
                OR (r.state = 'acknowledged' AND (r.reply IS NULL OR r.seen_on IS NULL))
                OR (r.state <> 'draft' AND r.sent_on IS NULL)
                """)
            #expect(mismatched == 0)
        }
    }

    /// Listed patients' care requests at their own clinic, in the last four months and this
    /// morning: most kept both clocks, some not, today's still open.
    @Test func careRequestsFillTheGuaranteeReport() throws {
        try Fixture.queue().read { db in
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT count(*) AS n, sum(registered_on = '2026-03-16') AS today,
                       sum(registered_on < '2025-11-16') AS old,
                       sum(NOT EXISTS (SELECT 1 FROM listing l WHERE l.patient_id = c.patient_id AND l.unit_id = c.unit_id
                                       AND l.to_date IS NULL)) AS elsewhere,
                       sum(assessed_at IS NULL AND registered_on = '2026-03-16') AS openToday,
                       sum(callback_from IS NOT NULL) AS callbacks
                FROM care_request c
                """))
            #expect(row["n"] as Int >= 100)
            #expect(row["today"] as Int >= 1 && row["openToday"] as Int == row["today"] as Int)
            #expect(row["old"] as Int == 0 && row["elsewhere"] as Int == 0)
            #expect(row["callbacks"] as Int >= 1)
            let requests = try Row.fetchAll(db, sql: "SELECT * FROM care_request").map(SQLiteStore.decodeCareRequest)
            let months = GuaranteeShare.report(requests, by: .month, today: Fixture.today)
            let assessment = try #require(months.first?.share(.assessment))
            #expect(assessment > 0.7 && assessment < 1)
        }
    }

    @Test func metaNamesTheDemoUser() throws {
        let path = try #require(Fixture.built).path
        try Fixture.queue().read { db in
            #expect(try StoreMeta.value(db, .kind) == "demo")
            #expect(try StoreMeta.value(db, .demoToday) == "2026-03-16")
            #expect(try StoreMeta.value(db, .demoSeed) == "42")
            let user = try #require(try StoreMeta.value(db, .demoUser))
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT s.profession, s.roles, s.active, s.unit_id FROM staff s WHERE s.id = ?
                """, arguments: [user]))
            #expect(["nurse", "district_nurse"].contains(row["profession"] as String))
            #expect((row["roles"] as String).split(separator: ",").contains("nurse"))
            #expect(row["active"] as Int == 1)
            let first = try String.fetchOne(db, sql: "SELECT min(id) FROM care_unit WHERE kind = 'primary_care'")
            #expect(row["unit_id"] as String == first)
            let contacts = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM care_contact WHERE staff_id = ? AND to_date IS NULL
                """, arguments: [user]) ?? 0
            #expect(contacts >= 3)
        }
        let store = try SQLiteStore.open(at: path)
        #expect(store.kind == .demo)
        #expect(store.demoUser != nil)
    }
}
