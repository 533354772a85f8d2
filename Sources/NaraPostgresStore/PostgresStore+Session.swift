import NaraDomain
import NaraStore

/// What a session asks of a store besides patient data: the statements an action sends,
/// and memory given back when the session is left alone.
extension PostgresStore: StatementRecording {
    /// Each statement sent while `body` runs, BEGIN and COMMIT included: on a server each
    /// is a round trip, which is what the statement budgets hold.
    public func recordingStatements<T>(_ body: () throws -> T) throws -> (result: T, statements: [String]) {
        try client.recording(body)
    }

    /// Nothing to give back: the session keeps its one connection, since it polls its
    /// change counters every tick (`ChangeWatching`), and behind PgBouncer in transaction
    /// pooling an idle client holds no server connection anyway. The client keeps no
    /// caches of its own; what the lists logged lately is a few ids.
    public func releaseMemory() {}
}

extension PostgresStore {
    /// Says what the database holds, when it says nothing yet: `nara init` on an empty
    /// database. The kind is read when a store is opened.
    public func claimKind(_ kind: StoreKind) throws {
        try client.query("""
            INSERT INTO nara.store_meta(key, value) VALUES ('kind', \(kind.rawValue)) ON CONFLICT (key) DO NOTHING
            """)
    }
}

/// The patient's record behind the door: opening it (`PostgresStore+Record.swift`), the
/// patient's own writes (`+PatientWrites`, `+PatientDetails`), contacts and annulments
/// (`+Contacts`, `+Annulments`), referrals and plans (`+Referrals`, `+Plans`), and Mina
/// patienter (`+MyPatients`).
extension PostgresStore: PatientRecordStore {}

/// Everything a session and the commands need, as the SQLite store has it.
extension PostgresStore: CareStore {}
