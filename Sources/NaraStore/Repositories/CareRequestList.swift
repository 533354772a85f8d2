import Foundation
import GRDB
import NaraDomain

/// A unit's open care requests as a list, read and decided alike by both stores: the
/// requests, who may see which, the reason left blank for a role that reads no clinical
/// information, and the log rows' view.
package enum CareRequestList {
    /// The log rows' view, which is their detail before the basis.
    package static func view(callbacks: Bool) -> String { callbacks ? "callback list" : "care requests" }

    /// The order of the list: the callback window first on the callback list, else the oldest first.
    package static func order(callbacks: Bool) -> String {
        callbacks ? "callback_from, callback_to, registered_at, id" : "registered_at, id"
    }

    /// The unit's (`:unit`) open requests; on the callback list, those with a window not yet called back.
    package static func condition(callbacks: Bool) -> String {
        "unit_id = :unit AND assessed_at IS NULL"
            + (callbacks ? " AND callback_from IS NOT NULL AND contacted_at IS NULL" : "")
    }

    /// The parts of the list in one read: who asks, the requests, and their patients'
    /// policy facts and summaries, with `AccessFacts.values(…)`.
    package static func parts(callbacks: Bool) -> [TaggedRead.Part] {
        let condition = condition(callbacks: callbacks)
        let patients = "IN (SELECT patient_id FROM care_request WHERE \(condition))"
        return [AccessFacts.subjectPart,
                TaggedRead.Part("open_request", "SELECT * FROM care_request WHERE \(condition)",
                                order: order(callbacks: callbacks))]
            + AccessFacts.manyPatients(patients) + SummaryQuery.parts(patients)
    }

    /// The requests shown of `requests` (in the list's order): those the grants let the
    /// user see, at most `limit`, with their patients' summaries.
    package static func shown(_ requests: [CareRequest], grants: [Int64: AccessGrant], limit: Int,
                              summaries: [PatientID: PatientSummary]) -> [CareRequestRow] {
        requests.filter { grants[$0.patientId.rawValue] != nil }.prefix(limit).compactMap { r in
            var request = r
            // The reason is clinical: left blank for a role that reads none (a secretary's callback list).
            if grants[r.patientId.rawValue]?.sees(.clinical, documentedAt: r.unitId) != true { request.reason = "" }
            return summaries[r.patientId].map { CareRequestRow(request: request, patient: $0) }
        }
    }

    /// The rows of the list read by `parts`, and the grants they were shown on; refused
    /// for an unknown or inactive user.
    package static func rows(_ rows: [String: [Row]], context: AccessContext, limit: Int, today: LocalDate,
                             now: Date) throws -> (rows: [CareRequestRow], grants: [Int64: AccessGrant]) {
        let subject = try AccessFacts.subject(rows, context: context)
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        let requests = (rows["open_request"] ?? []).map(SQLiteStore.decodeCareRequest)
        var facts = Dictionary(uniqueKeysWithValues: Set(requests.map(\.patientId.rawValue))
            .map { ($0, PatientAccessFacts()) })
        AccessFacts.assemble(rows, into: &facts)
        let grants = SQLiteStore.grants(subject, facts: facts, today: today, now: now)
        let summaries = Dictionary(SummaryQuery.assemble(rows).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return (shown(requests, grants: grants, limit: limit, summaries: summaries), grants)
    }
}
