import Foundation

public enum TaskPriority: String, CaseIterable, Sendable, Codable, Comparable {
    case urgent, normal, low

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: TaskPriority, b: TaskPriority) -> Bool { a.rank < b.rank }
}

/// Uppgift: something to do about a patient, written at one unit and addressed to a
/// person or a unit, with a due day, a priority, and a reply when it is done. It is
/// information documented at `unitId`: another provider reads it only with the patient's
/// consent, as any other of that unit's information.
public struct PatientTask: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var patientId: PatientID
    /// The unit that wrote the task.
    public var unitId: UnitID
    public var createdBy: StaffID
    public var createdAt: Date
    public var text: String
    public var toStaffId: StaffID?
    public var toUnitId: UnitID?
    public var due: LocalDate?
    public var priority: TaskPriority
    public var reply: String?
    public var doneAt: Date?
    public var doneBy: StaffID?

    public init(id: Int64, patientId: PatientID, unitId: UnitID, createdBy: StaffID, createdAt: Date, text: String,
                toStaffId: StaffID?, toUnitId: UnitID?, due: LocalDate?, priority: TaskPriority,
                reply: String? = nil, doneAt: Date? = nil, doneBy: StaffID? = nil) {
        self.id = id
        self.patientId = patientId
        self.unitId = unitId
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.text = text
        self.toStaffId = toStaffId
        self.toUnitId = toUnitId
        self.due = due
        self.priority = priority
        self.reply = reply
        self.doneAt = doneAt
        self.doneBy = doneBy
    }

    public var isDone: Bool { doneAt != nil }

    public func isOverdue(today: LocalDate) -> Bool { !isDone && due.map { $0 < today } ?? false }

    /// Open tasks first, then by due day (none last), priority and age.
    public static func workOrder(_ a: PatientTask, _ b: PatientTask) -> Bool {
        (a.isDone ? 1 : 0, a.due?.dayNumber ?? Int.max, a.priority, a.id)
            < (b.isDone ? 1 : 0, b.due?.dayNumber ?? Int.max, b.priority, b.id)
    }
}
