import Foundation
import NaraDomain
import NaraLogChain
import PostgresNIO

/// A stored log row with its two hashes, in the form the chain's verifier reads.
public struct StoredAccessLogRow: Sendable, Equatable {
    public var content: AccessLogChain.Content
    public var prevHash: String
    public var hash: String
}

extension PostgresStore {
    /// Appends rows in one statement, through `nara.append_access_log`; returns each
    /// row's id and hash. In a transaction of its own; a door that writes data calls
    /// `appendAccessLog(_:in:)` last inside its transaction instead.
    @discardableResult
    public func appendAccessLog(_ rows: [AccessLogAppend]) throws -> [(id: Int64, hash: String)] {
        guard !rows.isEmpty else { return [] }
        return try client.withConnection { try Self.appendAccessLog(rows, in: $0) }
    }

    static func appendAccessLog(_ rows: [AccessLogAppend], in session: PostgresClient.Session) throws
        -> [(id: Int64, hash: String)] {
        try session.query("SELECT log_id, log_hash FROM nara.append_access_log(\(logJSON(rows))::jsonb)")
            .map { try $0.decode((Int64, String).self) }
            .map { (id: $0.0, hash: $0.1) }
    }

    /// The door's entries (patient, detail with basis, emergency) as rows of `action` at
    /// `now`, appended in one statement; none sends nothing.
    static func appendAccessLog(_ entries: [(PatientID?, (String, Bool))], context: AccessContext, action: AccessAction,
                                at now: Date, in session: PostgresClient.Session) throws {
        guard !entries.isEmpty else { return }
        _ = try appendAccessLog(entries.map { patient, logged in
            AccessLogAppend(context, patient: patient, action: action, detail: logged.0, emergency: logged.1, at: now)
        }, in: session)
    }

    /// Rows as `nara.append_access_log` takes them: a JSON array.
    static func logJSON(_ rows: [AccessLogAppend]) throws -> String {
        String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
    }

    /// Up to `limit` rows after the row `after`, in id order: the log read back as the
    /// verifier and a copy to another store need it.
    public func accessLogRows(after: Int64 = 0, limit: Int = 1000) throws -> [StoredAccessLogRow] {
        try client.withConnection { try Self.logRows(after: after, limit: limit, in: $0) }
    }

    static func logRows(after: Int64, limit: Int, in session: PostgresClient.Session) throws -> [StoredAccessLogRow] {
        try session.query("""
            SELECT \(unescaped: AccessLogChain.columns), prev_hash, hash FROM nara.access_log
             WHERE id > \(after) ORDER BY id LIMIT \(Int64(limit))
            """).map { row in
            let (id, atMs, staff, unit, patient, action, detail, address, session, emergency, reason, prev, hash) =
                try row.decode((Int64, Int64, String, String, Int64?, String, String, String?, String, Bool, String?,
                                String, String).self)
            return StoredAccessLogRow(
                content: AccessLogChain.Content(id: id, atMs: atMs, staffId: staff, unitId: unit, patientId: patient,
                                                action: action, detail: detail, clientAddress: address,
                                                sessionId: session, emergency: emergency, reason: reason),
                prevHash: prev, hash: hash)
        }
    }

    /// The newest row's id and hash, to be written down where the store's users cannot
    /// reach: it exposes a log cut off at the end, which the chain alone cannot.
    public func accessLogHead() throws -> (rowId: Int64, hash: String)? {
        try client.query("SELECT id, hash FROM nara.access_log ORDER BY id DESC LIMIT 1")
            .first.map { try $0.decode((Int64, String).self) }.map { (rowId: $0.0, hash: $0.1) }
    }

    /// Re-hashes the whole log with the shared chain code, a page at a time, in one
    /// read-only snapshot, so rows appended meanwhile neither appear half-way nor
    /// matter; the same judgement as the SQLite store's `verifyAccessLog()`.
    public func verifyAccessLog(pageSize: Int = 1000) throws -> AccessLogVerification {
        try client.withConnection { session in
            try session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? session.query("COMMIT") }
            var check = AccessLogChainCheck()
            var after: Int64 = 0
            while true {
                let page = try Self.logRows(after: after, limit: pageSize, in: session)
                for row in page {
                    if let broken = try check.next(row.content, prevHash: row.prevHash, hash: row.hash, exists: { hash in
                        try session.query("SELECT EXISTS (SELECT 1 FROM nara.access_log WHERE hash = \(hash))")
                            .first?.decode(Bool.self) ?? false
                    }) {
                        return broken
                    }
                }
                guard let last = page.last, page.count == pageSize else { return check.intact }
                after = last.content.id
            }
        }
    }
}
