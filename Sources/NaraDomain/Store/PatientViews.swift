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
    /// The patient has died; the day when it is known. Lists mark the row.
    public var deceased: Bool
    public var deceasedOn: LocalDate?

    public init(id: PatientID, identifier: PersonIdentifier, name: String?, sex: Sex, birthDate: LocalDate?,
                protectedIdentity: Bool, listingUnitId: UnitID?, listingUnitName: String?, namedContactName: String?,
                deceased: Bool = false, deceasedOn: LocalDate? = nil) {
        self.id = id
        self.identifier = identifier
        self.name = name
        self.sex = sex
        self.birthDate = birthDate
        self.protectedIdentity = protectedIdentity
        self.listingUnitId = listingUnitId
        self.listingUnitName = listingUnitName
        self.namedContactName = namedContactName
        self.deceased = deceased || deceasedOn != nil
        self.deceasedOn = deceasedOn
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
    /// The ward's notices of hospital stays (lag 2017:612), the latest admission first.
    public var dischargeNotices: [DischargeNotice] = []
    /// Measurements (HbA1c, blood pressure, weight, BMI, eGFR, smoking), oldest first.
    public var observations: [Observation] = []
    /// Every staff member and unit the record mentions, for names and professions.
    public var staff: [StaffID: Staff]
    public var units: [UnitID: CareUnit]
    /// What the reader may not see: that it exists, and why.
    public var hidden: HiddenInformation = HiddenInformation()
    /// The names of the care providers, for saying whose information needs consent.
    public var providerNames: [ProviderID: String] = [:]
    /// The patient's active consents for the reader's provider to read others' information.
    public var consents: [Consent] = []
    /// What was registered in error: shown in the history, left out of `contacts` and
    /// `encounters` so that nothing counts it.
    public var annulled = AnnulledRecords()

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

/// What a record holds that its reader was not shown, so that the screen can say so:
/// a blocked entry exists, another provider's information needs consent, a role does
/// not read diagnoses.
public struct HiddenInformation: Hashable, Sendable {
    /// Entries blocked (spärrade) from the reader.
    public var blocked: Int = 0
    /// Providers whose entries need the patient's consent (or emergency access).
    public var needingConsent: Set<ProviderID> = []
    /// Kinds of information the reader's roles do not read.
    public var notForRole: Set<InformationCategory> = []

    public init() {}

    public var isEmpty: Bool { blocked == 0 && needingConsent.isEmpty && notForRole.isEmpty }

    mutating func note(_ visibility: FactVisibility, _ category: InformationCategory) {
        switch visibility {
        case .visible: break
        case .notForRole: notForRole.insert(category)
        case .blocked: blocked += 1
        case .needsConsent(let provider): needingConsent.insert(provider)
        }
    }
}

extension PatientRecord {
    /// The record as `grant` lets its subject see it: every entry is kept or left out by
    /// the one policy (`AccessGrant.visibility`), and what was left out is counted.
    public func seen(through grant: AccessGrant) -> PatientRecord {
        var r = self
        var hidden = HiddenInformation()
        func keep(_ category: InformationCategory, _ unit: UnitID?) -> Bool {
            let v = grant.visibility(category, documentedAt: unit)
            hidden.note(v, category)
            return v == .visible
        }
        r.encounters = encounters.filter { keep(.clinical, $0.unitId) }
        r.problems = problems.filter { keep(.clinical, $0.unitId) }
        r.discharges = discharges.filter { keep(.clinical, $0.unitId) }
        r.dischargeNotices = dischargeNotices.filter { keep(.coordination, $0.unitId) }
        r.observations = observations.filter { keep(.clinical, $0.unitId) }
        r.contacts = contacts.filter { keep(.coordination, $0.unitId) }
        r.annulled.encounters = annulled.encounters.filter { grant.sees(.clinical, documentedAt: $0.unitId) }
        r.annulled.contacts = annulled.contacts.filter { grant.sees(.coordination, documentedAt: $0.unitId) }
        r.plans = plans.filter { keep(.coordination, grant.documentingUnit(of: $0)) }
        r.referrals = referrals.compactMap { referral in
            guard keep(.coordination, grant.documentingUnit(of: referral)) else { return nil }
            return grant.seen(referral)
        }
        if !grant.subject.rights.contains(.readClinical) && referrals.contains(where: { !$0.question.isEmpty }) {
            hidden.notForRole.insert(.clinical)
        }
        r.hidden = hidden
        r.consents = grant.facts.consents.filter {
            $0.granteeProviderId == grant.subject.providerId && $0.isActive(on: grant.today)
        }
        return r
    }
}

/// Encounters and named contacts annulled (makulerade), kept for the history.
public struct AnnulledRecords: Hashable, Sendable {
    public var contacts: [CareContact]
    public var encounters: [Encounter]

    public init(contacts: [CareContact] = [], encounters: [Encounter] = []) {
        self.contacts = contacts
        self.encounters = encounters
    }
}

extension AccessGrant {
    /// A unit's own correspondence is its own documentation; anyone else's is the sender's.
    public func documentingUnit(of referral: Referral) -> UnitID {
        let own = subject.unitId
        return referral.fromUnitId == own || referral.toUnitId == own ? own : referral.fromUnitId
    }

    /// A plan the unit takes part in is its own; anyone else's is the responsible unit's.
    public func documentingUnit(of plan: CoordinatedPlan) -> UnitID {
        plan.unitIds.contains(subject.unitId) ? subject.unitId : plan.responsibleUnitId
    }

    /// The referral as the subject may see it: nil when hidden, without its clinical
    /// text when the subject reads the course but not the content.
    public func seen(_ referral: Referral) -> Referral? {
        let unit = documentingUnit(of: referral)
        guard sees(.coordination, documentedAt: unit) else { return nil }
        return sees(.clinical, documentedAt: unit) ? referral : referral.withoutClinicalText()
    }
}

extension Referral {
    /// The referral's course without its clinical content (question, reply, comments):
    /// what a role that reads no diagnoses may see of it.
    public func withoutClinicalText() -> Referral {
        var r = self
        r.question = ""
        r.reply = nil
        r.history = history.map { var e = $0; e.comment = ""; return e }
        r.pauses = pauses.map { var p = $0; p.comment = ""; return p }
        return r
    }
}
