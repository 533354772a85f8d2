import Foundation
import GRDB
import NaraDomain

/// The facts the work lists' rules read, as parts of one read, and the facts made of
/// their rows: one owner for both stores. The SQLite store reads each part alone over
/// the candidates' ids (`WorkListFactLoader`); the PostgreSQL store reads them all in
/// one statement over its candidate queries.
package enum WorkListFactParts {
    /// The parts for the facts the plan reads. `among` gives, for a list of facts, the
    /// `IN (…)` condition on `patient_id` of the patients that need any of them, or nil
    /// when none does (the part is then left out). The continuity part reads `:since`.
    package static func parts(_ among: ([WorkListFact]) -> String?) -> [TaggedRead.Part] {
        var parts: [TaggedRead.Part] = []
        if let ids = among([.birthDate, .deceased, .residentialCare]) {
            parts.append(.init("patient", "SELECT id, birth_date, deceased, residential_care FROM patient WHERE id \(ids)"))
        }
        if let ids = among([.listing]) {
            parts.append(.init("listing", "SELECT * FROM listing WHERE patient_id \(ids) AND to_date IS NULL"))
        }
        if let ids = among([.chronicProblemCount]) {
            parts.append(.init("chronic", "SELECT patient_id, unit_id FROM problem WHERE patient_id \(ids) AND chronic = 1"))
        }
        if let ids = among([.careContacts]) {
            parts.append(.init("contact", "SELECT * FROM care_contact WHERE patient_id \(ids)", order: "patient_id, id"))
        }
        if let ids = among([.encounterDays]) {
            // The latest encounter at the listing unit, which is all "no encounter in N
            // months" and its message need: one seek down each patient's encounters.
            parts.append(.init("encounter_day", """
                SELECT patient_id, unit_id, at FROM (
                    SELECT l.patient_id, l.unit_id, (SELECT max(e.at) FROM encounter e WHERE e.patient_id = l.patient_id
                                                       AND e.unit_id = l.unit_id AND e.annulled_at IS NULL) AS at
                      FROM listing l WHERE l.patient_id \(ids) AND l.to_date IS NULL) AS latest
                 WHERE at IS NOT NULL
                """))
        }
        if let ids = among([.checksDone]) {
            parts.append(.init("check", """
                SELECT patient_id, kind AS item, max(at) AS at, unit_id, 'observation' AS source FROM observation
                WHERE patient_id \(ids) GROUP BY patient_id, kind, unit_id
                UNION ALL
                SELECT patient_id, item, max(done_on) AS at, unit_id, 'done' AS source FROM check_done
                WHERE patient_id \(ids) GROUP BY patient_id, item, unit_id
                """))
        }
        if let ids = among([.diagnosisCodes]) {
            parts.append(.init("diagnosis", "SELECT patient_id, code, unit_id, id AS problem_id FROM problem WHERE patient_id \(ids)",
                               order: "patient_id, problem_id"))
        }
        if let ids = among([.encountersForContinuity]) {
            parts.append(.init("continuity", """
                SELECT e.patient_id, e.at, e.staff_id, e.unit_id, s.profession, e.id AS encounter_id
                FROM encounter e JOIN staff s ON s.id = e.staff_id
                WHERE e.patient_id \(ids) AND e.at >= :since AND e.annulled_at IS NULL
                """, order: "patient_id, at, encounter_id"))
        }
        if let ids = among([.primaryCareEncounterDays]) {
            parts.append(.init("primary_care", """
                SELECT e.patient_id, e.at, e.unit_id, e.id AS encounter_id FROM encounter e JOIN care_unit u ON u.id = e.unit_id
                WHERE e.patient_id \(ids) AND u.kind = 'primary_care' AND e.annulled_at IS NULL
                """, order: "patient_id, encounter_id"))
        }
        if let ids = among([.plans]) { parts += PlanRows.parts(where: "patient_id \(ids)") }
        if let ids = among([.discharges]) {
            parts.append(.init("discharge", "SELECT * FROM discharge WHERE patient_id \(ids)", order: "patient_id, id"))
        }
        if let ids = among([.dischargeNotices]) {
            parts.append(.init("notice", """
                SELECT n.*, u.name AS ward_name FROM discharge_notice n JOIN care_unit u ON u.id = n.ward_unit_id
                WHERE n.patient_id \(ids)
                """, order: "patient_id, admitted_on DESC, id DESC"))
        }
        if let ids = among([.referrals]) { parts += ReferralRows.parts(where: "patient_id \(ids)") }
        return parts
    }

    /// The facts from the parts' rows, as far as the grants let the user see them. Only
    /// the patients already in `all` get facts: rows of others are passed over.
    package static func fill(_ all: inout [Int64: WorkListPatientFacts], _ rows: [String: [Row]],
                             grants: [Int64: AccessGrant], today: LocalDate) {
        func each(_ part: String, _ body: (Row) -> Void) { for row in rows[part] ?? [] { body(row) } }
        func sees(_ pid: Int64, _ category: InformationCategory, _ unit: String?) -> Bool {
            grants[pid]?.sees(category, documentedAt: unit.map { UnitID(rawValue: $0) }) ?? false
        }
        func edit(_ pid: Int64, _ change: (inout WorkListPatientFacts) -> Void) {
            if all[pid] != nil { change(&all[pid]!) }
        }
        each("patient") { row in
            edit(row["id"]) { f in
                f.birthDate = Decode.day(row, "birth_date")
                f.deceased = row["deceased"] ?? false
                f.residentialCare = row["residential_care"] ?? false
            }
        }
        each("listing") { row in edit(row["patient_id"]) { $0.listing = Decode.listing(row) } }
        each("chronic") { row in
            let pid: Int64 = row["patient_id"]
            if sees(pid, .clinical, row["unit_id"]) { edit(pid) { $0.chronicProblemCount += 1 } }
        }
        each("contact") { row in
            let c = Decode.contact(row)
            if sees(c.patientId.rawValue, .coordination, c.unitId.rawValue) { edit(c.patientId.rawValue) { $0.careContacts.append(c) } }
        }
        each("encounter_day") { row in
            let pid: Int64 = row["patient_id"], unit: String = row["unit_id"]
            guard all[pid]?.listing?.unitId.rawValue == unit, sees(pid, .clinical, unit) else { return }
            edit(pid) { $0.encounterDays = [EncounterDay(day(row["at"]), at: UnitID(rawValue: unit))] }
        }
        each("check") { row in
            let pid: Int64 = row["patient_id"]
            guard sees(pid, .clinical, row["unit_id"]), let item = CheckItem(rawValue: row["item"]) else { return }
            let on = (row["source"] as String) == "done" ? Decode.day(row, "at") : day(row["at"])
            if let on { edit(pid) { f in if f.checksDone[item].map({ on > $0 }) ?? true { f.checksDone[item] = on } } }
        }
        each("diagnosis") { row in
            let pid: Int64 = row["patient_id"]
            if sees(pid, .clinical, row["unit_id"]) { edit(pid) { $0.diagnosisCodes.append(row["code"]) } }
        }
        each("continuity") { row in
            let pid: Int64 = row["patient_id"]
            guard sees(pid, .clinical, row["unit_id"]) else { return }
            let encounter = ContinuityEncounter(day: day(row["at"]), staffId: StaffID(rawValue: row["staff_id"]),
                                                group: (Profession(rawValue: row["profession"]) ?? .other).continuityGroup,
                                                unitId: UnitID(rawValue: row["unit_id"]))
            edit(pid) { $0.encountersForContinuity.append(encounter) }
        }
        each("primary_care") { row in
            let pid: Int64 = row["patient_id"]
            if sees(pid, .clinical, row["unit_id"]) { edit(pid) { $0.primaryCareEncounterDays.append(day(row["at"])) } }
        }
        for plan in PlanRows.assemble(rows) {
            let pid = plan.patientId.rawValue
            guard let grant = grants[pid], grant.sees(.coordination, documentedAt: grant.documentingUnit(of: plan)) else {
                continue
            }
            edit(pid) { $0.plans.append(plan) }
        }
        each("discharge") { row in
            let d = Decode.discharge(row)
            if sees(d.patientId.rawValue, .clinical, d.unitId.rawValue) { edit(d.patientId.rawValue) { $0.discharges.append(d) } }
        }
        each("notice") { row in
            let notice = DischargeNoticeRows.decode(row)
            let pid = notice.patientId.rawValue
            if sees(pid, .coordination, notice.unitId.rawValue) { edit(pid) { $0.dischargeNotices.append(notice) } }
        }
        for referral in ReferralRows.assemble(rows) {
            let pid = referral.patientId.rawValue
            guard let r = grants[pid]?.seen(referral) else { continue }
            var facts = ReferralFacts(id: r.id, state: r.state, sentOn: r.sentOn,
                          overdueDays: r.isOverdue(today: today) ? -(r.daysLeft(today: today) ?? 0) : nil,
                          answeredOn: r.history.last { $0.action == .reply || $0.action == .adviceReply }
                              .map { LocalDate(date: $0.at, in: .stockholm) },
                          fromUnitId: r.fromUnitId,
                          rejectedOn: r.state == .rejected
                              ? r.history.last { $0.action == .reject }.map { LocalDate(date: $0.at, in: .stockholm) }
                              : nil)
            facts.patientInformed = r.history.contains { $0.action == .patientInformed }
            edit(pid) { $0.referrals.append(facts) }
        }
    }

    private static func day(_ seconds: Int64) -> LocalDate {
        LocalDate(date: Date(timeIntervalSince1970: TimeInterval(seconds)), in: .stockholm)
    }
}
