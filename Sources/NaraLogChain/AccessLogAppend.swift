import Foundation
import NaraDomain

/// A row for the log, as the door hands it over: everything but the id and the two
/// hashes, which the database's append function decides.
public struct AccessLogAppend: Sendable, Equatable, Encodable {
    public var atMs: Int64
    public var staffId: String
    public var unitId: String
    public var patientId: Int64?
    public var action: String
    public var detail: String
    public var clientAddress: String?
    public var sessionId: String
    public var emergency: Bool
    public var reason: String?

    public init(atMs: Int64, staffId: String, unitId: String, patientId: Int64?, action: String, detail: String,
                clientAddress: String?, sessionId: String, emergency: Bool, reason: String?) {
        self.atMs = atMs
        self.staffId = staffId
        self.unitId = unitId
        self.patientId = patientId
        self.action = action
        self.detail = detail
        self.clientAddress = clientAddress
        self.sessionId = sessionId
        self.emergency = emergency
        self.reason = reason
    }

    /// The row for an access, cleaned and cut to the log's limits: one rule for every
    /// store, so that they log alike.
    public init(_ context: AccessContext, patient: PatientID?, action: AccessAction, detail: String,
                emergency: Bool = false, at date: Date) {
        self.init(atMs: Int64((date.timeIntervalSince1970 * 1000).rounded()), staffId: context.staffId.rawValue,
                  unitId: context.unitId.rawValue, patientId: patient?.rawValue, action: action.rawValue,
                  detail: String(CleanText.line(detail).prefix(500)),
                  clientAddress: context.clientAddress.map { String(CleanText.line($0).prefix(100)) },
                  sessionId: String(context.sessionId.prefix(64)), emergency: emergency,
                  reason: emergency ? context.emergencyReason.map { CleanText.line($0) } : nil)
    }

    /// The chained row's content, once the store has given it its id.
    public func content(id: Int64) -> AccessLogChain.Content {
        AccessLogChain.Content(id: id, row: self)
    }

    enum CodingKeys: String, CodingKey {
        case atMs = "at_ms", staffId = "staff_id", unitId = "unit_id", patientId = "patient_id", action, detail
        case clientAddress = "client_address", sessionId = "session_id", emergency, reason
    }
}
