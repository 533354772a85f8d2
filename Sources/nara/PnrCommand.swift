import ArgumentParser
import NaraDomain

struct PnrCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pnr",
        abstract: "Validate and normalise Swedish person identifiers.",
        discussion: """
            Prints one line per identifier: normalised form, kind, birth date, sex. Accepts personnummer and \
            samordningsnummer with 10 or 12 digits, '-' or '+', the national reservnummer and Region Örebro \
            län's local reservnummer. An invalid identifier prints its reason on stderr; the exit status is 1 \
            if any was invalid.
            """
    )

    @Argument(help: ArgumentHelp("Identifiers, e.g. 19121212-1212 or 121212-1212.", valueName: "ID"))
    var identifiers: [String]

    @Option(help: ArgumentHelp("Decide the century of 10-digit numbers as of this day (YYYY-MM-DD).",
                               valueName: "DATE"))
    var today: String?

    func run() throws {
        let day: LocalDate
        if let today {
            guard let parsed = LocalDate(iso: today) else {
                throw ValidationError("--today must be a date written YYYY-MM-DD, not '\(today)'")
            }
            day = parsed
        } else {
            day = SystemClock().today
        }
        var failed = false
        for text in identifiers {
            do {
                let id = try PersonIdentifier.parse(text, today: day)
                print([id.display, id.kind.rawValue, id.birthDate?.iso ?? "unknown", id.sex.rawValue]
                    .joined(separator: "\t"))
            } catch {
                Output.error("\(CleanText.line(text)): \(error.description)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
