import Foundation

/// An open task as a list shows it: the task and whom it is about.
public struct TaskRow: Hashable, Sendable {
    public var task: PatientTask
    public var patient: PatientSummary

    public init(task: PatientTask, patient: PatientSummary) {
        self.task = task
        self.patient = patient
    }
}

/// A care request as a list shows it: the request and whom it is about.
public struct CareRequestRow: Hashable, Sendable {
    public var request: CareRequest
    public var patient: PatientSummary

    public init(request: CareRequest, patient: PatientSummary) {
        self.request = request
        self.patient = patient
    }

    /// On the callback list: a window was asked for and nobody has reached the patient yet.
    public var awaitsCallback: Bool { request.callback != nil && request.contactedAt == nil }
}

/// A planned contact (planerad kontakt): a follow-up the user means to have with the
/// patient on a later day. It is a plan, not care: no continuity measure, work list or
/// care relationship counts it; the encounter recorded when it happens does.
public struct PlannedContact: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var patientId: PatientID
    public var unitId: UnitID
    public var staffId: StaffID
    public var plannedOn: LocalDate
    public var note: String
    public var createdAt: Date

    public init(id: Int64, patientId: PatientID, unitId: UnitID, staffId: StaffID, plannedOn: LocalDate, note: String,
                createdAt: Date) {
        self.id = id
        self.patientId = patientId
        self.unitId = unitId
        self.staffId = staffId
        self.plannedOn = plannedOn
        self.note = note
        self.createdAt = createdAt
    }
}

public struct PlannedContactRow: Hashable, Sendable {
    public var contact: PlannedContact
    public var patient: PatientSummary

    public init(contact: PlannedContact, patient: PatientSummary) {
        self.contact = contact
        self.patient = patient
    }
}

/// Something that happened to one of the user's patients (or to a task the user wrote).
public enum PatientNews: Hashable, Sendable {
    case admitted(ward: String, on: LocalDate)
    case readyForDischarge(ward: String, on: LocalDate)
    case discharged(ward: String, on: LocalDate)
    case referralAnswered(referral: Int64, unit: String)
    case referralRejected(referral: Int64, unit: String)
    /// An open coordinated plan's follow-up day came.
    case planFollowUpDue(plan: Int64, on: LocalDate)
    /// A task the user wrote was marked done, with the reply if any.
    case taskDone(text: String, reply: String?, by: String)
    /// The patient's other named contact ended (left, or a listing change ended the named
    /// GP) and nobody has the role now: a named contact is needed.
    case namedContactEnded(role: ContactRole, name: String, on: LocalDate)
}

public struct PatientNewsRow: Hashable, Sendable {
    public var news: PatientNews
    public var at: Date
    public var patient: PatientSummary

    public init(news: PatientNews, at: Date, patient: PatientSummary) {
        self.news = news
        self.at = at
        self.patient = patient
    }
}
