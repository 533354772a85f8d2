import Crypto
import Foundation

/// The hash chain over the access log. Triggers stop UPDATE and DELETE through the
/// database, but not someone who edits its files or drops the triggers; the chain makes
/// such an edit visible. Everything that decides a row's hash lives here, so that the
/// writers, the migrations and the verifier of every store cannot drift apart. The
/// PostgreSQL store's append function computes the same text server-side; its tests
/// hold the two to the same hashes.
public enum AccessLogChain {
    /// The `prev_hash` of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// Every column of a row except the two hash columns: its id and the row as it was
    /// appended (`AccessLogAppend`), whose fields read through, as `content.detail`.
    @dynamicMemberLookup
    public struct Content: Sendable, Equatable {
        public var id: Int64
        public var row: AccessLogAppend

        public init(id: Int64, row: AccessLogAppend) {
            self.id = id
            self.row = row
        }

        public init(id: Int64, atMs: Int64, staffId: String, unitId: String, patientId: Int64?, action: String,
                    detail: String, clientAddress: String?, sessionId: String, emergency: Bool, reason: String?) {
            self.init(id: id, row: AccessLogAppend(atMs: atMs, staffId: staffId, unitId: unitId, patientId: patientId,
                                                   action: action, detail: detail, clientAddress: clientAddress,
                                                   sessionId: sessionId, emergency: emergency, reason: reason))
        }

        public subscript<T>(dynamicMember field: WritableKeyPath<AccessLogAppend, T>) -> T {
            get { row[keyPath: field] }
            set { row[keyPath: field] = newValue }
        }
    }

    /// The columns a row's content is read from, in `Content`'s order, for SELECTs
    /// that feed it (the same names in every store).
    public static let columns = """
        id, at_ms, staff_id, unit_id, patient_id, action, detail, client_address, session_id, emergency, reason
        """

    /// Each field as `<utf8 length>:<text>`, NULL as `-`, joined by commas. The length
    /// prefix makes the encoding unambiguous whatever the text contains, and NULL can
    /// never be confused with an empty string.
    public static func canonical(_ c: Content) -> String {
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
    public static func hash(previous: String, _ content: Content) -> String {
        let digest = SHA256.hash(data: Data((previous + "\n" + canonical(content)).utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
