import Foundation

/// What the command line needs of a store beyond the screens: keys, the log's integrity,
/// reports, exchange. Every kind of store implements all of it, so a command never
/// names one; a file store's own tools (backup, restore) are the only exception.

/// The SSH keys that say who a session is (`nara ssh`). Directory data, not patient data.
public protocol StaffKeyStore: Sendable {
    func addStaffKey(_ key: SSHPublicKey, for staff: StaffID) throws
    func staffKeyOwner(_ key: SSHPublicKey) throws -> StaffID?
    func staffKeys(staff: StaffID) throws -> [StaffKey]
    func allStaffKeys() throws -> [StaffKey]
    func staffKeyCounts() throws -> [StaffID: Int]
}

/// The access log's chain and the store's own soundness, for `nara audit` and `nara check`.
public protocol AuditStore: Sendable {
    /// Re-hashes every row in id order: the whole chain holds, or the first row where it does not.
    func verifyAccessLog() throws -> AccessLogVerification
    /// The newest row's id and hash; nil for an empty log.
    func accessLogHead() throws -> (rowId: Int64, hash: String)?
    /// One row's stored hash, for checking an anchor; nil when the row is not there.
    func accessLogHash(row id: Int64) throws -> String?
    /// The database's own consistency check; empty when sound.
    func integrityProblems() throws -> [String]
    /// Rows per table.
    func counts() throws -> [(table: String, rows: Int)]
    /// "N YYYY-MM-DD" when an upgrade ended N blocks of the earlier kind; nil otherwise.
    func legacyBlocksEnded() throws -> String?
    /// Where the store is, for messages: a file path, or a database address without its password.
    var location: String { get }
}

extension AccessLogStore {
    /// Every log row about one patient, oldest first, for a log extract (loggutdrag).
    public func accessLogExtract(patient: PatientID, action: AccessAction = .export,
                                 as context: AccessContext) throws -> [AccessLogEntry] {
        try accessLog(patient: patient, limit: Int.max, action: action, as: context).reversed()
    }
}

/// Figures over many patients that name none of them.
public protocol ReportStore: Sendable {
    func continuityOverview(today: LocalDate, months: Int, minimumEncounters: Int,
                            as context: AccessContext) throws -> ContinuityOverview
    func reformReport(unit: UnitID, today: LocalDate, months: Int, scope: ContinuityScope,
                      as context: AccessContext) throws -> ReformReport
    /// The unit's care requests registered from `from` to `to`, for the guarantee report.
    func careRequestsForReport(unit: UnitID, from: LocalDate, to: LocalDate,
                               as context: AccessContext) throws -> [CareRequest]
}

/// FHIR exchange batches in and out, through the door.
public protocol ExchangeStore: Sendable {
    func exportBatch(patient: PatientID?, as context: AccessContext, detail: String) throws -> ExchangeBatch
    func importBatch(_ batch: ExchangeBatch, source: String, as context: AccessContext, dryRun: Bool,
                     progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> ExchangeSummary
}

/// A hospital's notices about a stay (inskrivning, utskrivningsklar, utskrivning).
public protocol DischargeNoticeStore: Sendable {
    func recordAdmissionNotice(_ patient: PatientID, ward: UnitID, admittedOn: LocalDate,
                               expectedDischargeOn: LocalDate?, as context: AccessContext) throws -> DischargeNotice
    func recordReadyForDischarge(_ patient: PatientID, ward: UnitID, readyOn: LocalDate,
                                 as context: AccessContext) throws -> DischargeNotice
    func recordDischargeOfNotice(_ patient: PatientID, ward: UnitID, dischargedOn: LocalDate,
                                 as context: AccessContext) throws -> DischargeNotice
    func dischargeNotices(of patient: PatientID, as context: AccessContext) throws -> [DischargeNotice]
}

/// The statements a store sends while `body` runs, in order: what the statement budgets
/// and `nara bench` count. On a server each is a round trip.
public protocol StatementRecording: Sendable {
    func recordingStatements<T>(_ body: () throws -> T) throws -> (result: T, statements: [String])
}

extension StatementRecording {
    /// The statements `body` sends besides BEGIN, COMMIT and ROLLBACK: what a statement
    /// budget counts, since a server-side function needs no transaction statements of its own.
    public func countingWork<T>(_ body: () throws -> T) throws -> (result: T, statements: [String]) {
        let (result, all) = try recordingStatements(body)
        return (result, all.filter { sql in
            !["BEGIN", "COMMIT", "ROLLBACK"].contains { sql.uppercased().hasPrefix($0) }
        })
    }
}

/// Random samples of what is stored, for `nara bench` to measure with. Identifiers and
/// names leave the store here without a log row: only the benchmark, on a demo store or
/// a copy, asks.
public protocol BenchmarkSampling: Sendable {
    func patientCount() throws -> Int
    /// Stored identifiers of random patients anywhere in the store.
    func randomIdentifiers(count: Int) throws -> [String]
    /// Stored identifiers of random patients listed at `unit`, whose records a member of
    /// that unit may open without emergency access.
    func listedIdentifiers(at unit: UnitID, count: Int) throws -> [String]
    /// The search names of random patients.
    func randomSearchNames(count: Int) throws -> [String]
    /// The commonest first two letters of a family name: a search with many hits.
    func commonNamePrefix() throws -> String
    /// The baseline the identifier lookup is held to: the bare statement, prepared once on
    /// a connection of its own. `body` gets the lookup.
    func withRawIdentifierLookup<T>(_ body: ((String) throws -> Int64?) throws -> T) throws -> T
}
