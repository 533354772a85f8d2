import Foundation
import NaraDomain
import TerminalUI

/// Min dag's sections, in the order they are shown.
public enum MyDaySection: Int, CaseIterable, Sendable, Hashable {
    case careRequests, callbacks, tasks, followUps, news
}

/// One row of Min dag: what it is, and whom it is about.
public enum MyDayItem: Hashable, Sendable {
    case careRequest(CareRequestRow)
    case task(TaskRow)
    case followUp(PlannedContactRow)
    case news(PatientNewsRow)

    public var patient: PatientSummary {
        switch self {
        case .careRequest(let r): return r.patient
        case .task(let t): return t.patient
        case .followUp(let f): return f.patient
        case .news(let n): return n.patient
        }
    }

    public var section: MyDaySection {
        switch self {
        case .careRequest(let r): return r.awaitsCallback ? .callbacks : .careRequests
        case .task: return .tasks
        case .followUp: return .followUps
        case .news: return .news
        }
    }

    /// The heading a row sits under: its section, and for a callback its time slot.
    public var group: String {
        if case .careRequest(let r) = self, r.awaitsCallback, let slot = r.request.callback { return "\(section.rawValue) \(slot.text)" }
        return String(section.rawValue)
    }
}

/// Everything Min dag reads in one go; each part through the store's door.
public struct MyDayLoad: Hashable, Sendable {
    public var careRequests: [CareRequestRow] = []
    public var tasks: [TaskRow] = []
    public var followUps: [PlannedContactRow] = []
    public var news: [PatientNewsRow] = []

    public init(careRequests: [CareRequestRow] = [], tasks: [TaskRow] = [], followUps: [PlannedContactRow] = [],
                news: [PatientNewsRow] = []) {
        self.careRequests = careRequests
        self.tasks = tasks
        self.followUps = followUps
        self.news = news
    }

    /// The rows in section order: care requests oldest first, callbacks by slot.
    public var items: [MyDayItem] {
        let requests = careRequests.filter { !$0.awaitsCallback }.map(MyDayItem.careRequest)
        let callbacks = careRequests.filter(\.awaitsCallback)
            .sorted { ($0.request.callback!, $0.request.registeredAt) < ($1.request.callback!, $1.request.registeredAt) }
            .map(MyDayItem.careRequest)
        return requests + callbacks + tasks.map(MyDayItem.task) + followUps.map(MyDayItem.followUp)
            + news.map(MyDayItem.news)
    }
}

/// The two tabs: the day's work, and the patients the user is named contact for.
public enum MyDayTab: Sendable, Hashable { case day, patients }

/// A patient as a form names it: whom it is about.
public struct MyDayPatient: Hashable, Sendable {
    public var id: PatientID
    public var label: String

    public init(id: PatientID, label: String) {
        self.id = id
        self.label = label
    }
}

/// What a form on Min dag is for, and whom it is about.
public enum MyDayFormKind: Hashable, Sendable {
    case completeTask(PatientID, taskId: Int64)
    case newTask(PatientID)
    case newCareRequest(PatientID)
    case plannedContact(PatientID)

    public var patient: PatientID {
        switch self {
        case .completeTask(let p, _), .newTask(let p), .newCareRequest(let p), .plannedContact(let p): return p
        }
    }
}

public struct MyDayForm: Hashable, Sendable {
    public var kind: MyDayFormKind
    public var title: String
    /// Whom the form is about, shown over its fields.
    public var patientLabel: String
    public var fields: FormState
}

