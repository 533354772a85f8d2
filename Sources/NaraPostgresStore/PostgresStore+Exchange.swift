import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// FHIR exchange batches on PostgreSQL, with the SQLite store's reader and importer
/// (`ExportReader`, `ImportRun`) over the exchange's statements (`PostgresExchangeSQL`):
/// the matching, checks, summary and log rows have one owner.
///
/// An export reads in one read-only snapshot (who asks, the patients' policy facts, then
/// the store's tables a statement each), then appends its log rows: one per patient
/// exported, with the basis, and one for the batch, in one statement.
///
/// An import runs in one transaction: all of it or nothing. A patient already in the
/// store whose fields the file changes is locked first (the door's lock,
/// `PostgresDoor.swift`), so a session writing to that patient waits, and the policy
/// decides on facts read after the lock, with the rule the door asks. The log rows go in
/// the same transaction. A dry run rolls back and then logs reads of the patients whose
/// changes it shows.
extension PostgresStore: ExchangeStore {
    public func exportBatch(patient: PatientID? = nil, as context: AccessContext, detail: String) throws -> ExchangeBatch {
        let today = clock.today, now = clock.now
        let instance = try exchangeInstance()
        let (batch, grants): (ExchangeBatch, [PatientID: AccessGrant]) = try readingReport { source in
            try source.session.query("SET LOCAL search_path = nara, pg_catalog")
            let selected = patient.map { "IN (\($0.rawValue))" } ?? "IN (SELECT id FROM patient)"
            var parts = [AccessFacts.subjectPart] + AccessFacts.manyPatients(selected)
            if let patient { parts.append(TaggedRead.Part("named", "SELECT id FROM patient WHERE id = \(patient.rawValue)")) }
            let rows = try source.parts(parts, arguments: AccessFacts.values(unit: context.unitId, staff: context.staffId,
                                                                             today: today, now: now))
            let subject = try AccessFacts.subject(rows, context: context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            var facts: [Int64: PatientAccessFacts] = [:]
            if let patient {
                try Validate.patientExists(rows["named"]?.isEmpty == false, patient)
                var one = [patient.rawValue: PatientAccessFacts()]
                AccessFacts.assemble(rows, into: &one)
                _ = try SQLiteStore.granted(AccessPolicy.decide(subject, facts: one[patient.rawValue]!,
                                                                emergencyReason: context.emergencyReason,
                                                                today: today, now: now), patient: patient)
            }
            var reader = ExportReader(db: PostgresExchangeSQL(session: source.session), instance: instance)
            let whole = try reader.read(patient: patient?.rawValue)
            for id in reader.patientIds { facts[id] = PatientAccessFacts() }
            AccessFacts.assemble(rows, into: &facts)
            var grants: [PatientID: AccessGrant] = [:]
            for (id, grant) in SQLiteStore.grants(subject, facts: facts, today: today, now: now) {
                grants[PatientID(rawValue: id)] = grant
            }
            return (whole.seen(through: grants), grants)
        }
        let exported = batch.patients.map(\.value.patient.id)
        let entries: [(PatientID?, (String, Bool))] = exported.compactMap { id in
            grants[id].map { (id, SQLiteStore.logged(detail, $0)) }
        } + [(nil, ("\(detail): \(exported.count) patients", false))]
        try client.withConnection { session in
            try Self.appendAccessLog(entries, context: context, action: .export, at: now, in: session)
        }
        return batch
    }

    public func importBatch(_ batch: ExchangeBatch, source: String, as context: AccessContext, dryRun: Bool = false,
                            progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ExchangeSummary {
        let today = clock.today, now = clock.now
        let body = { (session: PostgresClient.Session) throws
            -> (summary: ExchangeSummary, entries: [(PatientID?, (String, Bool))]) in
            try session.query("SET LOCAL search_path = nara, pg_catalog")
            return try ImportRun.importing(batch, source: source, context: context,
                                           db: PostgresExchangeSQL(session: session), now: now,
                                           progress: progress) { id in
                let patient = PatientID(rawValue: id)
                try session.query("SELECT pg_advisory_xact_lock(\(Self.patientLockSpace), \(Self.patientLock(patient)))")
                let rows = try JSONRows.parts(session.query(PostgresQuery(
                    unsafeSQL: PostgresDoorSQL.read([]),
                    binds: Self.doorBinds(context, patient: patient, today: today, now: now))))
                return try Self.writeGrant(DoorRead(rows: rows, context: context, patient: patient), category: .identity,
                                           today: today, now: now)
            }
        }
        guard dryRun else {
            return try client.transaction { session in
                let (summary, entries) = try body(session)
                try Self.appendAccessLog(entries, context: context, action: .write, at: now, in: session)
                return summary
            }
        }
        let (summary, entries) = try client.withConnection { session in
            try session.query("BEGIN")
            defer { if !session.connection.isClosed { _ = try? session.query("ROLLBACK") } }
            return try body(session)
        }
        try client.withConnection { session in
            try Self.appendAccessLog(ImportRun.dryRunEntries(summary, entries), context: context, action: .read, at: now,
                                     in: session)
        }
        return summary
    }

    /// This store's name in the ids it gives exported records: made once, kept in
    /// `store_meta` (a copy takes the file's along), so two stores' ids never collide.
    func exchangeInstance() throws -> String {
        let made = String(UUID().uuidString.lowercased().prefix(8))
        return try client.query("""
            WITH made AS (INSERT INTO nara.store_meta(key, value) VALUES ('instance', \(made))
                          ON CONFLICT (key) DO NOTHING RETURNING value)
            SELECT value FROM made UNION ALL SELECT value FROM nara.store_meta WHERE key = 'instance'
            """).first!.decode(String.self)
    }
}
