import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

extension ContinuityScope: ExpressibleByArgument {}

/// `nara report reform`: a unit's figures for the reform's goals, month by month.
struct ReformReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reform",
        abstract: "A unit's figures for the goals of Nära vård, by month: named GPs, SÄBO, continuity, discharge.",
        discussion: """
            One row per calendar month, the last --months months up to the month of --today; each month is \
            counted as of its last day (the running month as of --today).

            listed: patients listed at --unit that day. named_gp: of them, those with a named GP (fast \
            läkarkontakt) at the unit; goal at least 55 %. sabo: of the listed, those living in a residential \
            care home (SÄBO, recorded with `nara sabo`; the attribute has no history, so today's value counts \
            in every month), and sabo_named_gp those of them with a named GP; goal at least 80 %.

            coc_physicians and coc_all: the mean Bice–Boxerman COC over the 18 months ending that day, to \
            physicians and to all staff, of the listed patients with at least 3 encounters in the group (as \
            Primärvårdskvalitet counts); the patients measured are given beside. --scope listing-unit (the \
            default, as on every screen and list) counts the encounters at the unit; all-units counts every \
            unit's.

            rejected_open: referrals sent from the unit that stood rejected that day with no step recorded \
            since. sip_calls: ready-for-discharge notices whose 3-day SIP call fell due in the month, and of \
            them met in time (a plan agreed after the admission by the due day). care_contact_at_discharge: \
            discharges in the month, and of them with a fast vårdkontakt at the unit on the discharge day \
            (lag 2017:612).

            csv and json have fixed English column names and a dot as decimal mark; shares are fractions. No \
            output names a patient; the report is written to the access log as one row without a patient.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("The care unit (a vårdcentral).", valueName: "ID")) var unit: String
    @Option(help: ArgumentHelp("How many calendar months, ending with the month of --today.", valueName: "N"))
    var months: Int = 12
    @Option(help: ArgumentHelp("Continuity over the listing unit's encounters or all units' (listing-unit, all-units).",
                               valueName: "SCOPE"))
    var scope: ContinuityScope = .default
    @Option(help: ArgumentHelp("The last day (YYYY-MM-DD), default today.", valueName: "DATE")) var today: String?
    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "FORMAT"))
    var format: WorklistCommand.Format = .table
    @OptionGroup var userOption: UserOption

    func validate() throws {
        guard (1...120).contains(months) else { throw ValidationError("--months must be 1 to 120, not \(months)") }
        if let today, LocalDate(iso: today) == nil { throw ValidationError("--today must be YYYY-MM-DD, not '\(today)'") }
    }

    func run() throws {
        try reportingFailures {
            let (store, context, unitId) = try UnitReportTarget.open(storeOptions, userOption, unit: unit)
            let day = today.flatMap(LocalDate.init(iso:)) ?? SystemClock().today
            let report = try store.reformReport(unit: unitId, today: day, months: months, scope: scope,
                                                as: context)
            try store.logEvent("reform report \(unitId) \(report.months[0].month)..\(day.iso) \(scope.rawValue), "
                               + "\(format.rawValue)", action: format == .table ? .print : .export, as: context)
            print(Self.render(report, format: format), terminator: "")
        }
    }

    static let header = ["month", "as_of", "listed", "named_gp", "named_gp_share", "sabo", "sabo_named_gp",
                         "sabo_named_gp_share", "coc_physicians", "coc_physicians_patients", "coc_all",
                         "coc_all_patients", "rejected_open", "sip_calls_due", "sip_calls_met",
                         "discharges", "care_contact_at_discharge"]

    static func render(_ report: ReformReport, format: WorklistCommand.Format) -> String {
        let table = format == .table
        func share(_ v: Double?) -> String {
            v.map { String(format: table ? "%.1f %%" : "%.4f", table ? $0 * 100 : $0) } ?? "n/a"
        }
        func coc(_ v: Double?) -> String { v.map { String(format: table ? "%.2f" : "%.4f", $0) } ?? "n/a" }
        let rows = report.months.map { m in
            [m.month, m.asOf.iso, String(m.listed), String(m.withNamedGP), share(m.namedGPShare),
             String(m.residentialCare), String(m.residentialCareWithNamedGP), share(m.residentialCareNamedGPShare),
             coc(m.cocPhysicians), String(m.cocPhysiciansPatients), coc(m.cocAll), String(m.cocAllPatients),
             String(m.rejectedOpen), String(m.sipCallsDue), String(m.sipCallsMet), String(m.dischargesDue),
             String(m.careContactsMet)]
        }
        switch format {
        case .csv:
            return CommandTable(header: header, rows: rows).csv()
        case .json:
            return CommandTable(header: header, rows: rows).json { i in
                var typed: [String: Any] = ["scope": report.scope.rawValue, "unit": report.unitId.rawValue]
                for (k, v) in zip(header, rows[i]) where k != "month" && k != "as_of" {
                    typed[k] = Int(v) ?? Double(v) ?? NSNull()
                }
                return typed
            }
        case .table:
            let short = ["month", "listed", "named GP", "SÄBO", "SÄBO GP", "COC phys", "COC all", "rejected",
                         "SIP in time", "contact at discharge"]
            let lines = report.months.map { m in
                [m.month, String(m.listed), share(m.namedGPShare), String(m.residentialCare),
                 share(m.residentialCareNamedGPShare), coc(m.cocPhysicians), coc(m.cocAll), String(m.rejectedOpen),
                 "\(m.sipCallsMet)/\(m.sipCallsDue)", "\(m.careContactsMet)/\(m.dischargesDue)"]
            }
            let goals = "Goals: named GP ≥ \(Int(ReformGoals.namedGPShare * 100)) %, SÄBO residents with one ≥ "
                + "\(Int(ReformGoals.residentialCareNamedGPShare * 100)) %. Continuity: COC over 18 months, "
                + (report.scope == .listingUnit ? "encounters at the unit" : "encounters at all units") + ".\n"
            return CommandTable(header: short, rows: lines, rightAligned: Set(1..<short.count)).text() + goals
        }
    }
}
