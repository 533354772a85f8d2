import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    /// The unit's figures for the reform's goals over the `months` calendar months ending
    /// with the month of `today` (`ReformReport`). Reads outside the logging door because
    /// the result names no patient; the caller logs the report as a whole. Encounters a
    /// patient has blocked (spärr) from the reader's unit or provider count for nothing.
    public func reformReport(unit: UnitID, today: LocalDate, months: Int, scope: ContinuityScope,
                             as context: AccessContext) throws -> ReformReport {
        try read { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            guard !subject.rights.isDisjoint(with: Right.patientRights) else { throw StoreError.accessDenied(.notForRole) }
            var report = ReformReport(unit: unit, endingOn: today, count: months, scope: scope)
            var query = ReformReportQuery(db: db, unit: unit.rawValue, first: report.firstDay, today: today,
                                          since: report.firstDay.adding(months: -report.continuityMonths),
                                          reader: subject)
            for patient in try query.patients() { report.add(patient) }
            for referral in try ReferralRows.load(db, where: """
                from_unit_id = ? AND id IN (SELECT referral_id FROM referral_event WHERE action = 'reject')
                """, arguments: [unit.rawValue]) {
                report.add(sent: referral)
            }
            return report
        }
    }
}

/// A few set-wise reads over the patients listed at the unit at some time in the period,
/// grouped by patient in memory: no query per patient except for the plans of the few
/// with discharge notices.
struct ReformReportQuery {
    let db: Database
    let unit: String
    let first: LocalDate
    let today: LocalDate
    /// Encounters before this day are outside every continuity window.
    let since: LocalDate
    let reader: AccessSubject

    private var patientsSQL: String {
        """
        SELECT DISTINCT patient_id FROM listing
        WHERE unit_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date > ?)
        """
    }
    private var patientsArguments: StatementArguments { [unit, today.iso, first.iso] }

    mutating func patients() throws -> [ReformPatient] {
        var byId: [Int64: ReformPatient] = [:]
        for id in try Int64.fetchAll(db, sql: patientsSQL, arguments: patientsArguments) {
            byId[id] = ReformPatient(listings: [])
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM listing WHERE unit_id = ? AND patient_id IN (\(patientsSQL))",
                                    arguments: [unit] + patientsArguments) {
            byId[row["patient_id"]]?.listings.append(Decode.listing(row))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT * FROM care_contact WHERE unit_id = ? AND (to_date IS NULL OR to_date > ?)
            """, arguments: [unit, first.iso]) {
            byId[row["patient_id"]]?.contacts.append(Decode.contact(row))
        }
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM patient WHERE residential_care = 1 AND id IN (\(patientsSQL))",
                                     arguments: patientsArguments) {
            byId[id]?.residentialCare = true
        }
        try loadEncounters(into: &byId)
        for row in try Row.fetchAll(db, sql: "SELECT * FROM discharge_notice WHERE unit_id = ?", arguments: [unit]) {
            let notice = DischargeNoticeRows.decode(row)
            guard byId[notice.patientId.rawValue] != nil else { continue }
            if byId[notice.patientId.rawValue]!.dischargeNotices.isEmpty {
                byId[notice.patientId.rawValue]!.plans = try PlanRows.load(db, patient: notice.patientId.rawValue)
            }
            byId[notice.patientId.rawValue]!.dischargeNotices.append(notice)
        }
        return byId.keys.sorted().map { byId[$0]! }
    }

    private func loadEncounters(into byId: inout [Int64: ReformPatient]) throws {
        var blocks: [Int64: [InformationBlock]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM information_block WHERE to_date IS NULL") {
            let block = Decode.block(row)
            if block.isActive(on: today) { blocks[block.patientId.rawValue, default: []].append(block) }
        }
        let providers = blocks.isEmpty ? [:] : try AccessFacts.providerMap(db)
        let from = seconds(since.noon(in: .stockholm)) - 86_400
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.patient_id, e.at, e.staff_id, e.unit_id, s.profession FROM encounter e
            JOIN staff s ON s.id = e.staff_id
            WHERE e.at >= ? AND e.annulled_at IS NULL AND e.patient_id IN (\(patientsSQL))
            """, arguments: [from] + patientsArguments)
        while let row = try rows.next() {
            let patient: Int64 = row["patient_id"]
            let unitId = UnitID(rawValue: row["unit_id"])
            if let hiding = blocks[patient] {
                let provider = providers[unitId] ?? ProviderID.derived(from: unitId)
                if hiding.contains(where: { $0.hides(documentedAt: unitId, of: provider, fromReaderAt: reader.unitId,
                                                      of: reader.providerId) }) { continue }
            }
            let at = Date(timeIntervalSince1970: TimeInterval(row["at"] as Int64))
            byId[patient]?.encounters.append(ContinuityEncounter(
                day: LocalDate(date: at, in: .stockholm), staffId: StaffID(rawValue: row["staff_id"]),
                group: (Profession(rawValue: row["profession"]) ?? .other).continuityGroup, unitId: unitId))
        }
    }
}
