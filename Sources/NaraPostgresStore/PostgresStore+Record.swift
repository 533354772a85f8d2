import GRDB
import NaraDomain
import NaraLogChain
import NaraStore
import PostgresNIO

/// Opening a record on PostgreSQL, as the SQLite store opens one: the same parts read
/// (`RecordQuery.read`, translated by `PostgresRecordSQL`), the same decision
/// (`RecordQuery.grant`: `AccessPolicy.decide` in Swift, the one owner of the policy),
/// the same decoding (`RecordQuery.decode`), and the same log row, appended through
/// `nara.append_access_log` before the record is returned.
extension PostgresStore: PatientRecordReading {
    /// Three statements whatever the record holds, each a round trip, on one connection:
    ///
    /// 1. who asks (the staff row and the provider of the unit worked at), the policy's
    ///    facts about the patient and every part of the record, in one snapshot, through
    ///    `nara.record_read`, whose plan the server keeps (`RegionSchemaRecordRead`);
    /// 2. the staff and units the record names (none when it names none);
    /// 3. the log row, through `nara.append_access_log` (its own transaction).
    ///
    /// A refusal is one statement and logs nothing. The record is returned only once its
    /// log row is in: an append that fails returns nothing. The directory is read after the
    /// decision, in a snapshot of its own: a name changed in between shows the new name.
    public func openRecord(_ id: PatientID, as context: AccessContext) throws -> PatientRecord {
        let today = clock.today, now = clock.now
        let binds = Self.doorBinds(context, patient: id, today: today, now: now)
        return try client.withConnection { session in
            let rows = try JSONRows.parts(session.query(PostgresQuery(unsafeSQL: RegionSchemaRecordRead.call,
                                                                      binds: binds)))
            let grant = try RecordQuery.grant(rows, patient: id, context: context, today: today, now: now)
            let parts = try RecordQuery.decode(rows)
            let (staff, units) = try Self.directory(staff: parts.staffIds, units: parts.unitIds, in: session)
            let (detail, emergency) = RecordQuery.logged(grant)
            try Self.appendAccessLog([(id, (detail, emergency))], context: context, action: .read, at: now, in: session)
            return parts.record(staff: staff, units: units).seen(through: grant)
        }
    }

    /// The staff and units with these ids, in one statement; none when there are none.
    static func directory(staff: [String], units: [String], in session: PostgresClient.Session) throws
        -> ([Staff], [CareUnit]) {
        guard !staff.isEmpty || !units.isEmpty else { return ([], []) }
        var binds = PostgresBindings()
        binds.append(staff)
        binds.append(units)
        let rows = try JSONRows.parts(session.query(PostgresQuery(unsafeSQL: PostgresRecordSQL.directory, binds: binds)))
        return ((rows["staff"] ?? []).map(Decode.staff), (rows["unit"] ?? []).map(Decode.unit))
    }
}
