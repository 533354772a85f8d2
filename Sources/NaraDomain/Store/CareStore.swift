import Foundation

/// The directory: care units and staff. Not patient data, so not logged per read.
public protocol DirectoryStore: Sendable {
    func units() throws -> [CareUnit]
    func unit(_ id: UnitID) throws -> CareUnit?
    func staff(_ id: StaffID) throws -> Staff?
    /// The staff members with these ids, in one read: a screen naming many people asks once.
    func staff(ids: Set<StaffID>) throws -> [StaffID: Staff]
    func staffList(unit: UnitID?) throws -> [Staff]
    func addUnit(_ unit: CareUnit) throws
    func addStaff(_ staff: Staff) throws
    func setStaffActive(_ id: StaffID, active: Bool) throws
}

/// Finding a patient. Results are identification only (name, identifier, age, listing
/// unit): enough to choose. A protected-identity patient is found only by the whole
/// identifier, and shown masked. A user whose roles read no patient finds no one.
public protocol PatientSearchStore: Sendable {
    /// A full or partial identifier (with or without century and separator), or the
    /// beginnings of name words ("ann lund", "öb"). At most `limit` rows, unranked.
    func searchPatients(_ query: String, limit: Int, as context: AccessContext) throws -> [PatientSummary]
    /// One patient's identification, for saying whose record a dialog is about.
    func patientSummary(_ id: PatientID, as context: AccessContext) throws -> PatientSummary?
    func patientID(for identifier: PersonIdentifier) throws -> PatientID?
}

/// Opening a patient's record (the overview): the one read every store has first. The
/// policy decides on facts read with the record, and the access-log row is written
/// before the record is returned; a refusal returns nothing and logs nothing.
public protocol PatientRecordReading: Sendable {
    func openRecord(_ id: PatientID, as context: AccessContext) throws -> PatientRecord
}

/// The one door for patient data: every call asks the access policy (roles, care
/// relationship, provider and consent, blocks) and writes an access-log row naming the
/// patient in the same transaction as the read or write. Screens never write the log.
public protocol PatientRecordStore: PatientRecordReading {
    func registerPatient(_ patient: NewPatient, listedAt unit: UnitID?, on day: LocalDate,
                         as context: AccessContext) throws -> Patient
    func setListing(_ patient: PatientID, unit: UnitID, from day: LocalDate, as context: AccessContext) throws
    /// Replaces the patient's next of kin (närstående) with `people`, in that order.
    func setNextOfKin(_ patient: PatientID, _ people: [NextOfKin], as context: AccessContext) throws
    /// Records or clears (nil) the patient's need of an interpreter.
    func setInterpreter(_ patient: PatientID, _ need: InterpreterNeed?, as context: AccessContext) throws
    /// Records whether the patient lives in residential care (SÄBO).
    func setResidentialCare(_ patient: PatientID, _ lives: Bool, as context: AccessContext) throws
    /// Records an examination of a yearly check that is no measurement (eye screening, foot exam).
    func recordCheckDone(_ patient: PatientID, item: CheckItem, on day: LocalDate,
                         as context: AccessContext) throws -> CheckDone
    /// Corrects the record of the patient's death (undone when recorded in error), with a reason.
    func correctDeath(_ patient: PatientID, deceased: Bool, on day: LocalDate?, reason: String,
                      as context: AccessContext) throws
    func addProblem(_ patient: PatientID, code: String, text: String, chronic: Bool, since: LocalDate?,
                    as context: AccessContext) throws -> Problem
    func recordEncounter(_ encounter: NewEncounter, as context: AccessContext) throws -> Encounter
    /// Ends the active contact of the same role at the same unit, if any, with `reason`.
    func assignContact(_ contact: NewCareContact, as context: AccessContext) throws -> CareContact
    func endContact(_ id: RecordID, expectedVersion: Int, on day: LocalDate, reason: String,
                    as context: AccessContext) throws -> CareContact
    /// Annuls (makulerar) an encounter or a named contact registered in error: kept in the
    /// history with `reason`, counted nowhere. Only the unit that registered it may;
    /// a contact refuses with `.conflict` when it changed since `expectedVersion`.
    func annulEncounter(_ id: RecordID, reason: String, as context: AccessContext) throws -> Encounter
    func annulContact(_ id: RecordID, expectedVersion: Int, reason: String, as context: AccessContext) throws
        -> CareContact
    func createReferral(_ referral: NewReferral, at: Date, as context: AccessContext) throws -> Referral
    /// The patients the user is fast vårdkontakt or fast läkarkontakt for today (Mina
    /// patienter), as the policy lets the user see them, each shown logged.
    func myPatients(limit: Int, as context: AccessContext) throws -> [MyPatientRow]
    /// Applies one lifecycle step; refused with `.conflict` when the referral changed
    /// after `expectedVersion` was read.
    func applyReferral(_ id: RecordID, _ action: ReferralAction, expectedVersion: Int, at: Date,
                       comment: String, as context: AccessContext) throws -> Referral
    /// Creates (id 0) or updates a plan; an update checks `plan.version`.
    func savePlan(_ plan: CoordinatedPlan, as context: AccessContext) throws -> CoordinatedPlan
    func recordDischarge(_ patient: PatientID, unit: UnitID, admittedOn: LocalDate, dischargedOn: LocalDate,
                         as context: AccessContext) throws -> HospitalDischarge
    /// A log row that names no patient: an ignored remote command, a report without identities.
    func logEvent(_ detail: String, action: AccessAction, as context: AccessContext) throws
}

