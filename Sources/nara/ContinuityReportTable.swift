import Foundation
import NaraDomain
import NaraStore

/// The continuity report for a terminal: a unit table and a staff table, three lines
/// (physicians, nurses, all staff) per unit or staff member, numbers right-aligned.
enum ContinuityReportTable {
    static func render(_ o: ContinuityOverview) -> String {
        var out = "Continuity of care \(o.window.lowerBound.iso) – \(o.window.upperBound.iso) (\(o.months) months)\n"
        out += "Measured: patients with at least \(o.minimumEncounters) encounters with the profession group in the "
            + "window; the rest count as too few. COC and UPC: mean, and p25 median p75.\n\n"
        out += "Care units: listed patients, how many have a named care contact and a named GP at the unit, "
            + "and the continuity of their encounters at the unit\n"
        if o.units.isEmpty {
            out += "No unit has listed patients.\n"
        } else {
            let header = ["unit", "listed", "care contact", "named GP"] + groupHeader
            var rows: [[String]] = []
            for u in o.units {
                let lead = [CleanText.line(u.unitName), String(u.listedPatients),
                            counted(u.withCareContact, of: u.listedPatients), counted(u.withNamedGP, of: u.listedPatients)]
                rows += groupRows(u.continuity, lead: lead)
            }
            out += table(header, rows, leftAligned: [0, 4])
        }
        out += "\nNamed contacts: per staff member, the patients who have them as named care contact (care contact "
            + "for) or named GP (named GP for), each patient once in patients; own share: of those patients' "
            + "encounters at the unit with the staff member's profession group, the share with the staff member\n"
        if o.staff.isEmpty {
            out += "No staff member is a named contact.\n"
        } else {
            let header = ["unit", "staff", "profession", "care contact for", "named GP for", "patients", "own share"]
                + groupHeader
            var rows: [[String]] = []
            for s in o.staff {
                let lead = [CleanText.line(s.unitName), CleanText.line(s.staffName), s.profession.rawValue,
                            String(s.careContactPatients), String(s.namedGPPatients), String(s.patients),
                            percent(s.ownEncounterShare)]
                rows += groupRows(s.continuity, lead: lead)
            }
            out += table(header, rows, leftAligned: [0, 1, 2, 7])
        }
        return out + "\(o.units.count) units, \(o.staff.count) staff\n"
    }

    static let groupHeader = ["group", "measured", "too few", "COC mean", "COC p25 median p75", "UPC mean",
                              "UPC p25 median p75"]

    /// One line per profession group; the lead columns only on the first.
    static func groupRows(_ c: ContinuitySummaryByProfession, lead: [String]) -> [[String]] {
        let blank = Array(repeating: "", count: lead.count)
        return [("physicians", c.doctors), ("nurses", c.nurses), ("all staff", c.all)].enumerated().map { i, g in
            (i == 0 ? lead : blank) + [g.0, String(g.1.measuredPatients), String(g.1.tooFewEncounters),
                                       index(g.1.coc?.mean), quartiles(g.1.coc), index(g.1.upc?.mean), quartiles(g.1.upc)]
        }
    }

    static func index(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "n/a" }

    static func quartiles(_ d: ContinuityDistribution?) -> String {
        guard let d else { return "n/a" }
        return [d.lowerQuartile, d.median, d.upperQuartile].map { String(format: "%.2f", $0) }.joined(separator: " ")
    }

    static func percent(_ share: Double?) -> String { share.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a" }

    static func counted(_ part: Int, of whole: Int) -> String {
        "\(part) (\(percent(whole > 0 ? Double(part) / Double(whole) : nil)))"
    }

    /// Columns padded to their widest cell; text columns left-aligned, numbers right.
    static func table(_ header: [String], _ rows: [[String]], leftAligned: Set<Int>) -> String {
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { i, v -> String in
                let pad = String(repeating: " ", count: widths[i] - v.count)
                return leftAligned.contains(i) ? v + pad : pad + v
            }
            return padded.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
