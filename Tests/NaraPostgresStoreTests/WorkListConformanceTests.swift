import Foundation
import GRDB
@testable import NaraDomain
import NaraLogChain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The work lists and Mina patienter, which both stores have.
typealias WorkListCalls = WorkListStore & PatientRecordStore

/// The work lists on PostgreSQL against the SQLite store: every list with two settings,
/// the counts, and the marks, for users of every kind, give the same rows or the same
/// refusals and leave the same log rows (the same ids and hashes).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct WorkListConformanceTests {
    typealias Cast = ConsentAndBlockConformanceTests.Cast
    typealias Request = (name: String, run: (any WorkListCalls) throws -> Any)

    /// Enough patients that every list has rows at the cast's unit.
    static let patients = 1_500

    /// Settings that move every threshold, so that the lists' arguments are bound as set.
    static let wide = WorkListSettings(minimumAge: 70, minimumChronicDiagnoses: 2, frequentEncounters: 3,
                                       frequentWindowMonths: 6, dischargeWindowDays: 30, acknowledgementDays: 7,
                                       noEncounterMonths: 6, multimorbidStays: 1, multimorbidWindowMonths: 24)

    /// A colleague of the owner at the unit whose role writes coordination information
    /// (the cast's colleague may read only): one who can take a row the owner has.
    static func colleague(_ sqlite: SQLiteStore, _ c: Cast) throws -> AccessContext {
        let id = try #require(try sqlite.read { db in
            try String.fetchOne(db, sql: """
                SELECT id FROM staff WHERE unit_id = ? AND active = 1 AND id <> ?
                   AND roles IN ('physician', 'nurse', 'secretary') ORDER BY id LIMIT 1
                """, arguments: [c.unit.rawValue, c.owner.staffId.rawValue])
        })
        return AccessContext(staffId: StaffID(rawValue: id), unitId: c.unit, clientAddress: "10.0.0.9",
                             sessionId: "cb-colleague")
    }

    /// The counts in the lists' order: a dictionary's description has no fixed order.
    static func counts(_ store: any WorkListCalls, _ c: Cast, settings: WorkListSettings = .default,
                       as context: AccessContext) throws -> [Int?] {
        let counts = try store.workListCounts(unit: c.unit, settings: settings, today: RecordConformanceTests.today,
                                              as: context)
        return WorkListKind.allCases.map { counts[$0] }
    }

    static func list(_ kind: WorkListKind, _ c: Cast, settings: WorkListSettings = .default, limit: Int = 500,
                     as context: AccessContext) -> (any WorkListCalls) throws -> Any {
        { try $0.workList(kind, unit: c.unit, settings: settings, today: RecordConformanceTests.today, limit: limit,
                          as: context) }
    }

    /// Every list for every user with both settings, then the counts.
    static func reads(_ c: Cast, colleague: AccessContext) -> [Request] {
        let users = [("owner", c.owner), ("outsider", c.outsider), ("secretary", c.secretary),
                     ("no right", c.noRight), ("departed", c.departed), ("no one", c.stranger)]
        var requests: [Request] = []
        for kind in WorkListKind.allCases {
            for (name, user) in users { requests.append(("\(kind) for \(name)", list(kind, c, as: user))) }
            requests.append(("\(kind) wide", list(kind, c, settings: wide, as: c.owner)))
            requests.append(("\(kind), two", list(kind, c, limit: 2, as: colleague)))
        }
        for (name, user) in users {
            requests.append(("counts for \(name)", { try counts($0, c, as: user) }))
        }
        requests.append(("counts wide", { try counts($0, c, settings: wide, as: c.owner) }))
        return requests
    }

    /// Taking, giving back, refused to a colleague, handled, and each refusal of a mark.
    static func marks(_ c: Cast, colleague: AccessContext, kind: WorkListKind, patient: PatientID,
                      notOnList: PatientID) -> [Request] {
        let none = PatientID(rawValue: 9_999_999)
        func take(_ context: AccessContext, _ patient: PatientID = patient) -> (any WorkListCalls) throws -> Any {
            { try $0.toggleWorkListClaim(kind, patient: patient, as: context) as Any }
        }
        func handle(_ note: String, _ context: AccessContext) -> (any WorkListCalls) throws -> Any {
            { try $0.markWorkListHandled(kind, patient: patient, note: note, as: context) }
        }
        return [
            ("taken", take(c.owner)),
            ("taken by a colleague", take(colleague)),
            ("on the list taken", list(kind, c, as: colleague)),
            ("given back", take(c.owner)),
            ("taken by the colleague", take(colleague)),
            ("refused to the owner", take(c.owner)),
            ("handled by the owner", handle("  Ringt, bokad \n", c.owner)),
            ("on the list handled", list(kind, c, as: c.owner)),
            ("counts handled", { try counts($0, c, as: c.owner) }),
            ("taken after handled", take(c.owner)),
            ("handled again", handle("Klart", colleague)),
            ("note too long", handle(String(repeating: "x", count: WorkListClaim.noteLimit + 1), c.owner)),
            ("not on the list", take(c.owner, notOnList)),
            ("handled not on the list", {
                try $0.markWorkListHandled(kind, patient: notOnList, note: "Ringt", as: c.owner) }),
            ("taken by the outsider", take(c.outsider)),
            ("taken by the secretary", take(c.secretary)),
            ("taken without the right", take(c.noRight)),
            ("taken by the departed", take(c.departed)),
            ("taken by no one", take(c.stranger)),
            ("no such patient", take(c.owner, none)),
        ]
    }

    /// The first list with rows for the owner, a patient on it, and a patient at the
    /// unit not on it; read alike on both stores, so the log rows stay alike.
    static func row(_ sqlite: SQLiteStore, _ pg: PostgresStore,
                    _ c: Cast) throws -> (WorkListKind, PatientID, PatientID)? {
        for kind in [WorkListKind.withoutNamedGP] + WorkListKind.allCases {
            let rows = try sqlite.workList(kind, unit: c.unit, settings: .default, today: RecordConformanceTests.today,
                                           limit: 500, as: c.owner)
            _ = try pg.workList(kind, unit: c.unit, settings: .default, today: RecordConformanceTests.today, limit: 500,
                                as: c.owner)
            let on = Set(rows.map(\.patient.id))
            let others = try sqlite.read { db in
                try Int64.fetchAll(db, sql: "SELECT patient_id FROM listing WHERE unit_id = ? AND to_date IS NULL",
                                   arguments: [c.unit.rawValue])
            }.map { PatientID(rawValue: $0) }
            if let first = rows.first, let off = others.first(where: { !on.contains($0) }) {
                return (kind, first.patient.id, off)
            }
        }
        return nil
    }

    /// `RecordConformanceTests.stores`, with rows the demo leaves the cast's unit
    /// without written into the SQLite store before the copy: a discharge notice of a
    /// patient ready to leave, and rejected referrals of which the patients were not told.
    static func stores() throws -> (SQLiteStore, PostgresStore, URL, Cast) {
        let folder = try StoreCopyTests.folder()
        let path = folder.appendingPathComponent("demo.sqlite").path
        let today = RecordConformanceTests.today
        _ = try DemoGenerator.build(at: path, options: DemoOptions(patients: patients, seed: 7, today: today),
                                    force: false)
        let sqlite = try SQLiteStore.open(at: path, clock: RecordConformanceTests.clock)
        try RecordConformanceTests.addAccessRecords(sqlite)
        let c = try Cast(sqlite)
        try sqlite.write { db in
            try db.execute(sql: """
                INSERT INTO discharge_notice(patient_id, ward_unit_id, unit_id, admitted_on, expected_discharge_on,
                                             ready_on, recorded_by)
                SELECT l.patient_id, n.ward_unit_id, n.unit_id, ?, ?, ?, n.recorded_by
                  FROM listing l, (SELECT * FROM discharge_notice ORDER BY id LIMIT 1) AS n
                 WHERE l.unit_id = ? AND l.to_date IS NULL ORDER BY l.patient_id LIMIT 3
                """, arguments: [today.adding(days: -9).iso, today.adding(days: 2).iso, today.adding(days: -1).iso,
                                 c.unit.rawValue])
            try db.execute(sql: """
                DELETE FROM referral_event WHERE action = 'patient_informed'
                   AND referral_id IN (SELECT id FROM referral WHERE from_unit_id = ? AND state = 'rejected')
                """, arguments: [c.unit.rawValue])
        }
        let pg = try PostgresStore.open(location: try PG.database(), clock: RecordConformanceTests.clock)
        #expect(try StoreCopy.run(from: sqlite, to: pg).matches)
        return (sqlite, pg, folder, c)
    }

    @Test func everyListAndMarkGivesTheSameResultOrRefusalAndTheSameLogRows() throws {
        let (sqlite, pg, folder, c) = try Self.stores()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (kind, patient, off) = try #require(try Self.row(sqlite, pg, c))
        let head = try #require(try pg.accessLogHead()?.rowId)
        var refusals: Set<String> = [], empty: Set<WorkListKind> = Set(WorkListKind.allCases)
        let colleague = try Self.colleague(sqlite, c)
        for request in Self.reads(c, colleague: colleague)
            + Self.marks(c, colleague: colleague, kind: kind, patient: patient, notOnList: off) {
            let expected = ConsentAndBlockConformanceTests.Outcome { try request.run(sqlite) }
            let got = ConsentAndBlockConformanceTests.Outcome { try request.run(pg) }
            #expect(got == expected, "\(request.name)")
            switch expected {
            case .done(let text):
                if request.name.hasSuffix("for owner") || request.name.hasSuffix("wide"), text != "[]" {
                    empty.subtract(WorkListKind.allCases.filter { request.name.hasPrefix("\($0) ") })
                }
            case .refused(.refused(.rowTakenBy)): refusals.insert("row_taken")
            case .refused(.refused(.notOnWorkList)): refusals.insert("not_on_list")
            case .refused(let error): refusals.insert(ConsentAndBlockConformanceTests.kind(error))
            case .failed(let error): Issue.record("\(request.name) failed on SQLite: \(error)")
            }
        }
        #expect(empty.isEmpty, "lists without rows for the owner: \(empty.sorted { $0.rawValue < $1.rawValue })")
        let sqliteRows = try RecordConformanceTests.sqliteLogRows(sqlite, after: head)
        let pgRows = try pg.accessLogRows(after: head, limit: 100_000)
        #expect(pgRows == sqliteRows)
        #expect(sqliteRows.contains { $0.content.detail.hasPrefix(WorkListClaimRules.takeDetail(kind)) })
        #expect(sqliteRows.contains { $0.content.detail.hasPrefix(WorkListClaimRules.handledDetail(kind)) })
        guard case .intact = try pg.verifyAccessLog() else {
            Issue.record("the log on PostgreSQL does not verify")
            return
        }
        for refusal in ["row_taken", "not_on_list", "not_found", "unknown_staff", "inactive_user", "not_for_role",
                        "no_relationship", "too_long"] {
            #expect(refusals.contains(refusal), "no refusal \(refusal): \(refusals.sorted())")
        }
    }
}
