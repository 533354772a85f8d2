/// What a fact about a patient is, for deciding who may read or write it
/// (HSLF-FS 2016:40 4 kap 2 §: access is given by need, role by role).
public enum InformationCategory: String, CaseIterable, Sendable, Hashable, Codable {
    /// Name, identifier, address, phone, listing: what finding and registering a patient needs.
    case identity
    /// Named contacts, coordinated plans, the course of referrals (units, states, dates).
    case coordination
    /// Diagnoses, encounters, discharges, the text of referrals and replies.
    case clinical
}

/// One thing a role allows. A role is a set of these (`RoleCatalog`).
public enum Right: String, CaseIterable, Sendable, Hashable, Codable {
    case readIdentity = "read_identity"
    case writeIdentity = "write_identity"
    case readCoordination = "read_coordination"
    case writeCoordination = "write_coordination"
    case readClinical = "read_clinical"
    case writeClinical = "write_clinical"
    /// Records a patient's consent and blocks (samtycke, spärr) and temporary liftings.
    case consentAndBlocks = "consent_and_blocks"
    /// Nödåtkomst: may open, with a stated reason, what no care relationship opens.
    case emergencyAccess = "emergency_access"
    /// Staff, units and keys; no patient information.
    case administration
    /// Logguppföljning and log extracts for patients who ask.
    case logReview = "log_review"

    public static func read(_ category: InformationCategory) -> Right {
        switch category {
        case .identity: return .readIdentity
        case .coordination: return .readCoordination
        case .clinical: return .readClinical
        }
    }

    public static func write(_ category: InformationCategory) -> Right {
        switch category {
        case .identity: return .writeIdentity
        case .coordination: return .writeCoordination
        case .clinical: return .writeClinical
        }
    }

    /// Rights that read or write something about a patient.
    public static let patientRights: Set<Right> = [.readIdentity, .writeIdentity, .readCoordination,
                                                   .writeCoordination, .readClinical, .writeClinical]
}

/// A role and what it may do: the needs-and-risk analysis of HSLF-FS 2016:40 4 kap 2 §
/// written down once. Every check in the program reads it from here, and
/// `nara staff roles` prints it.
public struct RoleDefinition: Sendable, Hashable {
    public var role: StaffRole
    public var swedishName: String
    public var englishName: String
    public var rights: Set<Right>
}

public enum RoleCatalog {
    private static let care: Set<Right> = [.readIdentity, .writeIdentity, .readCoordination, .writeCoordination,
                                           .readClinical, .writeClinical, .consentAndBlocks, .emergencyAccess]

    /// Every role the program knows, in the order `nara staff roles` lists them.
    public static let all: [RoleDefinition] = [
        RoleDefinition(role: .physician, swedishName: "Läkare", englishName: "Physician", rights: care),
        RoleDefinition(role: .nurse, swedishName: "Sjuksköterska", englishName: "Nurse", rights: care),
        RoleDefinition(role: .otherLicensed, swedishName: "Annan legitimerad", englishName: "Other licensed clinician",
                       rights: care),
        RoleDefinition(role: .municipalNurse, swedishName: "Kommunsjuksköterska", englishName: "Municipal nurse",
                       rights: care),
        // Reads and documents the care she gives; no emergency access, which needs a licence.
        RoleDefinition(role: .assistantNurse, swedishName: "Undersköterska", englishName: "Assistant nurse",
                       rights: [.readIdentity, .readCoordination, .readClinical, .writeClinical]),
        // Registers and finds patients, receives and books referrals; reads no diagnoses.
        RoleDefinition(role: .secretary, swedishName: "Medicinsk sekreterare", englishName: "Medical secretary",
                       rights: [.readIdentity, .writeIdentity, .readCoordination, .writeCoordination,
                                .consentAndBlocks]),
        // Vårdsamordnare without a licence: named contacts, plans, the course of referrals.
        RoleDefinition(role: .careCoordinator, swedishName: "Vårdsamordnare", englishName: "Care coordinator",
                       rights: [.readIdentity, .readCoordination, .writeCoordination]),
        // Social services is no health-care provider under Patientdatalagen: it finds the
        // person and cooperates through the SIP, and reads no health record.
        RoleDefinition(role: .socialServices, swedishName: "Socialtjänst", englishName: "Social services",
                       rights: [.readIdentity]),
        RoleDefinition(role: .administrator, swedishName: "Systemansvarig", englishName: "Administrator",
                       rights: [.administration, .logReview]),
        RoleDefinition(role: .logReviewer, swedishName: "Logg-granskare", englishName: "Log reviewer",
                       rights: [.logReview]),
    ]

    public static func definition(_ role: StaffRole) -> RoleDefinition? { all.first { $0.role == role } }

    /// What a person with these roles may do.
    public static func rights(_ roles: Set<StaffRole>) -> Set<Right> {
        roles.reduce(into: Set<Right>()) { $0.formUnion(definition($1)?.rights ?? []) }
    }
}
