import Foundation

/// A patient to register. The store assigns the id.
public struct NewPatient: Hashable, Sendable {
    public var identifier: PersonIdentifier
    public var givenName: String
    public var familyName: String
    public var address: Address?
    public var phone: String?
    public var protectedIdentity: Bool

    public init(identifier: PersonIdentifier, givenName: String, familyName: String,
                address: Address? = nil, phone: String? = nil, protectedIdentity: Bool = false) {
        self.identifier = identifier
        self.givenName = givenName
        self.familyName = familyName
        self.address = address
        self.phone = phone
        self.protectedIdentity = protectedIdentity
    }
}

public struct NewEncounter: Hashable, Sendable {
    public var patientId: PatientID
    public var at: Date
    public var mode: EncounterMode
    public var planned: Bool
    public var staffId: StaffID
    public var unitId: UnitID
    public var reason: String

    public init(patientId: PatientID, at: Date, mode: EncounterMode, planned: Bool,
                staffId: StaffID, unitId: UnitID, reason: String) {
        self.patientId = patientId
        self.at = at
        self.mode = mode
        self.planned = planned
        self.staffId = staffId
        self.unitId = unitId
        self.reason = reason
    }
}

public struct NewCareContact: Hashable, Sendable {
    public var patientId: PatientID
    public var role: ContactRole
    public var staffId: StaffID
    public var unitId: UnitID
    public var reason: String
    public var from: LocalDate

    public init(patientId: PatientID, role: ContactRole, staffId: StaffID, unitId: UnitID, reason: String, from: LocalDate) {
        self.patientId = patientId
        self.role = role
        self.staffId = staffId
        self.unitId = unitId
        self.reason = reason
        self.from = from
    }
}

public struct NewReferral: Hashable, Sendable {
    public var patientId: PatientID
    public var fromUnitId: UnitID
    public var toUnitId: UnitID
    public var priority: ReferralPriority
    public var question: String
    public var guarantee: GuaranteeKind
    public var selfReferral: Bool

    public init(patientId: PatientID, fromUnitId: UnitID, toUnitId: UnitID, priority: ReferralPriority,
                question: String, guarantee: GuaranteeKind = .specialistVisit, selfReferral: Bool = false) {
        self.patientId = patientId
        self.fromUnitId = fromUnitId
        self.toUnitId = toUnitId
        self.priority = priority
        self.question = question
        self.guarantee = guarantee
        self.selfReferral = selfReferral
    }
}

/// Which of a unit's referrals a queue shows.
public enum ReferralBox: String, CaseIterable, Sendable, Codable {
    /// Sent to the unit (inkorg).
    case inbox
    /// Sent by the unit (utkorg).
    case outbox
}

/// One row of a referral queue, with the patient as a list shows it.
public struct ReferralListItem: Hashable, Sendable {
    public var referral: Referral
    public var patient: PatientSummary

    public init(referral: Referral, patient: PatientSummary) {
        self.referral = referral
        self.patient = patient
    }
}
