import Foundation
import GRDB
import NaraDomain

/// Loads, for each candidate, only the facts its work list reads (`WorkListKind.needs`).
///
/// Set-based: each kind of fact is one statement for a batch of candidates
/// (`patient_id IN (…)`), not one per patient, so a list of 10,000 candidates costs a
/// few dozen statements, as a screen must when each statement is a round trip to a server.
struct WorkListFactLoader {
    let db: Database
    let today: LocalDate
    /// What the user may see of each candidate: facts the user may not see are not read
    /// into the rules.
    let grants: [Int64: AccessGrant]
    /// Encounters for continuity before this moment (epoch seconds) are not read: the
    /// rule measures a window ending today, and ten years of history would be read for
    /// the last twelve months.
    var continuitySince: Int64 = .min

    func load(_ ids: [Int64], needs: Set<WorkListFact>) throws -> [WorkListPatientFacts] {
        let facts = try load(Dictionary(uniqueKeysWithValues: needs.map { ($0, ids) }))
        return ids.map { facts[$0] ?? WorkListPatientFacts(patientId: PatientID(rawValue: $0)) }
    }

    /// Each kind of fact for its own patients, in one statement a kind: what the counts of
    /// every list need at once, without reading a fact for a patient whose lists ignore it.
    /// The id lists are written into the SQL (integers only): no limit on bound parameters.
    func load(_ plan: [WorkListFact: [Int64]]) throws -> [Int64: WorkListPatientFacts] {
        var all: [Int64: WorkListPatientFacts] = [:]
        for id in plan.values.joined() where all[id] == nil {
            all[id] = WorkListPatientFacts(patientId: PatientID(rawValue: id))
        }
        // Facts the user may not see are not read into the rules: nothing at all for a
        // candidate without a grant.
        func list(_ facts: WorkListFact...) -> String? {
            let seen = Set(facts.flatMap { plan[$0] ?? [] }).filter { grants[$0] != nil }
            return seen.isEmpty ? nil : seen.sorted().map(String.init).joined(separator: ",")
        }
        func rows(_ sql: String, _ list: String, _ arguments: StatementArguments = []) throws -> [Row] {
            try Row.fetchAll(db, sql: sql.replacingOccurrences(of: "(IDS)", with: "(\(list))"), arguments: arguments)
        }
        func sees(_ pid: Int64, _ category: InformationCategory, _ unit: String?) -> Bool {
            grants[pid]?.sees(category, documentedAt: unit.map { UnitID(rawValue: $0) }) ?? false
        }
        func edit(_ pid: Int64, _ change: (inout WorkListPatientFacts) -> Void) {
            if all[pid] != nil { change(&all[pid]!) }
        }

        if let list = list(.birthDate, .deceased, .residentialCare) {
            for row in try rows("SELECT id, birth_date, deceased, residential_care FROM patient WHERE id IN (IDS)", list) {
                edit(row["id"]) { f in
                    f.birthDate = Decode.day(row, "birth_date")
                    f.deceased = row["deceased"] ?? false
                    f.residentialCare = row["residential_care"] ?? false
                }
            }
        }
        if let list = list(.listing) {
            for row in try rows("SELECT * FROM listing WHERE patient_id IN (IDS) AND to_date IS NULL", list) {
                edit(row["patient_id"]) { $0.listing = Decode.listing(row) }
            }
        }
        if let list = list(.chronicProblemCount) {
            for row in try rows("SELECT patient_id, unit_id FROM problem WHERE patient_id IN (IDS) AND chronic = 1", list) {
                let pid: Int64 = row["patient_id"]
                if sees(pid, .clinical, row["unit_id"]) { edit(pid) { $0.chronicProblemCount += 1 } }
            }
        }
        if let list = list(.careContacts) {
            for row in try rows("SELECT * FROM care_contact WHERE patient_id IN (IDS) ORDER BY patient_id, id", list) {
                let c = Decode.contact(row)
                if sees(c.patientId.rawValue, .coordination, c.unitId.rawValue) { edit(c.patientId.rawValue) { $0.careContacts.append(c) } }
            }
        }
        if let list = list(.encounterDays) {
            // The latest encounter at the listing unit is all "no encounter in N months"
            // and its message need.
            for row in try rows("""
                SELECT e.patient_id, e.unit_id, max(e.at) AS at FROM encounter e
                WHERE e.patient_id IN (IDS) AND e.annulled_at IS NULL GROUP BY e.patient_id, e.unit_id
                """, list) {
                let pid: Int64 = row["patient_id"], unit: String = row["unit_id"]
                guard all[pid]?.listing?.unitId.rawValue == unit, sees(pid, .clinical, unit) else { continue }
                edit(pid) { $0.encounterDays = [EncounterDay(day(row["at"]), at: UnitID(rawValue: unit))] }
            }
        }
        if let list = list(.checksDone) {
            for row in try rows("""
                SELECT patient_id, kind AS item, max(at) AS at, unit_id, 'observation' AS source FROM observation
                WHERE patient_id IN (IDS) GROUP BY patient_id, kind, unit_id
                UNION ALL
                SELECT patient_id, item, max(done_on) AS at, unit_id, 'done' AS source FROM check_done
                WHERE patient_id IN (IDS) GROUP BY patient_id, item, unit_id
                """, list) {
                let pid: Int64 = row["patient_id"]
                guard sees(pid, .clinical, row["unit_id"]), let item = CheckItem(rawValue: row["item"]) else { continue }
                let on = (row["source"] as String) == "done" ? Decode.day(row, "at") : day(row["at"])
                if let on { edit(pid) { f in if f.checksDone[item].map({ on > $0 }) ?? true { f.checksDone[item] = on } } }
            }
        }
        if let list = list(.diagnosisCodes) {
            for row in try rows("SELECT patient_id, code, unit_id FROM problem WHERE patient_id IN (IDS) ORDER BY patient_id, id", list) {
                let pid: Int64 = row["patient_id"]
                if sees(pid, .clinical, row["unit_id"]) { edit(pid) { $0.diagnosisCodes.append(row["code"]) } }
            }
        }
        if let list = list(.encountersForContinuity) {
            for row in try rows("""
                SELECT e.patient_id, e.at, e.staff_id, e.unit_id, s.profession FROM encounter e JOIN staff s ON s.id = e.staff_id
                WHERE e.patient_id IN (IDS) AND e.at >= ? AND e.annulled_at IS NULL ORDER BY e.patient_id, e.at, e.id
                """, list, [continuitySince]) {
                let pid: Int64 = row["patient_id"]
                guard sees(pid, .clinical, row["unit_id"]) else { continue }
                let encounter = ContinuityEncounter(day: day(row["at"]), staffId: StaffID(rawValue: row["staff_id"]),
                                                    group: (Profession(rawValue: row["profession"]) ?? .other).continuityGroup,
                                                    unitId: UnitID(rawValue: row["unit_id"]))
                edit(pid) { $0.encountersForContinuity.append(encounter) }
            }
        }
        if let list = list(.primaryCareEncounterDays) {
            for row in try rows("""
                SELECT e.patient_id, e.at, e.unit_id FROM encounter e JOIN care_unit u ON u.id = e.unit_id
                WHERE e.patient_id IN (IDS) AND u.kind = 'primary_care' AND e.annulled_at IS NULL ORDER BY e.patient_id, e.id
                """, list) {
                let pid: Int64 = row["patient_id"]
                if sees(pid, .clinical, row["unit_id"]) { edit(pid) { $0.primaryCareEncounterDays.append(day(row["at"])) } }
            }
        }
        if let list = list(.plans) {
            for plan in try PlanRows.load(db, where: "patient_id IN (\(list))", arguments: []) {
                let pid = plan.patientId.rawValue
                guard let grant = grants[pid], grant.sees(.coordination, documentedAt: grant.documentingUnit(of: plan)) else {
                    continue
                }
                edit(pid) { $0.plans.append(plan) }
            }
        }
        if let list = list(.discharges) {
            for row in try rows("SELECT * FROM discharge WHERE patient_id IN (IDS) ORDER BY patient_id, id", list) {
                let d = Decode.discharge(row)
                if sees(d.patientId.rawValue, .clinical, d.unitId.rawValue) { edit(d.patientId.rawValue) { $0.discharges.append(d) } }
            }
        }
        if let list = list(.dischargeNotices) {
            for notice in try DischargeNoticeRows.load(db, patients: list) {
                let pid = notice.patientId.rawValue
                if sees(pid, .coordination, notice.unitId.rawValue) { edit(pid) { $0.dischargeNotices.append(notice) } }
            }
        }
        if let list = list(.referrals) {
            for referral in try ReferralRows.load(db, where: "patient_id IN (\(list))") {
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
        return all
    }

    private func day(_ seconds: Int64) -> LocalDate {
        LocalDate(date: Date(timeIntervalSince1970: TimeInterval(seconds)), in: .stockholm)
    }
}
