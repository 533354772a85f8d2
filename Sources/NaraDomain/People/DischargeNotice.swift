/// A hospital stay as the ward's notices under lag (2017:612) tell it to the vårdcentral:
/// the admission notice (inskrivningsmeddelande), the ready-for-discharge notice
/// (utskrivningsklar) and the discharge. Each step carries a legal clock (DOMAIN.md
/// "Discharge from hospital"): a fast vårdkontakt appointed at the listing unit before
/// the patient leaves, and a coordinated individual planning (SIP) called within three
/// days of the ready notice.
public struct DischargeNotice: Hashable, Sendable, Codable, Identifiable {
    public var id: RecordID
    public var patientId: PatientID
    /// The hospital ward that sent the notices.
    public var wardUnitId: UnitID
    /// The vårdcentral that received and recorded them.
    public var unitId: UnitID
    public var admittedOn: LocalDate
    /// The day the ward expects the patient to leave, when it says.
    public var expectedDischargeOn: LocalDate?
    /// The day the ward reported the patient ready for discharge.
    public var readyOn: LocalDate?
    public var dischargedOn: LocalDate?
    public var recordedBy: StaffID
    /// The ward's name, when the store read it with the notice.
    public var wardName: String?

    public init(id: RecordID, patientId: PatientID, wardUnitId: UnitID, unitId: UnitID, admittedOn: LocalDate,
                expectedDischargeOn: LocalDate? = nil, readyOn: LocalDate? = nil, dischargedOn: LocalDate? = nil,
                recordedBy: StaffID) {
        self.id = id
        self.patientId = patientId
        self.wardUnitId = wardUnitId
        self.unitId = unitId
        self.admittedOn = admittedOn
        self.expectedDischargeOn = expectedDischargeOn
        self.readyOn = readyOn
        self.dischargedOn = dischargedOn
        self.recordedBy = recordedBy
    }

    /// The ward as staff know it: its name, else its id.
    public var ward: String { wardName ?? wardUnitId.rawValue }

    /// Days after the ready notice within which the SIP is to be called (lag 2017:612).
    public static let planCallDays = 3

    /// Still in hospital as far as the notices tell.
    public var isOpen: Bool { dischargedOn == nil }

    /// The last day to call the SIP: three days after the ready notice.
    public var planCallDue: LocalDate? { readyOn?.adding(days: Self.planCallDays) }

    /// The day by which the fast vårdkontakt must be in place: the discharge, or while the
    /// patient is still in hospital the expected discharge day; once ready, the patient may
    /// leave any day, so the ready day if it comes earlier. Nil when the ward gave no day.
    public var careContactDue: LocalDate? {
        if let dischargedOn { return dischargedOn }
        switch (expectedDischargeOn, readyOn) {
        case let (e?, r?): return min(e, r)
        case let (e?, nil): return e
        case let (nil, r?): return r
        case (nil, nil): return nil
        }
    }

    /// A plan counts as the SIP of this stay when it was agreed on or after the admission
    /// and is not closed before the ready day.
    public func isCoveredBy(_ plan: CoordinatedPlan) -> Bool {
        plan.agreedOn >= admittedOn && (plan.closedOn.map { $0 >= (readyOn ?? admittedOn) } ?? true)
    }
}
