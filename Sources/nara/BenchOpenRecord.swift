import Foundation
import NaraBench
import NaraDomain
import NaraPostgresStore

/// `nara bench --postgres STORE`: opening a record on the SQLite store and on a
/// PostgreSQL copy of it (`nara copy`), the same patients and the same user, the two
/// alternating so both see the same machine. Each open writes a log row in its store.
/// Then the referral queue (F5: inbox and outbox, open referrals, as the screen reads
/// them) the same way, each time in a new session, so each read logs every patient shown.
struct OpenRecordComparison {
    let store: any CareStore
    let postgres: PostgresStore
    let context: AccessContext
    let samples: Int

    struct Report {
        var sqlite: StoreBenchmark.Figure
        var postgres: StoreBenchmark.Figure
        var patients: Int
        var queueSQLite: StoreBenchmark.Figure
        var queuePostgres: StoreBenchmark.Figure
        /// Items in the inbox and outbox together.
        var queueItems: Int
    }

    func run() throws -> Report {
        let identifiers = try store.listedIdentifiers(at: context.unitId, count: 200)
        let ids = try identifiers.compactMap { value -> PatientID? in
            let identifier = (try? PersonIdentifier(stored: value))
                ?? PersonIdentifier(kind: .personnummer, value: value, birthDate: nil, sex: .unknown)
            return try store.patientID(for: identifier)
        }
        guard !ids.isEmpty else { throw StoreError.invalid("no patients listed at \(context.unitId) to open") }
        var onSQLite: [Double] = [], onPostgres: [Double] = []
        for i in 0..<(samples + 20) {
            let id = ids[i % ids.count]
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try store.openRecord(id, as: context)
            let t1 = DispatchTime.now().uptimeNanoseconds
            _ = try postgres.openRecord(id, as: context)
            let t2 = DispatchTime.now().uptimeNanoseconds
            if i >= 20 { // the first warm the caches and the connection
                onSQLite.append(Double(t1 - t0) / 1e9)
                onPostgres.append(Double(t2 - t1) / 1e9)
            }
        }
        let (queueSQLite, queuePostgres, items) = try queues(samples: max(20, samples / 10))
        return Report(sqlite: .init(seconds: onSQLite, factor: 1000), postgres: .init(seconds: onPostgres, factor: 1000),
                      patients: ids.count, queueSQLite: .init(seconds: queueSQLite, factor: 1000),
                      queuePostgres: .init(seconds: queuePostgres, factor: 1000), queueItems: items)
    }

    /// Both boxes read as the referral screen reads them (500 at most each), alternating.
    func queues(samples: Int) throws -> ([Double], [Double], Int) {
        var onSQLite: [Double] = [], onPostgres: [Double] = []
        var items = 0
        for i in 0..<(samples + 5) {
            var who = context
            who.sessionId = "bench-queue-\(i)"
            let t0 = DispatchTime.now().uptimeNanoseconds
            let shown = try ReferralBox.allCases.map {
                try store.referrals(box: $0, unit: who.unitId, includeClosed: false, limit: 500, as: who).count
            }
            let t1 = DispatchTime.now().uptimeNanoseconds
            for box in ReferralBox.allCases {
                _ = try postgres.referrals(box: box, unit: who.unitId, includeClosed: false, limit: 500, as: who)
            }
            let t2 = DispatchTime.now().uptimeNanoseconds
            items = shown.reduce(0, +)
            if i >= 5 {
                onSQLite.append(Double(t1 - t0) / 1e9)
                onPostgres.append(Double(t2 - t1) / 1e9)
            }
        }
        return (onSQLite, onPostgres, items)
    }
}
