/// A unit taking part in a coordinated plan; the principal comes from the unit.
public struct PlanParticipant: Hashable, Sendable, Codable {
    public var unitId: UnitID
    /// What the unit does in the plan ("hemsjukvård", "biståndshandläggare").
    public var role: String

    public init(unitId: UnitID, role: String) {
        self.unitId = unitId
        self.role = role
    }
}

/// SIP, samordnad individuell plan (SoL 2 kap 7 §, HSL 16 kap 4 §): agreed by region and
/// municipality when a person needs both.
public struct CoordinatedPlan: Hashable, Sendable, Codable, Identifiable {
    public var id: RecordID
    public var patientId: PatientID
    public var responsibleUnitId: UnitID
    public var participants: [PlanParticipant]
    public var goal: String
    public var agreedOn: LocalDate
    public var followUpOn: LocalDate?
    public var closedOn: LocalDate?
    public var version: Int
    /// The day the person consented to the plan (HSL 16 kap 4 §). Without it the plan is
    /// no care relationship for its participants.
    public var consentOn: LocalDate?
    /// Consent's form, the people, the services per principal, the responsible person
    /// and the meeting (`PlanContent`).
    public var content = PlanContent()

    public init(id: RecordID, patientId: PatientID, responsibleUnitId: UnitID, participants: [PlanParticipant],
                goal: String, agreedOn: LocalDate, followUpOn: LocalDate?, closedOn: LocalDate? = nil, version: Int = 1,
                consentOn: LocalDate? = nil) {
        self.consentOn = consentOn
        self.id = id
        self.patientId = patientId
        self.responsibleUnitId = responsibleUnitId
        self.participants = participants
        self.goal = goal
        self.agreedOn = agreedOn
        self.followUpOn = followUpOn
        self.closedOn = closedOn
        self.version = version
    }

    public var isOpen: Bool { closedOn == nil }

    /// The plan's follow-up is due and has not been done.
    public func followUpOverdue(on date: LocalDate) -> Bool {
        guard isOpen, let f = followUpOn else { return false }
        return f < date
    }

    /// Every unit in the plan, the responsible one included.
    public var unitIds: Set<UnitID> { Set(participants.map(\.unitId)).union([responsibleUnitId]) }
}
