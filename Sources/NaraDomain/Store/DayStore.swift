import Foundation

/// The nurse's day: tasks, care requests and planned contacts, behind the same door as
/// the record. Every call asks the policy; every patient shown or changed is logged.
public protocol DayStore: Sendable {
    /// A task about the patient, written at the user's unit, to one person or one unit.
    func addTask(_ patient: PatientID, text: String, toStaff: StaffID?, toUnit: UnitID?, due: LocalDate?,
                 priority: TaskPriority, as context: AccessContext) throws -> PatientTask
    /// Every task about the patient the user may see, and how many more there are that the user may not.
    func tasks(of patient: PatientID, as context: AccessContext) throws -> (tasks: [PatientTask], hidden: Int)
    /// The open tasks to the user or the user's unit that the user may see.
    func openTasks(limit: Int, as context: AccessContext) throws -> [TaskRow]
    /// Marks a task done, with an optional reply.
    func completeTask(_ patient: PatientID, id: Int64, reply: String?, as context: AccessContext) throws -> PatientTask
    /// Registers the patient's contact (vårdbegäran) at the user's unit now: the 0 and 3 clocks start.
    func addCareRequest(_ patient: PatientID, channel: CareRequestChannel, problem: CareRequestProblem, reason: String,
                        callback: CallbackSlot?, as context: AccessContext) throws -> CareRequest
    /// Stops the 0 clock (contact made, a call back done).
    func recordCareRequestContact(_ patient: PatientID, id: Int64?, at: Date?, as context: AccessContext) throws
        -> CareRequest
    /// A call back that did not reach the patient: counted; the clock runs on.
    func recordUnansweredCallback(_ patient: PatientID, id: Int64?, as context: AccessContext) throws -> CareRequest
    /// Stops the 3 clock (medical assessment by licensed staff).
    func recordCareRequestAssessment(_ patient: PatientID, id: Int64?, at: Date?, as context: AccessContext) throws
        -> CareRequest
    /// The user's unit's open care requests; `callbacks` keeps the callback list.
    func openCareRequests(callbacks: Bool, limit: Int, as context: AccessContext) throws -> [CareRequestRow]
    /// Plans a contact with the patient on a later day (today or after).
    func addPlannedContact(_ patient: PatientID, on day: LocalDate, note: String, as context: AccessContext) throws
        -> PlannedContact
    /// The user's own planned contacts from `from` on, earliest first.
    func plannedContacts(from: LocalDate, limit: Int, as context: AccessContext) throws -> [PlannedContactRow]
    /// What happened since `since` to the patients the user is named contact for, and to
    /// the tasks the user wrote; newest first.
    func patientNews(since: Date, limit: Int, as context: AccessContext) throws -> [PatientNewsRow]
    /// When the user last looked at Min dag (nil the first time), and notes now as the new time.
    func markDaySeen(as context: AccessContext) throws -> Date?
}
