/// How the person consented to the coordinated plan (HSL 16 kap 4 §): the plan needs it.
public enum PlanConsentForm: String, CaseIterable, Sendable, Codable {
    case written, oral
}

/// Someone taking part in a SIP by name: the patient, a next of kin, or a member of
/// staff at a unit.
public struct PlanPerson: Hashable, Sendable, Codable {
    public enum Role: String, CaseIterable, Sendable, Codable {
        case patient
        case nextOfKin = "next_of_kin"
        case staff
    }

    public var role: Role
    public var name: String
    /// The staff member and the unit they take part for; nil for the patient and next of kin.
    public var staffId: StaffID?
    public var unitId: UnitID?

    public init(role: Role, name: String, staffId: StaffID? = nil, unitId: UnitID? = nil) {
        self.role = role
        self.name = name
        self.staffId = staffId
        self.unitId = unitId
    }
}

/// What one principal does in the plan: "hemsjukvård två gånger dagligen" by the
/// municipality, "läkemedelsgenomgång" by the region.
public struct PlanService: Hashable, Sendable, Codable {
    public var principal: Principal
    public var text: String

    public init(principal: Principal, text: String) {
        self.principal = principal
        self.text = text
    }
}

/// The content of a SIP beyond its goal and dates: consent, who takes part, the services
/// per principal, who holds the overall responsibility and when the planning meeting is.
public struct PlanContent: Hashable, Sendable, Codable {
    public var consentForm: PlanConsentForm?
    public var meetingOn: LocalDate?
    public var people: [PlanPerson]
    public var services: [PlanService]
    /// The person with the overall responsibility, at the responsible unit.
    public var responsibleStaffId: StaffID?

    public init(consentForm: PlanConsentForm? = nil, meetingOn: LocalDate? = nil, people: [PlanPerson] = [],
                services: [PlanService] = [], responsibleStaffId: StaffID? = nil) {
        self.consentForm = consentForm
        self.meetingOn = meetingOn
        self.people = people
        self.services = services
        self.responsibleStaffId = responsibleStaffId
    }

    /// Whether the patient takes part in person, as the plan is to be made with them.
    public var patientTakesPart: Bool { people.contains { $0.role == .patient } }
    public var nextOfKin: [PlanPerson] { people.filter { $0.role == .nextOfKin } }
    public func services(of principal: Principal) -> [PlanService] { services.filter { $0.principal == principal } }
}
