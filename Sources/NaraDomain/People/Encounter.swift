import Foundation

public enum EncounterMode: String, CaseIterable, Sendable, Codable {
    case visit, phone, video, chat
    case homeVisit = "home_visit"
}

/// Vårdkontakt: one contact between the patient and a staff member at a unit.
public struct Encounter: Hashable, Sendable, Codable, Identifiable {
    public var id: RecordID
    public var patientId: PatientID
    public var at: Date
    public var mode: EncounterMode
    public var planned: Bool
    public var staffId: StaffID
    public var unitId: UnitID
    public var reason: String
    /// Who registered it: the signed-in user, who may have done so for `staffId`. Nil
    /// for encounters from before authors were recorded and for imported ones.
    public var authorId: StaffID?
    /// Set when it was registered in error: kept in the history, counted nowhere.
    public var annulment: Annulment?

    public init(id: RecordID, patientId: PatientID, at: Date, mode: EncounterMode, planned: Bool,
                staffId: StaffID, unitId: UnitID, reason: String, authorId: StaffID? = nil,
                annulment: Annulment? = nil) {
        self.authorId = authorId
        self.annulment = annulment
        self.id = id
        self.patientId = patientId
        self.at = at
        self.mode = mode
        self.planned = planned
        self.staffId = staffId
        self.unitId = unitId
        self.reason = reason
    }
}

/// A discharge from a hospital ward: primary care and home care must follow up
/// (lag 2017:612 om samverkan vid utskrivning).
public struct HospitalDischarge: Hashable, Sendable, Codable, Identifiable {
    public var id: RecordID
    public var patientId: PatientID
    public var unitId: UnitID
    public var admittedOn: LocalDate
    public var dischargedOn: LocalDate

    public init(id: RecordID, patientId: PatientID, unitId: UnitID, admittedOn: LocalDate, dischargedOn: LocalDate) {
        self.id = id
        self.patientId = patientId
        self.unitId = unitId
        self.admittedOn = admittedOn
        self.dischargedOn = dischargedOn
    }
}
