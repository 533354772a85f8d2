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

/// What a log row says was done, in kinds a patient can judge: the log extract words
/// these, never the row's internal detail.
public enum LoggedActivity: String, CaseIterable, Sendable, Hashable {
    case readRecord, sawInWorkList, sawInReferralQueue, readLogExtract, reviewedLog, readConsents, readBlocks
    case registered, changedListing, wroteDiagnosis, wroteEncounter, appointedContact, endedContact
    case wroteReferral, changedPlan, wroteDischarge, recordedConsent, revokedConsent, wroteCareRequest, wroteTask
    case annulled
    case blocked, liftedBlock, openedBlock, exported, printed, other

    /// The row's kind, from the detail the door writes (`Door.swift`), oldest wordings included.
    public init(_ entry: AccessLogEntry) {
        let d = entry.detail
        func starts(_ prefixes: String...) -> Bool { prefixes.contains { d.hasPrefix($0) } }
        switch entry.action {
        case .export: self = starts("log extract") ? .readLogExtract : .exported
        case .print: self = .printed
        case .read:
            if starts("record") { self = .readRecord }
            else if starts("work list", "care requests", "callback list", "task list", "my patients") { self = .sawInWorkList }
            else if starts("tasks") { self = .readRecord }
            else if starts("referral queue") { self = .sawInReferralQueue }
            else if starts("log extract") { self = .readLogExtract }
            else if starts("log review") { self = .reviewedLog }
            else if starts("consents") { self = .readConsents }
            else if starts("blocks") { self = .readBlocks }
            else { self = .other }
        case .write:
            if starts("register patient") { self = .registered }
            else if starts("listing") { self = .changedListing }
            else if starts("problem") { self = .wroteDiagnosis }
            else if starts("encounter") { self = .wroteEncounter }
            else if starts("care_contact", "named_physician") { self = .appointedContact }
            else if starts("end ") { self = .endedContact }
            else if starts("annul ") { self = .annulled }
            else if starts("new referral", "referral") { self = .wroteReferral }
            else if starts("new coordinated plan", "coordinated plan") { self = .changedPlan }
            else if starts("discharge") { self = .wroteDischarge }
            else if starts("care request") { self = .wroteCareRequest }
            else if starts("task") { self = .wroteTask }
            else if starts("consent") { self = .recordedConsent }
            else if starts("revoke consent") { self = .revokedConsent }
            else if starts("block") { self = .blocked }
            else if starts("lift block") { self = .liftedBlock }
            else if starts("open block") { self = .openedBlock }
            else { self = .other }
        }
    }
}
