/// Spärr: the patient has blocked a unit from what other units recorded (Patientdatalagen
/// 4 kap 4 §). Active until lifted; the blocked unit still sees its own entries.
public struct UnitBlock: Hashable, Sendable, Codable, Identifiable {
    public var id: RecordID
    public var patientId: PatientID
    public var unitId: UnitID
    public var from: LocalDate
    public var to: LocalDate?
    public var reason: String
    public var createdBy: StaffID

    public init(id: RecordID, patientId: PatientID, unitId: UnitID, from: LocalDate, to: LocalDate?, reason: String,
                createdBy: StaffID) {
        self.id = id
        self.patientId = patientId
        self.unitId = unitId
        self.from = from
        self.to = to
        self.reason = reason
        self.createdBy = createdBy
    }

    public var isActive: Bool { to == nil }
}