public struct MyDayState: Sendable {
    public var tab = MyDayTab.day
    /// The rows as read; `rows` is what the filter keeps of them.
    public var loaded: [MyDayItem] = []
    public private(set) var rows: [MyDayItem] = []
    public var list = ListState()
    public var patientsLoaded: [MyPatientRow] = []
    public private(set) var patients: [MyPatientRow] = []
    public var patientList = ListState()
    /// `/` on either tab: narrows it by name, personnummer or text.
    public var filter = ListFilter()
    /// When the user looked at Min dag before this visit: news is what came since.
    public var since: Date?
    public var form: MyDayForm?
    /// Set once the first read is done: until then the view says it is reading.
    public var hasLoaded = false
    /// The patient whose record is open, for T, N and P (and t, n, p with no row selected).
    public var openPatient: MyDayPatient?

    public init() {}

    public mutating func applyFilter() {
        rows = filter.filter(loaded) { item in
            let p = item.patient
            return "\(p.name ?? "") \(p.identifier.display) \(Self.text(of: item))"
        }
        patients = filter.filter(patientsLoaded) { "\($0.patient.name ?? "") \($0.patient.identifier.display)" }
    }

    private static func text(of item: MyDayItem) -> String {
        switch item {
        case .careRequest(let r): return r.request.reason
        case .task(let t): return t.task.text
        case .followUp(let f): return f.contact.note
        case .news: return ""
        }
    }

    public var selectedItem: MyDayItem? { list.selected.flatMap { rows.indices.contains($0) ? rows[$0] : nil } }
    public var selectedPatientRow: MyPatientRow? {
        patientList.selected.flatMap { patients.indices.contains($0) ? patients[$0] : nil }
    }
    /// The patient of the selected row on the tab shown.
    public var selectedPatient: PatientSummary? {
        tab == .day ? selectedItem?.patient : selectedPatientRow?.patient
    }

    public static let limit = 500
}

/// What a form asks the store to do, once its fields are checked.
public enum MyDaySubmission: Hashable, Sendable {
    case completeTask(PatientID, id: Int64, reply: String?)
    case addTask(PatientID, text: String, toStaff: StaffID?, toUnit: UnitID?, due: LocalDate?, priority: TaskPriority)
    case addCareRequest(PatientID, channel: CareRequestChannel, problem: CareRequestProblem, reason: String,
                        callback: CallbackSlot?)
    case plannedContact(PatientID, on: LocalDate, note: String)
}

public enum MyDayAction: Sendable {
    case move(ListMove)
    /// Enter: the selected row's patient.
    case open
    /// Tab: Min dag ↔ Mina patienter.
    case switchTab
    /// `r`: the patient was reached (call back done): the 0 clock stops.
    case contactMade
    /// `b`: the medical assessment was made: the 3 clock stops.
    case assessed
    /// `i`: a call back that did not reach the patient (inget svar): counted, the clock runs on.
    case noAnswer
    /// `d`: the selected task is done, with a reply (a form).
    case done
    /// `t`: a new task about the selected row's patient (a form); `T`: about the open record's.
    case newTask(openRecord: Bool)
    /// `n`: a new care request for the selected row's patient (a form); `N`: for the open record's.
    case newCareRequest(openRecord: Bool)
    /// `p`: a planned contact with the selected row's patient (a form); `P`: with the open record's.
    case plan(openRecord: Bool)
    /// `u`: read again.
    case refresh
    case back
    case beginFilter
    case filter(Event)
    /// Keys and pastes while a form is open.
    case form(Event)
    /// The form's fields failed their checks: a message per field.
    case formErrors([String: String])
    /// The store did what the form asked: the form closes.
    case saved
    case loaded(MyDayLoad)
    case loadedPatients([MyPatientRow])
    case seen(Date?)
}

public enum MyDayEffect: Sendable, Hashable {
    case load
    case loadPatients
    case openPatient(PatientID)
    case recordContact(PatientID, id: Int64)
    case recordAssessment(PatientID, id: Int64)
    case recordNoAnswer(PatientID, id: Int64)
    /// The form's Enter on its last field: the screen checks it and saves.
    case submit(MyDayForm)
    /// `t`, `n`, `d` or `p` with no row that fits: say so.
    case nothingSelected
}
