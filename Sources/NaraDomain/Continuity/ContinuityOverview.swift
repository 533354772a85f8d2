
/// Continuity of care across the region for one window: per care unit over its listed
/// patients, and per staff member over the patients who have them as a named contact.
/// Counts and indices only: no patient can be told from it.
public struct ContinuityOverview: Sendable, Hashable {
    public var window: ClosedRange<LocalDate>
    public var months: Int
    /// Encounters a patient needs in the window, per profession group, to be measured.
    public var minimumEncounters: Int
    /// Units with listed patients, by name.
    public var units: [UnitContinuity]
    /// Staff members who are anyone's named care contact or named GP, by unit and name.
    public var staff: [StaffContinuity]

    public init(window: ClosedRange<LocalDate>, months: Int, minimumEncounters: Int, units: [UnitContinuity],
                staff: [StaffContinuity]) {
        self.window = window
        self.months = months
        self.minimumEncounters = minimumEncounters
        self.units = units
        self.staff = staff
    }
}

/// A unit's listed patients and the continuity of their encounters at that unit, the
/// way Primärvårdskvalitet counts it. Listings and contacts are those active on the
/// window's last day.
public struct UnitContinuity: Sendable, Hashable {
    public var unitId: UnitID
    public var unitName: String
    public var listedPatients: Int
    /// Listed patients with a named care contact (fast vårdkontakt) at this unit.
    public var withCareContact: Int
    /// Listed patients with a named GP (fast läkarkontakt) at this unit.
    public var withNamedGP: Int
    public var continuity: ContinuitySummaryByProfession

    public init(unitId: UnitID, unitName: String, listedPatients: Int, withCareContact: Int, withNamedGP: Int,
                continuity: ContinuitySummaryByProfession) {
        self.unitId = unitId
        self.unitName = unitName
        self.listedPatients = listedPatients
        self.withCareContact = withCareContact
        self.withNamedGP = withNamedGP
        self.continuity = continuity
    }
}

/// The patients for whom one staff member is the named care contact or named GP at a
/// unit, and the continuity of those patients' encounters at that unit: what a head
/// nurse asks when she wonders whether named contacts are met.
public struct StaffContinuity: Sendable, Hashable {
    public var staffId: StaffID
    public var staffName: String
    public var profession: Profession
    /// Where the assignments are (a staff member with assignments at two units has two rows).
    public var unitId: UnitID
    public var unitName: String
    /// Patients for whom they are the named care contact.
    public var careContactPatients: Int
    /// Patients for whom they are the named GP.
    public var namedGPPatients: Int
    /// Patients for whom they are either; a patient who has them as both counts once.
    public var patients: Int
    /// Of these patients' encounters at the unit in the window with the staff member's
    /// own profession group, the share that were with the staff member; nil when there
    /// were none. Pooled over encounters, so frequent attenders weigh more.
    public var ownEncounterShare: Double?
    public var continuity: ContinuitySummaryByProfession

    public init(staffId: StaffID, staffName: String, profession: Profession, unitId: UnitID, unitName: String,
                careContactPatients: Int, namedGPPatients: Int, patients: Int, ownEncounterShare: Double?,
                continuity: ContinuitySummaryByProfession) {
        self.staffId = staffId
        self.staffName = staffName
        self.profession = profession
        self.unitId = unitId
        self.unitName = unitName
        self.careContactPatients = careContactPatients
        self.namedGPPatients = namedGPPatients
        self.patients = patients
        self.ownEncounterShare = ownEncounterShare
        self.continuity = continuity
    }
}
