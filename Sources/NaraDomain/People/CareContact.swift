/// What kind of named contact an assignment is.
public enum ContactRole: String, CaseIterable, Sendable, Codable {
    /// Fast vårdkontakt (Patientlagen 6 kap 2 §): coordinates the patient's care at a unit.
    case careContact = "care_contact"
    /// Fast läkarkontakt (Patientlagen 6 kap 3 §): the named doctor at the listing unit.
    case namedPhysician = "named_physician"
}

/// A named person responsible for a patient at a unit for a period. A patient may have
/// several care contacts (one per unit) and one named GP; ended ones stay as history.
public struct CareContact: Hashable, Sendable, Codable, Identifiable {
    public var id: RecordID
    public var patientId: PatientID
    public var role: ContactRole
    public var staffId: StaffID
    public var unitId: UnitID
    public var reason: String
    public var from: LocalDate
    public var to: LocalDate?
    public var endReason: String?
    /// Who took over, when the contact ended because another was appointed.
    public var replacedBy: StaffID?
    /// The unit the patient listed at instead, when a named GP ended with the listing.
    public var endedByListing: UnitID?
    /// Bumped on every change; a save with an older version is a conflict.
    public var version: Int
    /// Set when it was registered in error: kept in the history, never active.
    public var annulment: Annulment?

    public init(id: RecordID, patientId: PatientID, role: ContactRole, staffId: StaffID, unitId: UnitID,
                reason: String, from: LocalDate, to: LocalDate? = nil, endReason: String? = nil, version: Int = 1,
                annulment: Annulment? = nil) {
        self.annulment = annulment
        self.id = id
        self.patientId = patientId
        self.role = role
        self.staffId = staffId
        self.unitId = unitId
        self.reason = reason
        self.from = from
        self.to = to
        self.endReason = endReason
        self.version = version
    }

    public func isActive(on date: LocalDate) -> Bool {
        annulment == nil && from <= date && (to.map { date < $0 } ?? true)
    }
}

extension CareContact {
    /// How far ahead a named contact may be appointed: a new nurse starting next month,
    /// not a guess about next year. Further ahead, a contact would show as appointed for
    /// months before it means anything.
    public static let maximumDaysAhead = 31
}