/// The patient's consents and blocks (samtycke, spärr), behind the same door.
public protocol ConsentAndBlockStore: Sendable {
    func providers() throws -> [CareProvider]
    func consents(of patient: PatientID, as context: AccessContext) throws -> [Consent]
    func addConsent(_ patient: PatientID, source: ProviderID?, until: LocalDate?, as context: AccessContext) throws -> Consent
    @discardableResult
    func revokeConsent(_ patient: PatientID, source: ProviderID?, as context: AccessContext) throws -> Int
    func blocks(of patient: PatientID, as context: AccessContext) throws -> (blocks: [InformationBlock], openings: [BlockOpening])
    func addBlock(_ patient: PatientID, scope: InformationBlock.Scope, reason: String,
                  as context: AccessContext) throws -> InformationBlock
    func liftBlock(_ patient: PatientID, scope: InformationBlock.Scope, as context: AccessContext) throws
    func openBlock(_ patient: PatientID, scope: InformationBlock.Scope, for grantee: BlockOpening.Grantee, days: Int,
                   basis: BlockOpening.Basis, reason: String, as context: AccessContext) throws -> BlockOpening
}

/// Queues over many patients: a unit's referrals and the proactive work lists.
public protocol QueueStore: Sendable {
    /// The unit's inbox or outbox as the user may see it; each patient shown is logged.
    func referrals(box: ReferralBox, unit: UnitID, includeClosed: Bool, limit: Int,
                   as context: AccessContext) throws -> [ReferralListItem]
}

/// The access log, read back for extracts and review.
public protocol AccessLogStore: Sendable {
    /// A patient's log extract: for log reviewers, or for a user who may open the record;
    /// itself logged.
    /// `action` is `.read` on screen, `.export` or `.print` when it leaves the program.
    func accessLog(patient: PatientID, limit: Int, action: AccessAction, as context: AccessContext) throws -> [AccessLogEntry]
    /// Every emergency access from `from` to `to` (whole days), then `sample` other
    /// accesses drawn so that the same seed draws the same rows.
    func reviewSample(from: LocalDate, to: LocalDate, sample: Int, seed: UInt64,
                      as context: AccessContext) throws -> [AccessReviewItem]
    /// Records an administrator's review of one row; refused for one's own accesses.
    @discardableResult
    func markReviewed(logId: Int64, verdict: AccessReviewVerdict, comment: String,
                      as context: AccessContext) throws -> AccessReview
}

/// Everything the app and the commands need from a store, whichever database holds it:
/// neither screens nor commands name a kind of store.
public protocol CareStore: DirectoryStore, PatientSearchStore, PatientRecordStore, QueueStore, WorkListStore,
    AccessLogStore, DraftStore, ConsentAndBlockStore, DayStore, DischargeNoticeStore, StaffKeyStore, AuditStore,
    ReportStore, ExchangeStore, ChangeWatching, StatementRecording, BenchmarkSampling {
    var kind: StoreKind { get }
    /// The staff member a demo store runs as when no `--user` is given.
    var demoUser: StaffID? { get }
    /// Gives back what the store keeps only to be faster (page and statement caches,
    /// idle connections), for a session left alone: a server holds many of them.
    func releaseMemory()
}

/// A demo store holds synthetic people and says so on every screen; a production store
/// holds real ones and demands a known user.
public enum StoreKind: String, Sendable, Codable {
    case demo, production
}

/// The proactive work lists of a unit.
public protocol WorkListStore: Sendable {
    /// One list as the user may see it; each patient shown is logged.
    func workList(_ kind: WorkListKind, unit: UnitID, settings: WorkListSettings, today: LocalDate,
                  limit: Int, as context: AccessContext) throws -> [WorkListRow]
    /// How many patients each list would show the user; counts name nobody and are not logged.
    /// "Jag tar den": takes the patient's row on the unit's list; refused when a colleague
    /// has it. Taking a row one has already taken gives it back.
    func toggleWorkListClaim(_ kind: WorkListKind, patient: PatientID, as context: AccessContext) throws -> WorkListClaim?
    /// Marks the patient's row handled with a note, whoever had taken it.
    func markWorkListHandled(_ kind: WorkListKind, patient: PatientID, note: String,
                             as context: AccessContext) throws -> WorkListClaim
    func workListCounts(unit: UnitID, settings: WorkListSettings, today: LocalDate,
                        as context: AccessContext) throws -> [WorkListKind: Int]
}

/// One patient on a work list, with the reason they are there.
/// One of the patients a user is named contact for (Mina patienter).
public struct MyPatientRow: Hashable, Sendable {
    public var patient: PatientSummary
    public var role: ContactRole
    public var since: LocalDate
    /// The last encounter at the user's unit, if any.
    public var lastEncounter: Date?
    /// The earliest planned contact from today on, by anyone at the user's unit.
    public var nextPlanned: LocalDate?
    /// The work lists the patient is on, by the lists' own rules: what to act on.
    public var alerts: [WorkListEntry] = []
    /// COC over the work lists' window for frequent contacts, of the encounters the user
    /// may see; nil with fewer than two.
    public var coc: Double?

    public init(patient: PatientSummary, role: ContactRole, since: LocalDate, lastEncounter: Date?,
                nextPlanned: LocalDate? = nil, alerts: [WorkListEntry] = [], coc: Double? = nil) {
        self.patient = patient
        self.role = role
        self.since = since
        self.lastEncounter = lastEncounter
        self.nextPlanned = nextPlanned
        self.alerts = alerts
        self.coc = coc
    }
}

public struct WorkListRow: Hashable, Sendable {
    public var entry: WorkListEntry
    public var patient: PatientSummary
    /// Taken or handled by someone at the unit, if so.
    public var claim: WorkListClaim?

    public init(entry: WorkListEntry, patient: PatientSummary, claim: WorkListClaim? = nil) {
        self.entry = entry
        self.patient = patient
        self.claim = claim
    }
}
