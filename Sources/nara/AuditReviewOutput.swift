import Foundation
import NaraApp
import NaraDomain

/// The review list in the extract's three formats. Emergency rows come first and are
/// flagged, because they must all be reviewed; the sample follows.
enum AuditReviewOutput {
    struct Period {
        var from: LocalDate
        var to: LocalDate
        var seed: UInt64
    }

    static let header = ["row", "why", "time", "staff_id", "staff_name", "unit_name", "patient", "action",
                         "detail", "reason", "review", "reviewer", "comment"]

    static func fields(_ item: AccessReviewItem, reviewers: [StaffID: String]) -> [String] {
        let e = item.entry
        let at = Date(timeIntervalSince1970: TimeInterval(e.atMilliseconds) / 1000)
        let reviewer = item.review.map { r in reviewers[r.reviewer].map { "\($0) (\(r.reviewer))" } ?? r.reviewer.rawValue }
        // Why the row was chosen, by every criterion that chose it: emergency, protected_identity, …
        return [String(e.id), item.reasons.map(\.rawValue).joined(separator: "+"),
                AuditExtractOutput.time(at),
                e.staffId.rawValue, item.staffName, item.unitName, item.patientIdentifier ?? "", e.action.rawValue,
                e.detail, e.reason ?? "", item.review.map { $0.verdict == .ok ? "ok" : "follow-up" } ?? "not reviewed",
                reviewer ?? "", item.review?.comment ?? ""].map { CleanText.line($0) }
    }

    static func render(_ items: [AccessReviewItem], reviewers: [StaffID: String], period: Period,
                       format: AuditExtractCommand.Format) -> String {
        let records = items.map { fields($0, reviewers: reviewers) }
        switch format {
        case .table, .text:
            let title = "Access review \(period.from.iso) – \(period.to.iso), seed \(period.seed)\n"
            guard !records.isEmpty else { return title + "No accesses in this period.\n" }
            let emergencies = items.filter(\.entry.emergency).count
            let open = items.filter { $0.review == nil }.count
            return title + CommandTable(header: header, rows: records).text()
                + "\(emergencies) emergency, \(items.count - emergencies) chosen by the other criteria or at random, "
                + "\(open) not reviewed\n"
        case .csv:
            return CommandTable(header: header, rows: records).csv()
        case .json:
            let rows = zip(items, records).map { item, record -> [String: Any] in
                var o: [String: Any] = Dictionary(uniqueKeysWithValues: zip(header, record))
                o["row"] = item.entry.id
                o["emergency"] = item.entry.emergency
                o["reviewed"] = item.review != nil
                return o
            }
            let object: [String: Any] = ["from": period.from.iso, "to": period.to.iso, "seed": period.seed, "rows": rows]
            return CommandTable.json(object)
        }
    }
}
