import Foundation
import GRDB
import NaraDomain
import NaraLogChain
import NaraStore
import PostgresNIO

/// The one door for a patient's information on PostgreSQL, as `Door.swift` is on SQLite:
/// the policy is asked on facts read with the work (the SQLite parts, translated by
/// `PostgresRecordSQL`), with the same functions the SQLite store asks, and the log row
/// naming the patient goes in with the work, so that either both are in or neither is.
///
/// PostgreSQL has many writers where SQLite has one: a write first takes a
/// transaction-scoped advisory lock on the patient, so two writers to one patient (a
/// block added while another session writes) follow one another, each deciding on facts
/// read after the other committed.
extension PostgresStore {
    /// What the door read in one statement: who asks, whether the patient exists, the
    /// policy's facts about the patient, and the caller's own parts.
    struct DoorRead {
        let rows: [String: [Row]]
        let context: AccessContext
        let patient: PatientID

        /// Who asks; refused when no such user works at the unit.
        func subject() throws -> AccessSubject { try AccessFacts.subject(rows, context: context) }

        /// The policy's facts about the patient; refused when there is no such patient.
        func facts() throws -> PatientAccessFacts {
            try Validate.patientExists(rows["patient"]?.isEmpty == false, patient)
            return AccessFacts.assemble(rows)
        }

        /// The first row of a part, nil when it has none.
        func first(_ part: String) -> Row? { rows[part]?.first }
    }

    /// A write's one data-modifying statement (with RETURNING), what its log row says,
    /// and how the rows it returns make the caller's result. The result may still refuse:
    /// the transaction, log row and all, is then rolled back. `then` is a second
    /// data-modifying statement over the first's rows (`FROM work`, without binds of its
    /// own), for a change that writes two tables in the same statement; `more` are further
    /// ones, for a change that writes more tables still.
    struct DoorWork<T> {
        var query: PostgresQuery
        var logged: (String, Bool)
        var then: String? = nil
        /// Further data-modifying statements, `more_0`, `more_1`…, over the query's own
        /// binds (`PostgresWorkBinds`), each free to name `work`, `then_` and the ones
        /// before it. Unnamed ones run in no set order: one that must follow another
        /// names it.
        var more: [String] = []
        /// The statement whose rows make the result: `work`, or one of `more` (`more_0`…).
        var resultOf = "work"
        /// For a log row that names what the work made: the column of the work's one row
        /// whose value stands for `PostgresStore.madeId` in the detail (a new row's id), in the
        /// same statement.
        var loggedId: String? = nil
        var result: ([Row]) throws -> T
    }

    /// Reads one patient's information: two statements, outside a transaction, each a
    /// round trip, as a record is opened (`openRecord`):
    ///
    /// 1. who asks, the patient, the policy's facts and `sql`'s own parts, in one snapshot;
    /// 2. the log row, through `nara.append_access_log`.
    ///
    /// The result is returned only once its log row is in. A refusal is one statement
    /// and logs nothing, as on SQLite. `sql` is `PostgresDoorSQL.read(_:)` of the parts.
    func readThroughDoor<T>(_ context: AccessContext, patient: PatientID, detail: String, sql: String,
                            _ body: (DoorRead) throws -> T) throws -> T {
        try readThroughDoor(context, patient: patient, detail: detail, sql: sql) { read, _ in try body(read) }
    }

