import Crypto
import Foundation
import GRDB

/// The hash chain over the access log. Triggers stop UPDATE and DELETE through SQLite,
/// but not someone who edits the file or drops the triggers; the chain makes such an
/// edit visible. Everything that decides a row's hash lives here, so that the writer,
/// the migration and the verifier cannot drift apart.
enum AccessLogChain {
    /// The `prev_hash` of the first row.
    static let genesis = String(repeating: "0", count: 64)

    /// Every column of a row except the two hash columns.
    struct Content: Sendable, Equatable {
        var id: Int64
        var atMs: Int64
        var staffId: String
        var unitId: String
        var patientId: Int64?
        var action: String
        var detail: String
        var clientAddress: String?
        var sessionId: String
        var emergency: Bool
        var reason: String?
    }

    /// The columns `content(_:)` reads, for SELECTs that feed it.
    static let columns = """
        id, at_ms, staff_id, unit_id, patient_id, action, detail, client_address, session_id, emergency, reason
        """

    static func content(_ row: Row) -> Content {
        Content(id: row["id"], atMs: row["at_ms"], staffId: row["staff_id"], unitId: row["unit_id"],
                patientId: row["patient_id"], action: row["action"], detail: row["detail"],
                clientAddress: row["client_address"], sessionId: row["session_id"],
                emergency: (row["emergency"] as Int64) != 0, reason: row["reason"])
    }

    /// Each field as `<utf8 length>:<text>`, NULL as `-`, joined by commas. The length
    /// prefix makes the encoding unambiguous whatever the text contains, and NULL can
    /// never be confused with an empty string.
    static func canonical(_ c: Content) -> String {
        func field(_ text: String?) -> String {
            guard let text else { return "-" }
            return "\(text.utf8.count):\(text)"
        }
        return [field(String(c.id)), field(String(c.atMs)), field(c.staffId), field(c.unitId),
                field(c.patientId.map { String($0) }), field(c.action), field(c.detail), field(c.clientAddress),
                field(c.sessionId), field(c.emergency ? "1" : "0"), field(c.reason)]
            .joined(separator: ",")
    }

    /// hex(SHA-256(prev_hash + "\n" + canonical content)).
    static func hash(previous: String, _ content: Content) -> String {
        let digest = SHA256.hash(data: Data((previous + "\n" + canonical(content)).utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
