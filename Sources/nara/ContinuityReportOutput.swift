import Foundation
import NaraDomain

/// The continuity report in three formats. Counts, shares and indices only: no format
/// carries a patient's identity.
enum ContinuityReportOutput {
    static func render(_ overview: ContinuityOverview, format: WorklistCommand.Format) -> String {
        switch format {
        case .table: return ContinuityReportTable.render(overview)
        case .csv: return csv(overview)
        case .json: return json(overview)
        }
    }

    /// The profession groups in report order, with the names every format uses.
    static func groups(_ s: ContinuitySummaryByProfession) -> [(name: String, summary: ContinuitySummary)] {
        [("physicians", s.doctors), ("nurses", s.nurses), ("all_staff", s.all)]
    }

    // MARK: csv

    /// One row per unit or staff member and profession group ("tidy"), so a pivot table
    /// or `pandas.read_csv` takes it as it is. Column names never change; a column that
    /// does not apply to a row's scope is empty.
    static let csvHeader = [
        "window_from", "window_to", "months", "min_encounters", "scope", "unit_id", "unit_name", "staff_id",
        "staff_name", "profession", "patients", "care_contact_patients", "care_contact_share", "named_gp_patients",
        "named_gp_share", "own_encounter_share", "profession_group", "measured_patients", "too_few_encounters",
        "coc_mean", "coc_p25", "coc_median", "coc_p75", "upc_mean", "upc_p25", "upc_median", "upc_p75",
    ]

