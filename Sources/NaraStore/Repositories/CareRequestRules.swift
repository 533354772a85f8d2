import Foundation
import GRDB
import NaraDomain

/// What a care request (vårdbegäran) may be and how its clocks are stopped, with the log
/// rows' wording and the reads of the request a step acts on: one owner for both stores,
/// so a request refused on SQLite is refused on PostgreSQL with the same error, in the
/// same order, and logs the same row. A store reads the facts its own way, in its own
/// transaction, and asks these in the order they are written here.
package enum CareRequestRules {
    // MARK: Registering

    /// The reason on one line, refused when nothing is left of it.
    package static func reason(_ reason: String) throws -> String {
        let text = CleanText.line(reason).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw StoreError.invalid("a care request needs its reason") }
        return text
    }

    /// The 0 and 3 guarantees are primary care's duty (HSLF 2017:80 6 kap 1 §): a request
    /// is registered at a vårdcentral, and not for a patient who has died.
    package static func checkRegistration(unit: CareUnit, deceased: Bool) throws {
        guard unit.kind == .primaryCare else {
            throw StoreError.invalid("a care request is registered at a primary-care unit (vårdcentral)")
        }
        if deceased { throw StoreError.invalid("the patient has died; no care request can be registered") }
    }

    /// The policy's facts with the new request registered on `day` at the user's unit: the
    /// contact is itself the care relationship (DOMAIN.md "Access and logging"), so a
    /// store that asks the policy before it writes the row asks on these.
    package static func withNewRequest(_ facts: PatientAccessFacts, on day: LocalDate) -> PatientAccessFacts {
        var facts = facts
        facts.relationship.lastCareRequestAtUserUnit = max(facts.relationship.lastCareRequestAtUserUnit ?? day, day)
        facts.relationship.openCareRequestAtUserUnit = true
        return facts
    }

    /// The day a request registered at `now` counts from, in Swedish time.
    package static func registeredOn(_ now: Date) -> LocalDate { LocalDate(date: now, in: .stockholm) }

    /// The log row of a new request names it.
    package static func registeredDetail(_ id: Int64) -> String { registeredDetail(String(id)) }

    /// `registeredDetail` with `id` standing for the id, for a store whose work writes the row and its log row at once.
    package static func registeredDetail(_ id: String) -> String { "care request \(id) registered" }

    // MARK: Steps on an open request

    /// A step that stops a clock, or a call back that did not reach the patient, which
    /// waits as the contact does.
    package enum Step: Sendable {
        case contact, assessment, unanswered

        package init(_ guarantee: PrimaryCareGuarantee) { self = guarantee == .contact ? .contact : .assessment }

        /// The step of the request this one waits for: its column is still empty.
        package var column: String { self == .assessment ? "assessed" : "contacted" }

        /// The log row's detail: the request as asked for (by id, else the oldest open).
        package func detail(_ id: Int64?) -> String {
            "care request \(id.map(String.init) ?? "oldest open") \(self == .unanswered ? "no answer" : column)"
        }
    }

    /// A contact or assessment is recorded when it has happened (an hour's slack for clocks).
    package static func checkTime(_ when: Date, now: Date) throws {
        guard when <= now.addingTimeInterval(3600) else {
            throw StoreError.invalid("a contact or assessment cannot be recorded in the future")
        }
    }

    /// The request `id` (`:patient` and `:unit` bound), else the patient's oldest at the
    /// user's unit whose `step` is still to come, as `care_request`.
    package static func part(_ id: Int64?, waitingFor step: Step) -> TaggedRead.Part {
        guard let id else {
            return TaggedRead.Part("care_request", """
                SELECT * FROM care_request WHERE patient_id = :patient AND unit_id = :unit AND assessed_at IS NULL
                  AND \(step.column)_at IS NULL ORDER BY registered_at, id LIMIT 1
                """)
        }
        return TaggedRead.Part("care_request", "SELECT * FROM care_request WHERE id = \(id)")
    }

    /// The request a step acts on, from the row `part` read: the patient's, at the user's
    /// unit, with the step not yet taken.
    package static func open(_ row: Row?, _ id: Int64?, patient: PatientID, step: Step,
                             context: AccessContext) throws -> CareRequest {
        guard let row else {
            if let id { throw StoreError.notFound("care request \(id)") }
            throw StoreError.notFound("an open care request of the patient at \(context.unitId)")
        }
        let request = SQLiteStore.decodeCareRequest(row)
        guard request.patientId == patient else { throw StoreError.notFound("care request \(request.id) of the patient") }
        guard request.unitId == context.unitId else {
            throw StoreError.invalid("care request \(request.id) belongs to \(request.unitId), not your unit")
        }
        guard (step == .assessment ? request.assessedAt : request.contactedAt) == nil else {
            throw alreadyTaken(request.id, step)
        }
        return request
    }

    /// The refusal of a step already taken (read so, or found so by a conditional write).
    package static func alreadyTaken(_ id: Int64, _ step: Step) -> StoreError {
        StoreError.invalid("care request \(id) is already \(step.column)")
    }

    /// A clock is not stopped before the request was registered (a minute's slack), and a
    /// medical assessment is made by licensed staff: `user` reads who asks.
    package static func checkStop(_ request: CareRequest, at when: Date, step: Step,
                                  user: () throws -> Staff) throws {
        guard when >= request.registeredAt.addingTimeInterval(-60) else {
            throw StoreError.invalid("care request \(request.id) was registered after that time")
        }
        if step == .assessment, try !user().profession.isLicensed {
            throw StoreError.invalid("a medical assessment is made by licensed staff (legitimerad personal)")
        }
    }
}
