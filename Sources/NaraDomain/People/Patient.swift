public enum Sex: String, CaseIterable, Sendable, Codable {
    case female, male, unknown
}

public struct Address: Hashable, Sendable, Codable {
    public var street: String
    public var postalCode: String
    public var city: String
    public init(street: String, postalCode: String, city: String) {
        self.street = street
        self.postalCode = postalCode
        self.city = city
    }
}

/// A patient's identity and contact details. Clinical facts (listing, contacts,
/// problems, encounters, referrals, plans) are separate records with their own history.
public struct Patient: Hashable, Sendable, Codable, Identifiable {
    public var id: PatientID
    public var identifier: PersonIdentifier
    public var givenName: String
    public var familyName: String
    public var sex: Sex
    public var birthDate: LocalDate?
    public var address: Address?
    public var phone: String?
    /// Skyddad identitet / sekretessmarkering: name and address are masked in lists,
    /// search results and exports until the record is opened.
    public var protectedIdentity: Bool
    /// The patient has died: the day when it is known (`deceasedOn`), or only that it
    /// happened. A deceased patient leaves every outreach work list.
    public var deceased: Bool
    public var deceasedOn: LocalDate?
    /// Närstående, in the order the patient gave them.
    public var nextOfKin: [NextOfKin]
    /// The language an interpreter must speak, when the patient needs one.
    public var interpreter: InterpreterNeed?
    /// Lives in a residential care home (SÄBO), as the municipality reports it.
    public var residentialCare = false

    public init(id: PatientID, identifier: PersonIdentifier, givenName: String, familyName: String,
                sex: Sex, birthDate: LocalDate?, address: Address? = nil, phone: String? = nil,
                protectedIdentity: Bool = false, deceased: Bool = false, deceasedOn: LocalDate? = nil,
                nextOfKin: [NextOfKin] = [], interpreter: InterpreterNeed? = nil) {
        self.id = id
        self.identifier = identifier
        self.givenName = givenName
        self.familyName = familyName
        self.sex = sex
        self.birthDate = birthDate
        self.address = address
        self.phone = phone
        self.protectedIdentity = protectedIdentity
        self.deceased = deceased || deceasedOn != nil
        self.deceasedOn = deceasedOn
        self.nextOfKin = nextOfKin
        self.interpreter = interpreter
    }

    public var fullName: String { givenName + " " + familyName }

    public func age(on date: LocalDate) -> Int? { birthDate?.age(on: date) }
}

/// Listning: registration at one vårdcentral. One is active at a time; ended ones are history.
public struct Listing: Hashable, Sendable, Codable {
    public var patientId: PatientID
    public var unitId: UnitID
    public var from: LocalDate
    public var to: LocalDate?

    public init(patientId: PatientID, unitId: UnitID, from: LocalDate, to: LocalDate? = nil) {
        self.patientId = patientId
        self.unitId = unitId
        self.from = from
        self.to = to
    }

    public func isActive(on date: LocalDate) -> Bool { from <= date && (to.map { date < $0 } ?? true) }
}
