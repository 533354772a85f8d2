import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

/// Figures for the people who run units and the region, built from the whole store.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports over the whole store, without patient identities.",
        subcommands: [ContinuityReportCommand.self, GuaranteeReportCommand.self, ReformReportCommand.self]
    )
}

/// `nara report continuity`: the Primärvårdskvalitet view of continuity, per unit and
/// per named contact.
struct ContinuityReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "continuity",
        abstract: "Continuity of care per care unit and per named contact (COC, UPC, named contacts).",
        discussion: """
            The window is the last --months months up to --today. Listings and named contacts are those \
            active on --today.

            Care units: the unit's listed patients; how many have a named care contact (fast vårdkontakt) and \
            a named GP (fast läkarkontakt) at the unit; and the continuity of their encounters at the unit.

            Staff: one row per staff member who is anyone's named care contact or named GP. "care contact for" \
            and "named GP for" count the patients who have them as such; "patients" counts each of those \
            patients once. Continuity is that of those patients' encounters at the unit of the assignment. \
            "own share" is, of those encounters with staff of the staff member's own profession group, the \
            share that were with the staff member: whether the named contact is the one the patients meet.

            Continuity is given for physicians alone, nurses (nurses and district nurses) alone and all staff. \
            A patient is measured in a group when they had at least --min-encounters encounters in it \
            (default 3, as Primärvårdskvalitet counts); everyone else counts as "too few" and stays out of \
            the figures. COC is the Bice–Boxerman index, UPC the usual provider's share of encounters; each \
            is given as the mean and the quartiles (p25, median, p75, linear interpolation) over the measured \
            patients, "n/a" when none was measured.

            Every kind of encounter counts (visit, phone, video, chat, home visit), as on the continuity screen. \
            A patient's encounters at other units count for neither the unit nor its staff.

            csv has one row per unit or staff member and profession group (scope, profession_group), with \
            fixed English column names and a dot as decimal mark; json is one object. The table is printed, \
            csv and json are exported: either is written to the access log as one row without a patient. No \
            output names a patient.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "FORMAT"))
    var format: WorklistCommand.Format = .table
    @Option(help: ArgumentHelp("The window's length in months, ending on --today.", valueName: "N"))
    var months: Int = Continuity.defaultWindowMonths
    @Option(help: ArgumentHelp("Encounters a patient needs in a profession group to be measured (at least 2).",
                               valueName: "N"))
    var minEncounters: Int = 3
    @Option(help: ArgumentHelp("The window's last day (YYYY-MM-DD), default today.", valueName: "DATE"))
    var today: String?
    /// Who asks: on a production store required, on a demo store the demo user by default.
    @OptionGroup var userOption: UserOption

    static let maximumMonths = 240

    func validate() throws {
        guard (1...Self.maximumMonths).contains(months) else {
            throw ValidationError("--months must be 1 to \(Self.maximumMonths), not \(months)")
        }
        guard minEncounters >= 2 else {
            throw ValidationError("--min-encounters must be at least 2: continuity is undefined for fewer")
        }
        if let today, LocalDate(iso: today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, not '\(today)'")
        }
    }

    func run() throws {
        try reportingFailures {
            let store = try storeOptions.open()
            let session = try SessionResolver.resolve(store: store, user: userOption.user,
                                                      environment: ProcessInfo.processInfo.environment)
            let day = today.flatMap(LocalDate.init(iso:)) ?? SystemClock().today
            let overview = try store.continuityOverview(today: day, months: months, minimumEncounters: minEncounters,
                                                        as: session.context)
            try store.logEvent(Self.logDetail(overview, format: format), action: format == .table ? .print : .export,
                               as: session.context)
            print(ContinuityReportOutput.render(overview, format: format), terminator: "")
        }
    }

    /// Says which report and window, so a reviewer can tell what was taken out.
    static func logDetail(_ overview: ContinuityOverview, format: WorklistCommand.Format) -> String {
        "continuity report \(overview.window.lowerBound.iso)..\(overview.window.upperBound.iso) "
            + "(\(overview.months) months, min \(overview.minimumEncounters) encounters), \(format.rawValue): "
            + "\(overview.units.count) units, \(overview.staff.count) staff"
    }
}
