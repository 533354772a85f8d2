import Foundation
import NaraDomain

/// The continuity report for a terminal: a unit table and a staff table, three lines
/// (physicians, nurses, all staff) per unit or staff member, numbers right-aligned.
enum ContinuityReportTable {
    static func render(_ o: ContinuityOverview) -> String {
        var out = "Continuity of care \(o.window.lowerBound.iso) – \(o.window.upperBound.iso) (\(o.months) months)\n"
        out += wrap("Measured: patients with at least \(o.minimumEncounters) encounters with the profession group in "
            + "the window; the rest count as too few. COC and UPC: mean, and the quartiles p25 median p75.") + "\n"
        out += wrap("Care units: listed patients, how many have a named care contact and a named GP at the unit, "
            + "and the continuity of their encounters at the unit.")
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
        out += "\n" + wrap("Named contacts, by the unit of the assignment: per staff member, the patients who have "
            + "them as named care contact (care contact for) or named GP (named GP for), each patient once in "
            + "patients, and the continuity of those patients' encounters at the unit. Own share: of those "
            + "encounters with the staff member's profession group, the share with the staff member.")
        if o.staff.isEmpty {
            out += "No staff member is a named contact.\n"
        } else {
            let header = ["staff", "profession", "care contact for", "named GP for", "patients", "own share"]
                + groupHeader
            var rows: [[String]] = []
            for (i, s) in o.staff.enumerated() {
                if i == 0 || o.staff[i - 1].unitId != s.unitId { rows.append([CleanText.line(s.unitName)]) }
                let lead = ["  " + CleanText.line(s.staffName), s.profession.rawValue, String(s.careContactPatients),
                            String(s.namedGPPatients), String(s.patients), percent(s.ownEncounterShare)]
                rows += groupRows(s.continuity, lead: lead)
            }
            out += table(header, rows, leftAligned: [0, 1, 6])
        }
        return out + "\(o.units.count) units, \(o.staff.count) staff\n"
    }

    static let groupHeader = ["group", "measured", "too few", "COC mean", "COC quartiles", "UPC mean",
                              "UPC quartiles"]

    /// One line per profession group; the lead columns only on the first.
    static func groupRows(_ c: ContinuitySummaryByProfession, lead: [String]) -> [[String]] {
        let blank = Array(repeating: "", count: lead.count)
        return [("physicians", c.doctors), ("nurses", c.nurses), ("all staff", c.all)].enumerated().map { i, g in
            (i == 0 ? lead : blank) + [g.0, String(g.1.measuredPatients), String(g.1.tooFewEncounters),
                                       index(g.1.coc?.mean), quartiles(g.1.coc), index(g.1.upc?.mean), quartiles(g.1.upc)]
        }
    }

    /// Prose lines broken at spaces to fit a terminal.
    static func wrap(_ text: String, width: Int = 100) -> String {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n") + "\n"
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

    /// Text columns left-aligned, numbers right; a row of one cell is a heading.
    static func table(_ header: [String], _ rows: [[String]], leftAligned: Set<Int>) -> String {
        CommandTable(header: header, rows: rows, rightAligned: Set(header.indices).subtracting(leftAligned)).text()
    }
}
