/// A referral as the work lists see it. Whether it is overdue comes from the care
/// guarantee clock, which lives with the referral rules; the work list only ranks.
public struct ReferralFacts: Sendable, Hashable {
    public var id: RecordID
    public var state: ReferralState
    public var sentOn: LocalDate?
    /// Days past the guarantee deadline (pauses deducted); nil when not overdue.
    public var overdueDays: Int?
    /// The day the reply came; set while the referral is answered.
    public var answeredOn: LocalDate?
    /// The sending unit, and the day the receiver rejected it (while rejected).
    public var fromUnitId: UnitID?
    public var rejectedOn: LocalDate?
    /// The sender has recorded that the patient was told of the rejection.
    public var patientInformed: Bool = false

    public init(id: RecordID, state: ReferralState, sentOn: LocalDate? = nil, overdueDays: Int? = nil,
                answeredOn: LocalDate? = nil, fromUnitId: UnitID? = nil, rejectedOn: LocalDate? = nil) {
        self.fromUnitId = fromUnitId
        self.rejectedOn = rejectedOn
        self.id = id
        self.state = state
        self.sentOn = sentOn
        self.overdueDays = overdueDays
        self.answeredOn = answeredOn
    }
}

/// Everything the work-list rules may read about one patient. Plain values, so the
/// rules stay pure and the store decides how to fetch them (see `WorkListKind.needs`).
public struct WorkListPatientFacts: Sendable {
    public var patientId: PatientID
    public var birthDate: LocalDate?
    /// The listing that is active today, if any.
    public var listing: Listing?
    public var chronicProblemCount: Int
    /// Care contacts and named GPs; ended ones may be included, the rule checks the period.
    public var careContacts: [CareContact]
    /// Encounters by day and unit; a store may give only the latest at the listing unit.
    public var encounterDays: [EncounterDay]
    /// All encounters with provider and profession, for the COC of the low-continuity list.
    public var encountersForContinuity: [ContinuityEncounter]
    /// Days of encounters at primary-care units: only those follow up a discharge.
    public var primaryCareEncounterDays: [LocalDate]
    public var plans: [CoordinatedPlan]
    public var discharges: [HospitalDischarge]
    public var referrals: [ReferralFacts]
    /// The ward's notices of hospital stays (lag 2017:612), open and closed.
    public var dischargeNotices: [DischargeNotice] = []
    /// The patient has died (with or without a known day).
    public var deceased: Bool = false
    /// Lives in a residential care home (SÄBO).
    public var residentialCare: Bool = false
    /// ICD-10 codes of every diagnosis on the problem list, chronic or not.
    public var diagnosisCodes: [String] = []
    /// The latest day each part of a yearly check was measured or done.
    public var checksDone: [CheckItem: LocalDate] = [:]

    public init(patientId: PatientID, birthDate: LocalDate? = nil, listing: Listing? = nil,
                chronicProblemCount: Int = 0, careContacts: [CareContact] = [], encounterDays: [EncounterDay] = [],
                encountersForContinuity: [ContinuityEncounter] = [], primaryCareEncounterDays: [LocalDate] = [],
                plans: [CoordinatedPlan] = [], discharges: [HospitalDischarge] = [], referrals: [ReferralFacts] = []) {
        self.patientId = patientId
        self.birthDate = birthDate
        self.listing = listing
        self.chronicProblemCount = chronicProblemCount
        self.careContacts = careContacts
        self.encounterDays = encounterDays
        self.encountersForContinuity = encountersForContinuity
        self.primaryCareEncounterDays = primaryCareEncounterDays
        self.plans = plans
        self.discharges = discharges
        self.referrals = referrals
    }
}

/// One encounter's day and the unit where it took place.
public struct EncounterDay: Sendable, Hashable {
    public var day: LocalDate
    public var unitId: UnitID

    public init(_ day: LocalDate, at unitId: UnitID) {
        self.day = day
        self.unitId = unitId
    }
}
