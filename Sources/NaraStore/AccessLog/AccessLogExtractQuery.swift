import Foundation
import GRDB
import NaraDomain

/// A patient's log extract, shared by both stores: who asks, the policy's facts about
/// the patient, whether the patient exists and the newest log rows naming them, in one
/// read; then the decision and the detail of the extract's own log row.
package enum AccessLogExtractQuery {
    /// The log row's view, which is its detail before the basis.
    static let view = "log extract"

    /// The parts, over `AccessFacts.arguments(patient:…)` and `:limit`.
    package static let parts: [TaggedRead.Part] = [AccessFacts.subjectPart] + AccessFacts.onePatient + [
        TaggedRead.Part("patient", "SELECT id FROM patient WHERE id = :patient"),
        // The limit is inside, so the part itself has no ORDER BY: its order is the part's.
        TaggedRead.Part("log", """
            SELECT * FROM access_log WHERE id IN (SELECT id FROM access_log WHERE patient_id = :patient
                                                  ORDER BY id DESC LIMIT :limit)
            """, order: "id DESC"),
    ]

    /// The extract on `parts`' rows, newest first, and the detail and emergency flag of
    /// its log row; the refusal thrown. A log reviewer needs no care relationship, and
    /// the row says so; anyone else reads the extract of a record the policy lets them open.
    package static func extract(_ rows: [String: [Row]], patient: PatientID, context: AccessContext,
                                today: LocalDate, now: Date) throws -> (entries: [AccessLogEntry], logged: (String, Bool)) {
        let subject = try AccessFacts.subject(rows, context: context)
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        guard rows["patient"]?.isEmpty == false else { throw StoreError.notFound("patient \(patient)") }
        let logged: (String, Bool)
        if subject.rights.contains(.logReview) {
            logged = (view + " [log review]", false)
        } else {
            let grant = try SQLiteStore.granted(AccessPolicy.decide(subject, facts: AccessFacts.assemble(rows),
                                                                    emergencyReason: context.emergencyReason,
                                                                    today: today, now: now), patient: patient)
            logged = SQLiteStore.logged(view, grant)
        }
        return ((rows["log"] ?? []).map(Decode.logEntry), logged)
    }

    /// The extract's log row, unless the session showed this patient's extract within
    /// `ShownMemory.window`: an extract paged or refreshed is logged once.
    package static func logEntries(_ logged: (String, Bool), patient: PatientID, context: AccessContext,
                                   memory: ShownMemory, now: Date) -> [(PatientID?, (String, Bool))] {
        memory.unlogged(session: context.sessionId, view: view, patients: [patient], now: now).isEmpty
            ? [] : [(patient, logged)]
    }
}