    /// `readThroughDoor` for a caller that shows only what the grant lets the user see.
    func readThroughDoor<T>(_ context: AccessContext, patient: PatientID, detail: String, sql: String,
                            _ body: (DoorRead, AccessGrant) throws -> T) throws -> T {
        let today = clock.today, now = clock.now
        return try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(PostgresQuery(unsafeSQL: sql, binds: Self.doorBinds(
                context, patient: patient, today: today, now: now))))
            let grant = try RecordQuery.grant(rows, patient: patient, context: context, today: today, now: now)
            let result = try body(DoorRead(rows: rows, context: context, patient: patient), grant)
            let (text, emergency) = SQLiteStore.logged(detail, grant)
            _ = try Self.appendAccessLog([AccessLogAppend(context, patient: patient, action: .read, detail: text,
                                                          emergency: emergency, at: now)], in: session)
            return result
        }
    }

    /// Writes information about a patient: five statements, each a round trip, in one
    /// transaction on one connection:
    ///
    /// 1. BEGIN;
    /// 2. the patient's advisory lock (`patientLock`), alone, so that the facts' snapshot
    ///    is taken once it is held: in one statement with the read, the read would see the
    ///    patient as before the writer it waited for;
    /// 3. who asks, the patient, the policy's facts, `PostgresDoorSQL.named` (the unit,
    ///    provider and user the request names, `named`) and the caller's own `parts`
    ///    (PostgreSQL SQL over the same binds), in one snapshot;
    /// 4. the work and its log row, in one statement (`DoorWork`);
    /// 5. COMMIT.
    ///
    /// A refusal on what was read sends ROLLBACK instead of 4 and 5 and writes nothing:
    /// no log row, as on SQLite, whose transaction rolls back the same way. `decide` is
    /// usually the policy's grant (`writeGrant`); a write with a rule of its own (listing
    /// at one's own unit) decides its own way.
    func writeThroughDoor<Decision, T>(_ context: AccessContext, patient: PatientID,
                                       named: (unit: String?, provider: String?, staff: String?) = (nil, nil, nil),
                                       parts: [TaggedRead.Part] = [], decide: (DoorRead) throws -> Decision,
                                       _ work: (DoorRead, Decision) throws -> DoorWork<T>) throws -> T {
        let today = clock.today, now = clock.now
        var binds = Self.doorBinds(context, patient: patient, today: today, now: now)
        for value in [named.unit, named.provider, named.staff] { binds.append(value) }
        return try client.transaction { session in
            try session.query("SELECT pg_advisory_xact_lock(\(Self.patientLockSpace), \(Self.patientLock(patient)))")
            let sql = parts.isEmpty ? PostgresDoorSQL.write : PostgresDoorSQL.writing(parts)
            let read = DoorRead(rows: try JSONRows.parts(session.query(PostgresQuery(unsafeSQL: sql, binds: binds))),
                                context: context, patient: patient)
            let grant = try decide(read)
            let work = try work(read, grant)
            var query = work.query
            let (detail, emergency) = work.logged
            try query.binds.append(Self.logJSON([AccessLogAppend(context, patient: patient, action: .write,
                                                                 detail: detail, emergency: emergency, at: now)]))
            let log = "$\(query.binds.count)::jsonb"
            let entries = work.loggedId.map { column in
                "jsonb_set(\(log), '{0,detail}', to_jsonb(replace(\(log)->0->>'detail', '\(Self.madeId)', "
                    + "(SELECT \(column)::text FROM work))))"
            } ?? log
            let rows = try session.query(PostgresQuery(unsafeSQL: """
                WITH work AS (\(query.sql)),\(work.then.map { " then_ AS (\($0))," } ?? "")\(
                    work.more.enumerated().map { " more_\($0) AS (\($1))," }.joined())
                     logged AS (SELECT log_id FROM nara.append_access_log(\(entries)))
                SELECT (SELECT json_agg(w)::text FROM \(work.resultOf) w), (SELECT count(*) FROM logged)
                """, binds: query.binds))
            let (json, logged) = try rows[0].decode((String?, Int64).self)
            guard logged == 1 else { throw StoreError.unavailable("the access log took \(logged) rows for one") }
            return try work.result(JSONRows.decode(json))
        }
    }

    /// What a log row's detail says in place of the id of the row the work made
    /// (`DoorWork.loggedId`).
    static let madeId = "{made id}"

    /// The policy's answer for a write of `category` on what the door read: the rule the
    /// SQLite door asks (`SQLiteStore.writeGrant`).
    static func writeGrant(_ read: DoorRead, category: InformationCategory, grantsRelationship: Bool = false,
                           today: LocalDate, now: Date) throws -> AccessGrant {
        let subject = try read.subject()
        let facts = try read.facts()
        return try SQLiteStore.writeGrant(subject, read.context, patient: read.patient, category: category,
                                          grantsRelationship: grantsRelationship, today: today, now: now) { _ in facts }
    }

    /// The advisory locks of patients are the two-key ones with this first key: a key
    /// space apart from the one-key locks of the migrations and the log's chain.
    static let patientLockSpace: Int32 = 7_436_175

    /// A patient's second key: the id's low 32 bits. Two patients who share them only
    /// wait for each other now and then; no writer to one patient passes another.
    static func patientLock(_ patient: PatientID) -> Int32 { Int32(truncatingIfNeeded: patient.rawValue) }

    /// `$1`…`$5`: the patient and the facts' named arguments, in `PostgresRecordSQL`'s order.
    static func doorBinds(_ context: AccessContext, patient: PatientID, today: LocalDate,
                          now: Date) -> PostgresBindings {
        var values = AccessFacts.values(unit: context.unitId, staff: context.staffId, today: today, now: now)
        values["patient"] = patient.rawValue
        return PostgresRecordSQL.binds(values)
    }
}

/// The door's SQL: who asks (`AccessFacts.subjectPart`), the patient, and the patient's
/// facts (`AccessFacts.onePatient`), the SQLite parts translated, with a caller's own.
enum PostgresDoorSQL {
    static let door: [TaggedRead.Part] = ([AccessFacts.subjectPart, TaggedRead.Part("patient", """
        SELECT id FROM patient WHERE id = :patient
        """)] + AccessFacts.onePatient).map { PostgresRecordSQL.translated($0) }

    /// A read of SQLite `parts` (over `:patient`) beside the door's.
    static func read(_ parts: [TaggedRead.Part]) -> String {
        PostgresRecordSQL.union(door + parts.map { PostgresRecordSQL.translated($0) })
    }

    /// What a request names, found or not: the unit (`$6`), provider (`$7`) and user
    /// (`$8`), each NULL when it names none.
    static let named: [TaggedRead.Part] = [
        TaggedRead.Part("named_unit", "SELECT * FROM nara.care_unit WHERE id = $6::text"),
        TaggedRead.Part("named_provider", "SELECT id FROM nara.care_provider WHERE id = $7::text"),
        TaggedRead.Part("named_staff", "SELECT * FROM nara.staff WHERE id = $8::text"),
    ]

    /// The write door's read: the door's parts and `named`.
    static let write = writing([])

    /// The write door's read with a caller's own `parts`, over `$1`…`$8`.
    static func writing(_ parts: [TaggedRead.Part]) -> String { PostgresRecordSQL.union(door + named + parts) }
}