    static func csv(_ overview: ContinuityOverview) -> String {
        let common = [overview.window.lowerBound.iso, overview.window.upperBound.iso, String(overview.months),
                      String(overview.minimumEncounters)]
        var lines = [csvHeader.joined(separator: ",")]
        for u in overview.units {
            let head = common + ["unit", u.unitId.rawValue, u.unitName, "", "", "", String(u.listedPatients),
                                 String(u.withCareContact), decimal(share(u.withCareContact, of: u.listedPatients)),
                                 String(u.withNamedGP), decimal(share(u.withNamedGP, of: u.listedPatients)), ""]
            for g in groups(u.continuity) { lines.append(csvLine(head + [g.name] + summaryFields(g.summary))) }
        }
        for s in overview.staff {
            let head = common + ["staff", s.unitId.rawValue, s.unitName, s.staffId.rawValue, s.staffName,
                                 s.profession.rawValue, String(s.patients), String(s.careContactPatients), "",
                                 String(s.namedGPPatients), "", decimal(s.ownEncounterShare)]
            for g in groups(s.continuity) { lines.append(csvLine(head + [g.name] + summaryFields(g.summary))) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func summaryFields(_ s: ContinuitySummary) -> [String] {
        [String(s.measuredPatients), String(s.tooFewEncounters)]
            + [s.coc, s.upc].flatMap { d in [d?.mean, d?.lowerQuartile, d?.median, d?.upperQuartile].map(decimal) }
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
    /// Names pass through `CleanText.line` first, so no field holds a line break.
    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            let clean = CleanText.line(field)
            guard clean.contains(where: { $0 == "," || $0 == "\"" }) else { return clean }
            return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }

    /// Four decimals with a dot whatever the locale; empty for "not measured".
    static func decimal(_ value: Double?) -> String {
        value.map { String(format: "%.4f", $0) } ?? ""
    }

    static func share(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }

    // MARK: json

    struct JSONReport: Encodable {
        var report = "continuity"
        var window: Window
        var minEncounters: Int
        var units: [JSONUnit]
        var staff: [JSONStaff]

        struct Window: Encodable {
            var from: String, to: String, months: Int
        }

        enum CodingKeys: String, CodingKey {
            case report, window, units, staff
            case minEncounters = "min_encounters"
        }
    }

    struct JSONUnit: Encodable {
        var unitId: String, unitName: String, listedPatients: Int
        var careContactPatients: Int, careContactShare: Double?, namedGPPatients: Int, namedGPShare: Double?
        var continuity: JSONGroups

        enum CodingKeys: String, CodingKey {
            case unitId = "unit_id", unitName = "unit_name", listedPatients = "listed_patients"
            case careContactPatients = "care_contact_patients", careContactShare = "care_contact_share"
            case namedGPPatients = "named_gp_patients", namedGPShare = "named_gp_share", continuity
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(unitId, forKey: .unitId)
            try c.encode(unitName, forKey: .unitName)
            try c.encode(listedPatients, forKey: .listedPatients)
            try c.encode(careContactPatients, forKey: .careContactPatients)
            try c.encode(careContactShare, forKey: .careContactShare)
            try c.encode(namedGPPatients, forKey: .namedGPPatients)
            try c.encode(namedGPShare, forKey: .namedGPShare)
            try c.encode(continuity, forKey: .continuity)
        }
    }

    struct JSONStaff: Encodable {
        var staffId: String, staffName: String, profession: String, unitId: String, unitName: String
        var patients: Int, careContactPatients: Int, namedGPPatients: Int, ownEncounterShare: Double?
        var continuity: JSONGroups

        enum CodingKeys: String, CodingKey {
            case staffId = "staff_id", staffName = "staff_name", profession, unitId = "unit_id", unitName = "unit_name"
            case patients, careContactPatients = "care_contact_patients", namedGPPatients = "named_gp_patients"
            case ownEncounterShare = "own_encounter_share", continuity
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(staffId, forKey: .staffId)
            try c.encode(staffName, forKey: .staffName)
            try c.encode(profession, forKey: .profession)
            try c.encode(unitId, forKey: .unitId)
            try c.encode(unitName, forKey: .unitName)
            try c.encode(patients, forKey: .patients)
            try c.encode(careContactPatients, forKey: .careContactPatients)
            try c.encode(namedGPPatients, forKey: .namedGPPatients)
            try c.encode(ownEncounterShare, forKey: .ownEncounterShare)
            try c.encode(continuity, forKey: .continuity)
        }
    }

    struct JSONGroups: Encodable {
        var physicians: JSONSummary, nurses: JSONSummary, allStaff: JSONSummary

        init(_ s: ContinuitySummaryByProfession) {
            physicians = JSONSummary(s.doctors)
            nurses = JSONSummary(s.nurses)
            allStaff = JSONSummary(s.all)
        }

        enum CodingKeys: String, CodingKey {
            case physicians, nurses, allStaff = "all_staff"
        }
    }

    /// `coc` and `upc` are null, never left out, when no patient was measured.
    struct JSONSummary: Encodable {
        var measuredPatients: Int, tooFewEncounters: Int
        var coc: JSONDistribution?, upc: JSONDistribution?

        init(_ s: ContinuitySummary) {
            measuredPatients = s.measuredPatients
            tooFewEncounters = s.tooFewEncounters
            coc = s.coc.map(JSONDistribution.init)
            upc = s.upc.map(JSONDistribution.init)
        }

        enum CodingKeys: String, CodingKey {
            case measuredPatients = "measured_patients", tooFewEncounters = "too_few_encounters", coc, upc
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(measuredPatients, forKey: .measuredPatients)
            try c.encode(tooFewEncounters, forKey: .tooFewEncounters)
            try c.encode(coc, forKey: .coc)
            try c.encode(upc, forKey: .upc)
        }
    }

    struct JSONDistribution: Encodable {
        var mean: Double, p25: Double, median: Double, p75: Double

        init(_ d: ContinuityDistribution) {
            mean = ContinuityReportOutput.rounded(d.mean)
            p25 = ContinuityReportOutput.rounded(d.lowerQuartile)
            median = ContinuityReportOutput.rounded(d.median)
            p75 = ContinuityReportOutput.rounded(d.upperQuartile)
        }
    }

    /// Four decimals, as in csv: more would only show floating-point noise.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func rounded(_ value: Double?) -> Double? { value.map(rounded) }

    static func json(_ overview: ContinuityOverview) -> String {
        let report = JSONReport(
            window: .init(from: overview.window.lowerBound.iso, to: overview.window.upperBound.iso,
                          months: overview.months),
            minEncounters: overview.minimumEncounters,
            units: overview.units.map { u in
                JSONUnit(unitId: u.unitId.rawValue, unitName: CleanText.line(u.unitName), listedPatients: u.listedPatients,
                         careContactPatients: u.withCareContact,
                         careContactShare: rounded(share(u.withCareContact, of: u.listedPatients)),
                         namedGPPatients: u.withNamedGP, namedGPShare: rounded(share(u.withNamedGP, of: u.listedPatients)),
                         continuity: JSONGroups(u.continuity))
            },
            staff: overview.staff.map { s in
                JSONStaff(staffId: s.staffId.rawValue, staffName: CleanText.line(s.staffName),
                          profession: s.profession.rawValue, unitId: s.unitId.rawValue,
                          unitName: CleanText.line(s.unitName), patients: s.patients,
                          careContactPatients: s.careContactPatients, namedGPPatients: s.namedGPPatients,
                          ownEncounterShare: rounded(s.ownEncounterShare), continuity: JSONGroups(s.continuity))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
