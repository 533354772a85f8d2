/// Who is asking, from where, in which session: every read and write of patient data
/// takes one, so that the store's one door can write the access-log row that
/// Patientdatalagen requires in the same transaction as the data itself.
public struct AccessContext: Hashable, Sendable {
    public var staffId: StaffID
    /// The unit the user works for in this session (the "vårdenhet" of the log row).
    public var unitId: UnitID
    /// The SSH client's address, from `SSH_CONNECTION`; nil on a local terminal.
    public var clientAddress: String?
    public var sessionId: String
    /// Set when the user opened the record through emergency access (nödåtkomst).
    public var emergencyReason: String?

    public init(staffId: StaffID, unitId: UnitID, clientAddress: String? = nil,
                sessionId: String, emergencyReason: String? = nil) {
        self.staffId = staffId
        self.unitId = unitId
        self.clientAddress = clientAddress
        self.sessionId = sessionId
        self.emergencyReason = emergencyReason
    }
}

/// What a log row says was done with a patient's data.
public enum AccessAction: String, CaseIterable, Sendable, Codable {
    case read, write, export, print
}

/// One row of the access log (loggutdrag, logguppföljning).
public struct AccessLogEntry: Hashable, Sendable, Codable {
    public var id: Int64
    public var atMilliseconds: Int64
    public var staffId: StaffID
    public var unitId: UnitID
    public var patientId: PatientID?
    public var action: AccessAction
    /// What was touched ("record", "encounter 12", "referral 7: send").
    public var detail: String
    public var clientAddress: String?
    public var sessionId: String
    public var emergency: Bool
    public var reason: String?

    public init(id: Int64, atMilliseconds: Int64, staffId: StaffID, unitId: UnitID, patientId: PatientID?,
                action: AccessAction, detail: String, clientAddress: String?, sessionId: String,
                emergency: Bool, reason: String?) {
        self.id = id
        self.atMilliseconds = atMilliseconds
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
}
