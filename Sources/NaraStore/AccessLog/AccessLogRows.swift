import GRDB
import NaraLogChain

/// The chain's rules live in NaraLogChain, shared with the PostgreSQL store; this store's
/// files name the chain as before.
typealias AccessLogChain = NaraLogChain.AccessLogChain

extension AccessLogChain {
    /// A row of `SELECT \(columns)` from the SQLite log, where `emergency` is 0 or 1.
    static func content(_ row: Row) -> Content {
        Content(id: row["id"], atMs: row["at_ms"], staffId: row["staff_id"], unitId: row["unit_id"],
                patientId: row["patient_id"], action: row["action"], detail: row["detail"],
                clientAddress: row["client_address"], sessionId: row["session_id"],
                emergency: (row["emergency"] as Int64) != 0, reason: row["reason"])
    }
}
