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
            try ReformReportQuery.report(SQLiteReportSource(db: db), unit: unit, today: today, months: months,
                                         scope: scope, as: context)
        }
    }
}

/// One read of who asks and the unit's patients' listings, contacts, discharge notices,
/// plans and rejected referrals (set-wise, grouped by patient in memory), then one pass
/// over their encounters: the same statements however many patients. On either store
/// (`ReportSource`).
package struct ReformReportQuery {
    let source: any ReportSource
    let unit: String
    let first: LocalDate
    let today: LocalDate
    /// Encounters before this day are outside every continuity window.
    let since: LocalDate

    /// Refused for an inactive user and for roles that read no patient.
    package static func report(_ source: any ReportSource, unit: UnitID, today: LocalDate, months: Int,
                               scope: ContinuityScope, as context: AccessContext) throws -> ReformReport {
        var report = ReformReport(unit: unit, endingOn: today, count: months, scope: scope)
        let query = ReformReportQuery(source: source, unit: unit.rawValue, first: report.firstDay, today: today,
                                      since: report.firstDay.adding(months: -report.continuityMonths))
        let rows = try source.parts(query.parts, arguments: query.arguments(context))
        let reader = try ReportRules.subject(rows, context: context, needsPatientRights: true)
        for patient in try query.patients(rows, reader: reader) { report.add(patient) }
        for referral in ReferralRows.assemble(rows) { report.add(sent: referral) }
        return report
    }

    /// The patients listed at the unit at some time in the period.
    private static let patientsSQL = """
        SELECT DISTINCT patient_id FROM listing
        WHERE unit_id = :unit AND from_date <= :today AND (to_date IS NULL OR to_date > :first)
        """

    private func arguments(_ context: AccessContext) -> [String: (any DatabaseValueConvertible)?] {
        ["unit": unit, "today": today.iso, "first": first.iso, "reader_unit": context.unitId.rawValue,
         "staff": context.staffId.rawValue]
    }

    private var parts: [TaggedRead.Part] {
        [ReportRules.readerPart,
         TaggedRead.Part("patient", Self.patientsSQL),
         TaggedRead.Part("listing", "SELECT * FROM listing WHERE unit_id = :unit AND patient_id IN (\(Self.patientsSQL))"),
         TaggedRead.Part("care_contact", "SELECT * FROM care_contact WHERE unit_id = :unit AND (to_date IS NULL OR to_date > :first)"),
         TaggedRead.Part("residential_care", """
             SELECT id FROM patient WHERE residential_care AND id IN (\(Self.patientsSQL))
             """),
         TaggedRead.Part("discharge_notice", "SELECT * FROM discharge_notice WHERE unit_id = :unit", order: "id"),
         TaggedRead.Part("block", "SELECT * FROM information_block WHERE to_date IS NULL"),
         TaggedRead.Part("unit", "SELECT id, provider_id FROM care_unit")]
            + PlanRows.parts(where: "patient_id IN (SELECT patient_id FROM discharge_notice WHERE unit_id = :unit)")
            + ReferralRows.parts(where: """
                from_unit_id = :unit AND id IN (SELECT referral_id FROM referral_event WHERE action = 'reject')
                """)
    }

    private func patients(_ rows: [String: [Row]], reader: AccessSubject) throws -> [ReformPatient] {
        var byId: [Int64: ReformPatient] = [:]
        for row in rows["patient"] ?? [] { byId[row["patient_id"]] = ReformPatient(listings: []) }
        for row in rows["listing"] ?? [] { byId[row["patient_id"]]?.listings.append(Decode.listing(row)) }
        for row in rows["care_contact"] ?? [] { byId[row["patient_id"]]?.contacts.append(Decode.contact(row)) }
        for row in rows["residential_care"] ?? [] { byId[row["id"]]?.residentialCare = true }
        try loadEncounters(into: &byId, rows, reader: reader)
        var plans: [Int64: [CoordinatedPlan]] = [:]
        for plan in PlanRows.assemble(rows) { plans[plan.patientId.rawValue, default: []].append(plan) }
        for row in rows["discharge_notice"] ?? [] {
            let notice = DischargeNoticeRows.decode(row)
            let id = notice.patientId.rawValue
            guard byId[id] != nil else { continue }
            if byId[id]!.dischargeNotices.isEmpty { byId[id]!.plans = plans[id] ?? [] }
            byId[id]!.dischargeNotices.append(notice)
        }
        return byId.keys.sorted().map { byId[$0]! }
    }

    private func loadEncounters(into byId: inout [Int64: ReformPatient], _ rows: [String: [Row]],
                                reader: AccessSubject) throws {
        var blocks: [Int64: [InformationBlock]] = [:]
        for row in rows["block"] ?? [] {
            let block = Decode.block(row)
            if block.isActive(on: today) { blocks[block.patientId.rawValue, default: []].append(block) }
        }
        var providers: [UnitID: ProviderID] = [:]
        for row in rows["unit"] ?? [] { providers[UnitID(rawValue: row["id"])] = ProviderID(rawValue: row["provider_id"] ?? "") }
        let from = seconds(since.noon(in: .stockholm)) - 86_400
        try source.each("""
            SELECT e.patient_id, e.at, e.staff_id, e.unit_id, s.profession FROM encounter e
            JOIN staff s ON s.id = e.staff_id
            WHERE e.at >= :from AND e.annulled_at IS NULL AND e.patient_id IN (\(Self.patientsSQL))
            """, arguments: ["from": from, "unit": unit, "today": today.iso, "first": first.iso]) { row in
            let patient: Int64 = row["patient_id"]
            let unitId = UnitID(rawValue: row["unit_id"])
            if let hiding = blocks[patient] {
                let provider = providers[unitId] ?? ProviderID.derived(from: unitId)
                if hiding.contains(where: { $0.hides(documentedAt: unitId, of: provider, fromReaderAt: reader.unitId,
                                                      of: reader.providerId) }) { return }
            }
            let at = Date(timeIntervalSince1970: TimeInterval(row["at"] as Int64))
            byId[patient]?.encounters.append(ContinuityEncounter(
                day: LocalDate(date: at, in: .stockholm), staffId: StaffID(rawValue: row["staff_id"]),
                group: (Profession(rawValue: row["profession"]) ?? .other).continuityGroup, unitId: unitId))
        }
    }
}
