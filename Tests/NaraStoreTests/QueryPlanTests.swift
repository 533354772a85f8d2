import Foundation
import GRDB
import GRDBSQLite
import NaraDomain
import Testing
@testable import NaraStore

/// No screen's read walks a whole table of patient data. A statement budget keeps the
/// round trips few; this keeps each one small: on a region's 300,000 patients, one scan
/// of the named contacts cost Mina patienter a quarter of its time (BENCHMARKS.md).
///
/// Every statement the screens' reads send is planned by SQLite (`EXPLAIN QUERY PLAN`,
/// with the parameters unbound). No step of a plan may be a `SCAN` of a table, except of
/// the directory's (units, providers, staff), read whole by design, and of the log for
/// its head, its last row.
@Suite struct QueryPlanTests {
    static let readWhole: Set<String> = ["care_unit", "care_provider", "staff"]

    @Test func theScreensReadsSeekAndNeverScanPatientData() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try StatementBudgetTests.myPatients(f, 1...5)
        let nurse = StatementBudgetTests.session()
        let patients = try f.store.myPatients(limit: 100, as: nurse).map(\.patient.id)
        #expect(patients.count == 5)
        for patient in patients {
            let r = try f.store.createReferral(NewReferral(patientId: patient, fromUnitId: StoreFixture.vc,
                                                           toUnitId: StoreFixture.cardiology, priority: .routine,
                                                           question: "Bedömning"), at: f.at(2026, 11, 1), as: f.nurse)
            _ = try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: f.at(2026, 11, 1),
                                          comment: "", as: f.nurse)
        }
        let sent = try f.store.recordingStatements {
            let who = StatementBudgetTests.session()
            _ = try f.store.myPatients(limit: 100, as: who)
            _ = try f.store.workListCounts(unit: StoreFixture.vc, settings: .default, today: f.today, as: who)
            _ = try f.store.workList(.withoutNamedGP, unit: StoreFixture.vc, settings: .default, today: f.today,
                                     limit: 100, as: who)
            for box in ReferralBox.allCases {
                _ = try f.store.referrals(box: box, unit: StoreFixture.vc, includeClosed: false, limit: 500, as: who)
            }
            _ = try f.store.openCareRequests(callbacks: false, limit: 500, as: who)
            _ = try f.store.openTasks(limit: 500, as: who)
            _ = try f.store.plannedContacts(from: f.today.adding(days: -14), limit: 500, as: who)
            _ = try f.store.patientNews(since: f.at(2026, 11, 1), limit: 500, as: who)
            _ = try f.store.openRecord(patients[0], as: who)
            _ = try f.store.searchPatients("test", limit: 50, as: who)
        }.statements
        let reads = sent.filter { $0.hasPrefix("SELECT") || $0.hasPrefix("WITH") }
        #expect(reads.count >= 30, "\(reads.count) reads recorded")
        let scans = try f.store.read { db in
            let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            return try reads.flatMap { sql -> [String] in
                let plan = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
                let count = Int(sqlite3_bind_parameter_count(plan.sqliteStatement))
                plan.setUncheckedArguments(StatementArguments(Array(repeating: nil as Int?, count: count)))
                var scans = try Row.fetchAll(plan).map { $0["detail"] as String }.filter { detail in
                    guard let match = detail.firstMatch(of: /^SCAN (\w+)/), !detail.contains("VIRTUAL TABLE INDEX")
                    else { return false }
                    return tables.contains(String(match.1)) && !Self.readWhole.contains(String(match.1))
                }
                // The log's head is its last row, read backwards from the end.
                for _ in sql.ranges(of: LogHead.sql) {
                    if let head = scans.firstIndex(of: "SCAN access_log") { scans.remove(at: head) }
                }
                return scans.map { "\($0)\n  in \(sql)" }
            }
        }
        #expect(scans.isEmpty, "\(scans.joined(separator: "\n"))")
    }
}
