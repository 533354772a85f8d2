import Foundation
import GRDB
import NaraDomain

/// Loads, for each candidate, only the facts its work list reads (`WorkListKind.needs`).
///
/// Statements are cached: one list runs the same few queries for thousands of candidates.
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
        try ids.map { try facts(PatientID(rawValue: $0), needs: needs) }
    }

    private func facts(_ id: PatientID, needs: Set<WorkListFact>) throws -> WorkListPatientFacts {
        let pid = id.rawValue
        guard let grant = grants[pid] else { return WorkListPatientFacts(patientId: id) }
        func sees(_ category: InformationCategory, _ unit: String?) -> Bool {
            grant.sees(category, documentedAt: unit.map { UnitID(rawValue: $0) })
        }
        var f = WorkListPatientFacts(patientId: id)
        if needs.contains(.birthDate) {
            f.birthDate = Decode.day(try String.fetchOne(try db.cachedStatement(sql: "SELECT birth_date FROM patient WHERE id = ?"),
                                                         arguments: [pid]))
        }
        if needs.contains(.deceased) {
            f.deceased = try Bool.fetchOne(try db.cachedStatement(sql: "SELECT deceased FROM patient WHERE id = ?"),
                                           arguments: [pid]) ?? false
        }
        if needs.contains(.listing) {
            f.listing = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM listing WHERE patient_id = ? AND to_date IS NULL"),
                                         arguments: [pid]).map(Decode.listing)
        }
        if needs.contains(.chronicProblemCount) {
            f.chronicProblemCount = try String?.fetchAll(try db.cachedStatement(sql: """
                SELECT unit_id FROM problem WHERE patient_id = ? AND chronic = 1
                """), arguments: [pid]).filter { sees(.clinical, $0) }.count
        }
        if needs.contains(.careContacts) {
            f.careContacts = try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM care_contact WHERE patient_id = ?"),
                                              arguments: [pid]).map(Decode.contact)
                .filter { grant.sees(.coordination, documentedAt: $0.unitId) }
        }
        if needs.contains(.encounterDays), let unit = f.listing?.unitId {
            // The latest encounter at the listing unit is all "no encounter in N months"
            // and its message need.
            let rows = try Row.fetchCursor(try db.cachedStatement(sql: """
                SELECT at FROM encounter WHERE patient_id = ? AND unit_id = ? AND annulled_at IS NULL
                ORDER BY at DESC LIMIT 1
                """), arguments: [pid, unit.rawValue])
            if sees(.clinical, unit.rawValue), let row = try rows.next() {
                f.encounterDays = [EncounterDay(day(row["at"]), at: unit)]
            }
        }
        if needs.contains(.residentialCare) {
            f.residentialCare = try Bool.fetchOne(try db.cachedStatement(sql: """
                SELECT residential_care FROM patient WHERE id = ?
                """), arguments: [pid]) ?? false
        }
        if needs.contains(.checksDone) {
            for row in try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT kind AS item, max(at) AS at, unit_id, 'observation' AS source FROM observation
                WHERE patient_id = ? GROUP BY kind, unit_id
                UNION ALL
                SELECT item, max(done_on) AS at, unit_id, 'done' AS source FROM check_done
                WHERE patient_id = ? GROUP BY item, unit_id
                """), arguments: [pid, pid]) where sees(.clinical, row["unit_id"]) {
                guard let item = CheckItem(rawValue: row["item"]) else { continue }
                let on = (row["source"] as String) == "done" ? Decode.day(row, "at") : day(row["at"])
                if let on, f.checksDone[item].map({ on > $0 }) ?? true { f.checksDone[item] = on }
            }
        }
        if needs.contains(.diagnosisCodes) {
            f.diagnosisCodes = try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT code, unit_id FROM problem WHERE patient_id = ?
                """), arguments: [pid]).filter { sees(.clinical, $0["unit_id"]) }.map { $0["code"] }
        }
        if needs.contains(.encountersForContinuity) {
            f.encountersForContinuity = try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT e.at, e.staff_id, e.unit_id, s.profession FROM encounter e JOIN staff s ON s.id = e.staff_id
                WHERE e.patient_id = ? AND e.at >= ? AND e.annulled_at IS NULL ORDER BY e.at, e.id
                """), arguments: [pid, continuitySince]).filter { sees(.clinical, $0["unit_id"]) }.map { row in
                ContinuityEncounter(day: day(row["at"]), staffId: StaffID(rawValue: row["staff_id"]),
                                    group: (Profession(rawValue: row["profession"]) ?? .other).continuityGroup,
                                    unitId: UnitID(rawValue: row["unit_id"]))
            }
        }
        if needs.contains(.primaryCareEncounterDays) {
            f.primaryCareEncounterDays = try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT e.at, e.unit_id FROM encounter e JOIN care_unit u ON u.id = e.unit_id
                WHERE e.patient_id = ? AND u.kind = 'primary_care' AND e.annulled_at IS NULL
                """), arguments: [pid]).filter { sees(.clinical, $0["unit_id"]) }.map { day($0["at"]) }
        }
        if needs.contains(.plans) {
            f.plans = try PlanRows.load(db, patient: pid).filter {
                grant.sees(.coordination, documentedAt: grant.documentingUnit(of: $0))
            }
        }
        if needs.contains(.discharges) {
            f.discharges = try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM discharge WHERE patient_id = ?"),
                                            arguments: [pid]).map(Decode.discharge)
                .filter { grant.sees(.clinical, documentedAt: $0.unitId) }
        }
        if needs.contains(.dischargeNotices) {
            f.dischargeNotices = try DischargeNoticeRows.load(db, patient: pid)
                .filter { grant.sees(.coordination, documentedAt: $0.unitId) }
        }
        if needs.contains(.referrals) {
            f.referrals = try ReferralRows.load(db, where: "patient_id = ?", arguments: [pid]).compactMap(grant.seen).map { r in
                var facts = ReferralFacts(id: r.id, state: r.state, sentOn: r.sentOn,
                              overdueDays: r.isOverdue(today: today) ? -(r.daysLeft(today: today) ?? 0) : nil,
                              answeredOn: r.history.last { $0.action == .reply || $0.action == .adviceReply }
                                  .map { LocalDate(date: $0.at, in: .stockholm) },
                              fromUnitId: r.fromUnitId,
                              rejectedOn: r.state == .rejected
                                  ? r.history.last { $0.action == .reject }.map { LocalDate(date: $0.at, in: .stockholm) }
                                  : nil)
                facts.patientInformed = r.history.contains { $0.action == .patientInformed }
                return facts
            }
        }
        return f
    }

    private func day(_ seconds: Int64) -> LocalDate {
        LocalDate(date: Date(timeIntervalSince1970: TimeInterval(seconds)), in: .stockholm)
    }
}
