import ArgumentParser
import NaraDomain

/// The examinations of a yearly check that are done rather than measured, recorded at
/// the unit of --user: they take the patient off `yearly-check-due` for that part.
struct YearlyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yearly-check",
        abstract: "Record an examination of a chronic disease's yearly check as done.",
        discussion: """
            --item eye-screening or foot-examination (diabetes, NDR) or spirometry (COPD). Measurements \
            (HbA1c, blood pressure, weight, eGFR, smoking) are observations and count as they are recorded. \
            Written at the unit of --user, clinical information, and logged.
            """
    )

    @OptionGroup var target: BlockCommand.Target
    @Option(help: ArgumentHelp("eye-screening, foot-examination or spirometry.", valueName: "ITEM")) var item: String
    @Option(help: ArgumentHelp("The day it was done (YYYY-MM-DD), default today.", valueName: "DATE")) var on: String?

    var checkItem: CheckItem? {
        CheckItem(rawValue: item.replacingOccurrences(of: "-", with: "_")).flatMap { $0.observation == nil ? $0 : nil }
    }

    func validate() throws {
        guard checkItem != nil else { throw ValidationError("--item must be eye-screening, foot-examination or spirometry") }
        if let on, LocalDate(iso: on) == nil { throw ValidationError("--on must be YYYY-MM-DD") }
    }

    func run() throws {
        try reportingFailures {
            let (store, context, id) = try target.resolve()
            let done = try store.recordCheckDone(id, item: checkItem!, on: on.flatMap(LocalDate.init(iso:))
                                                     ?? SystemClock().today, as: context)
            print("Recorded: \(item) done \(done.on.iso) at \(done.unitId).")
        }
    }
}
