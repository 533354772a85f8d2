/// What a staff member is licensed as. Continuity is measured per profession
/// (doctors alone, nurses alone) as Primärvårdskvalitet does.
public enum Profession: String, CaseIterable, Sendable, Codable {
    case physician
    case nurse
    case districtNurse = "district_nurse"
    case assistantNurse = "assistant_nurse"
    case physiotherapist
    case occupationalTherapist = "occupational_therapist"
    case psychologist
    case counsellor
    case dietitian
    case coordinator
    case secretary
    case other

    /// The continuity group an encounter with this profession counts towards.
    public var continuityGroup: ProfessionGroup {
        switch self {
        case .physician: return .doctors
        case .nurse, .districtNurse: return .nurses
        default: return .others
        }
    }

    /// Legitimerad: may make the medical assessment of the 3-day guarantee.
    public var isLicensed: Bool {
        switch self {
        case .assistantNurse, .coordinator, .secretary, .other: return false
        default: return true
        }
    }
}

/// The groups continuity is reported for.
public enum ProfessionGroup: String, CaseIterable, Sendable, Codable {
    case doctors, nurses, others
}

/// What a person may do in the program, as opposed to what they are licensed as. What
/// each role allows is in `RoleCatalog`.
public enum StaffRole: String, CaseIterable, Sendable, Codable {
    case nurse
    case physician
    case otherLicensed = "other_licensed"
    case municipalNurse = "municipal_nurse"
    case assistantNurse = "assistant_nurse"
    case secretary
    case careCoordinator = "care_coordinator"
    case socialServices = "social_services"
    /// Manages staff and reviews logs; reads no record.
    case administrator
    case logReviewer = "log_reviewer"
}

extension Staff {
    /// What this person may do, from their roles; nothing once deactivated.
    public var rights: Set<Right> { active ? RoleCatalog.rights(roles) : [] }

    /// Meets patients: may be someone's fast vårdkontakt or the clinician of an encounter.
    public var isClinician: Bool {
        switch profession {
        case .secretary, .coordinator, .other: return false
        default: return true
        }
    }
}

public struct Staff: Hashable, Sendable, Codable, Identifiable {
    public var id: StaffID
    public var name: String
    public var profession: Profession
    public var unitId: UnitID
    public var roles: Set<StaffRole>
    /// HSA-id of the person, when known.
    public var hsaId: String?
    public var active: Bool

    public init(id: StaffID, name: String, profession: Profession, unitId: UnitID,
                roles: Set<StaffRole> = [], hsaId: String? = nil, active: Bool = true) {
        self.id = id
        self.name = name
        self.profession = profession
        self.unitId = unitId
        self.roles = roles
        self.hsaId = hsaId
        self.active = active
    }
}
