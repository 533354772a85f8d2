import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

/// `nara report guarantees`: how often a unit kept the primary-care guarantees, per day
/// and per month.
struct GuaranteeReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guarantees",
        abstract: "Shares of care requests that kept the 0 (same-day contact) and 3 (assessment) guarantees.",
        discussion: """
            Counts the care requests (vårdbegäran) registered at --unit on --from to --to (Swedish days; \
            the last 30 days up to today when left out), grouped by the day and by the month they were \
            registered. A clock is kept when its contact or assessment was recorded by the deadline: the \
            day of the contact for 0, three calendar days later for 3, the deadline day in time; nothing \
            pauses these clocks. A clock that has not stopped is broken once its deadline has passed, and \
            pending until then: pending clocks are left out of the share (kept / (requests − pending)). \
            "n/a" when nothing is decided yet.

            csv and json have one row per period (scope day or month) with fixed English column names and a \
            dot as decimal mark. No output names a patient; the report is written to the access log as one row \
            without a patient.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("The care unit.", valueName: "ID")) var unit: String
    @Option(help: ArgumentHelp("The first day (YYYY-MM-DD).", valueName: "DATE")) var from: String?
    @Option(help: ArgumentHelp("The last day (YYYY-MM-DD), default today.", valueName: "DATE")) var to: String?
    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "FORMAT"))
    var format: WorklistCommand.Format = .table
    @OptionGroup var userOption: UserOption

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, LocalDate(iso: value) == nil { throw ValidationError("\(name) must be YYYY-MM-DD, not '\(value)'") }
        }
        if let from, let to, let a = LocalDate(iso: from), let b = LocalDate(iso: to), a > b {
            throw ValidationError("--from must not be after --to")
        }
    }

    func run() throws {
        try reportingFailures {
            let (store, context, unitId) = try UnitReportTarget.open(storeOptions, userOption, unit: unit)
            let today = SystemClock().today
            let last = to.flatMap(LocalDate.init(iso:)) ?? today
            let first = from.flatMap(LocalDate.init(iso:)) ?? last.adding(days: -29)
            let requests = try store.careRequestsForReport(unit: unitId, from: first, to: last, as: context)
            try store.logEvent("guarantee report \(unitId) \(first.iso)..\(last.iso), \(format.rawValue): "
                               + "\(requests.count) care requests", action: format == .table ? .print : .export,
                               as: context)
            print(Self.render(requests, format: format, today: today), terminator: "")
        }
    }

    static func render(_ requests: [CareRequest], format: WorklistCommand.Format, today: LocalDate) -> String {
        func pct(_ share: Double?) -> String {
            share.map { String(format: format == .table ? "%.1f %%" : "%.4f", format == .table ? $0 * 100 : $0) } ?? "n/a"
        }
        let groups = GuaranteeShare.Grouping.allCases.map { ($0, GuaranteeShare.report(requests, by: $0, today: today)) }
        let header = ["scope", "period", "requests", "contact_kept", "contact_pending", "contact_share",
                      "assessment_kept", "assessment_pending", "assessment_share"]
        let rows = groups.flatMap { grouping, shares in
            shares.map { s in
                [grouping.rawValue, s.period, String(s.requests), String(s.contactKept), String(s.contactPending),
                 pct(s.share(.contact)), String(s.assessmentKept), String(s.assessmentPending),
                 pct(s.share(.assessment))]
            }
        }
        let table = CommandTable(header: header, rows: rows, rightAligned: Set(2..<header.count))
        switch format {
        case .csv: return table.csv()
        case .json:
            return table.json { i in
                var typed: [String: Any] = [:]
                for (k, v) in zip(header, rows[i]) where k != "scope" && k != "period" {
                    typed[k] = Int(v) ?? Double(v) ?? NSNull()
                }
                return typed
            }
        case .table:
            guard !requests.isEmpty else { return "No care requests in the period.\n" }
            return table.text()
        }
    }
}
