/// One row of a patient list (search results, work lists): what is needed to choose a
/// patient and no more. A protected-identity patient's name is masked here; the real
/// name is only read by opening the record, which is logged.
public struct PatientSummary: Hashable, Sendable, Codable, Identifiable {
    public var id: PatientID
    public var identifier: PersonIdentifier
    /// Nil for a protected-identity patient: the UI shows "Skyddad identitet".
    public var name: String?
    public var sex: Sex
    public var birthDate: LocalDate?
    public var protectedIdentity: Bool
    public var listingUnitId: UnitID?
    public var listingUnitName: String?
    /// The named care contact at the listing unit, or another active one.
    public var namedContactName: String?

    public init(id: PatientID, identifier: PersonIdentifier, name: String?, sex: Sex, birthDate: LocalDate?,
                protectedIdentity: Bool, listingUnitId: UnitID?, listingUnitName: String?, namedContactName: String?) {
        self.id = id
        self.identifier = identifier
        self.name = name
        self.sex = sex
        self.birthDate = birthDate
        self.protectedIdentity = protectedIdentity
        self.listingUnitId = listingUnitId
        self.listingUnitName = listingUnitName
        self.namedContactName = namedContactName
    }
}

/// Everything about one patient that the overview and continuity screens show, read in
/// one transaction through the logging door.
public struct PatientRecord: Hashable, Sendable {
    public var patient: Patient
    /// Newest first; the active one (no end) is first when there is one.
    public var listings: [Listing]
    /// Active and ended named contacts, named GP included, newest first.
    public var contacts: [CareContact]
    public var problems: [Problem]
    /// Oldest first.
    public var encounters: [Encounter]
    public var referrals: [Referral]
    public var plans: [CoordinatedPlan]
    public var discharges: [HospitalDischarge]
    /// Every staff member and unit the record mentions, for names and professions.
    public var staff: [StaffID: Staff]
    public var units: [UnitID: CareUnit]
    /// Set when the patient has blocked the reader's unit (spärr): the record then holds
    /// only what was recorded at that unit.
    public var restrictedTo: UnitID?

    public init(patient: Patient, listings: [Listing], contacts: [CareContact], problems: [Problem],
                encounters: [Encounter], referrals: [Referral], plans: [CoordinatedPlan],
                discharges: [HospitalDischarge], staff: [StaffID: Staff], units: [UnitID: CareUnit]) {
        self.patient = patient
        self.listings = listings
        self.contacts = contacts
        self.problems = problems
        self.encounters = encounters
        self.referrals = referrals
        self.plans = plans
        self.discharges = discharges
        self.staff = staff
        self.units = units
    }

    public func activeListing(on date: LocalDate) -> Listing? { listings.first { $0.isActive(on: date) } }

    public func activeContacts(on date: LocalDate, role: ContactRole? = nil) -> [CareContact] {
        contacts.filter { $0.isActive(on: date) && (role == nil || $0.role == role) }
    }
}

extension PatientRecord {
    /// What a blocked unit may see: only entries made at the unit itself. Problems carry
    /// no unit, so none is shown; the listing is administrative and stays.
    public func restricted(to unit: UnitID) -> PatientRecord {
        var r = self
        r.encounters = encounters.filter { $0.unitId == unit }
        r.contacts = contacts.filter { $0.unitId == unit }
        r.referrals = referrals.filter { $0.fromUnitId == unit || $0.toUnitId == unit }
        r.plans = plans.filter { $0.unitIds.contains(unit) }
        r.discharges = discharges.filter { $0.unitId == unit }
        r.problems = []
        r.restrictedTo = unit
        return r
    }
}
